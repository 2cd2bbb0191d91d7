package eventdesk.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import eventdesk.event.Event;
import eventdesk.event.EventJson;
import eventdesk.registration.DrawRecord;
import eventdesk.registration.Answers;
import eventdesk.registration.Registration;
import eventdesk.registration.ApprovalService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import eventdesk.registration.InvitationCode;
import eventdesk.registration.Registration;
import eventdesk.registration.DrawService;
import eventdesk.registration.RegistrationStatus;
import eventdesk.registration.Role;
import eventdesk.web.Kst;
import eventdesk.web.Problem;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Organizer scripts (HTTP Basic, role admin): create and update events, list registrations. */
@Path("/api/admin/events")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Admin")
@SecurityRequirement(name = "basic")
public class AdminApi {

    @Inject
    EventEditor editor;
    @Inject
    ApprovalService approvals;
    @Inject
    DrawService draws;
    @Inject
    Clock clock;

    /** A registration for organizers; {@code ticketType} is the type's key (null in an event without types). */
    public record RegistrationJson(long id, RegistrationStatus status, String name, String email, String affiliation,
                                   Role role, String locale, boolean marketingConsent, OffsetDateTime registeredAt,
                                   OffsetDateTime confirmedAt, OffsetDateTime checkedInAt, Long waitlistPosition,
                                   String ticketType, String reference, OffsetDateTime verifiedAt, Integer drawRank,
                                   OffsetDateTime reconfirmSentAt, OffsetDateTime reconfirmedAt,
                                   OffsetDateTime reminderSentAt, Map<String, Object> answers) {

        static RegistrationJson of(Registration r, Long waitlistPosition) {
            return new RegistrationJson(r.id, r.status, r.name, r.email, r.affiliation, r.role, r.locale,
                    r.marketingConsent, kst(r.createdAt), kst(r.confirmedAt), kst(r.checkedInAt), waitlistPosition,
                    r.ticketType == null ? null : r.ticketType.key, r.reference, kst(r.verifiedAt), r.drawRank,
                    kst(r.reconfirmSentAt), kst(r.reconfirmedAt), kst(r.reminderSentAt), Answers.fromJson(r.answers));
        }
    }

    /** A draw's public record (SPEC §2a): the seed only once drawn. */
    public record DrawJson(String slug, OffsetDateTime drawAt, OffsetDateTime drawnAt, String commitment, String seed,
                           long applications, long verified, int seats, List<DrawRecord.Row> order) {
    }

    /** What {@code POST /codes} asks for: how many codes, of which type, optionally for one email and until when. */
    public static class CodeRequest {
        public Integer count;
        public String ticketType;
        public String email;
        public OffsetDateTime expiresAt;
    }

    public record CodeJson(String code) {
    }

    /** An invitation code as the organizer sees it later: its first characters, and who used it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CodeInfo(long id, String hint, String ticketType, String email, OffsetDateTime expiresAt,
                           OffsetDateTime createdAt, OffsetDateTime usedAt, Long usedByRegistration, String usedByEmail) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an event; registration opens now until the start unless a window is given")
    public Response create(EventInput in) {
        if (in == null) return Problem.response(400, "Invalid event", "Send the event as JSON.", null);
        try {
            Event e = editor.create(in, Instant.now(clock));
            return Response.created(UriBuilder.fromPath("/api/events/{slug}").build(e.slug)).entity(json(e.slug)).build();
        } catch (EventEditor.Invalid invalid) {
            return invalid(invalid);
        }
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update an event; fields left out keep their value. Raising capacity promotes the waitlist")
    public Response update(@PathParam("slug") String slug, EventInput in) {
        EventInput change = in == null ? new EventInput() : in;
        try {
            editor.update(slug, change::over, Instant.now(clock));
            return Response.ok(json(slug)).build();
        } catch (EventEditor.Invalid invalid) {
            return invalid(invalid);
        }
    }

    @GET
    @Path("{slug}/registrations")
    @Transactional
    @Operation(summary = "All registrations of an event, each with its answers to the custom questions ({questionKey: value})")
    public List<RegistrationJson> registrations(@PathParam("slug") String slug) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        Map<Long, Long> positions = Registration.waitlistPositions(e);
        return Registration.search(e, null, null).list().stream().map(r -> RegistrationJson.of(r, positions.get(r.id)))
                .toList();
    }

    @POST
    @Path("{slug}/draw")
    @Operation(summary = "Run a due draw now (once): 200 with the draw record; 409 while applications are still open")
    @APIResponse(responseCode = "200", description = "the draw record, also when the draw had already run")
    @APIResponse(responseCode = "404", description = "unknown event, or not a draw event")
    @APIResponse(responseCode = "409", description = "the application window has not closed yet")
    public Response draw(@PathParam("slug") String slug) {
        Instant now = Instant.now(clock);
        Event e = drawEvent(slug);
        draws.draw(e.id, now);
        DrawJson record = drawRecord(slug);
        if (record.drawnAt() == null) {
            return Problem.response(409, "Draw not due", "Applications are open until " + record.drawAt() + ".", null);
        }
        return Response.ok(record).build();
    }

    @GET
    @Path("{slug}/draw")
    @Operation(summary = "The draw record: counts and commitment before the draw; seed and order after it")
    public DrawJson drawRecord(@PathParam("slug") String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event e = drawEvent(slug);
            DrawRecord record = DrawRecord.of(e);
            return new DrawJson(e.slug, kst(e.drawAt), kst(e.drawnAt), record.commitment(), record.seed(), e.applied,
                    Registration.verifiedApplications(e), record.seats(), record.rows());
        });
    }

    private static Event drawEvent(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).filter(Event::isDraw)
                .orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("{slug}/codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create single-use invitation codes: each takes one seat of its ticket type held for invitations "
            + "(or a public one when none is held), without approval. The codes are shown only in this answer")
    @APIResponse(responseCode = "201", description = "[{code}]: the codes as people type them (groups of four)")
    @APIResponse(responseCode = "400", description = "problem+json with field errors")
    public Response createCodes(@PathParam("slug") String slug, CodeRequest in) {
        Event e = codeEvent(slug);
        Map<String, String> errors = CodeForm.problems(e, in == null ? new CodeRequest() : in, Instant.now(clock));
        if (!errors.isEmpty()) {
            Map<String, String> text = new LinkedHashMap<>();
            errors.forEach((field, code) -> text.put(field, switch (code) {
                case "count" -> "a whole number from 1 to 500";
                case "required" -> "required: the event has ticket types";
                case "invalid_email" -> "not an email address that can be mailed";
                case "datetime" -> "an ISO-8601 date-time with offset is required";
                default -> "not one of the event's ticket types";
            }));
            return Problem.response(400, "Invalid codes", "Some fields are missing or invalid.", text);
        }
        List<String> codes = approvals.createCodes(e.id, in.ticketType, in.count, CodeForm.email(in.email),
                in.expiresAt == null ? null : in.expiresAt.toInstant(), Instant.now(clock));
        return Response.status(201).entity(codes.stream().map(CodeJson::new).toList()).build();
    }

    @GET
    @Path("{slug}/codes")
    @Transactional
    @Operation(summary = "The event's invitation codes (first characters only) and who used each")
    public List<CodeInfo> codes(@PathParam("slug") String slug) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        return InvitationCode.ofEvent(e, 10_000).stream().map(c -> new CodeInfo(c.id, c.shownHint(),
                c.ticketType == null ? null : c.ticketType.key, c.email, kst(c.expiresAt), kst(c.createdAt), kst(c.usedAt),
                c.registration == null ? null : c.registration.id, c.registration == null ? null : c.registration.email))
                .toList();
    }

    @Transactional
    Event codeEvent(String slug) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        e.ticketTypes.size();
        return e;
    }

    @Transactional
    EventJson json(String slug) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        return EventJson.withQuestions(e, Instant.now(clock));
    }

    private static Response invalid(EventEditor.Invalid invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.problems.forEach((field, code) -> errors.put(field, code.startsWith("type_capacity:")
                ? "a whole number of seats, not below the " + code.substring("type_capacity:".length())
                + " seats of this type already taken" : switch (code) {
            case "slug" -> "use lowercase letters, digits and hyphens";
            case "slug_taken" -> "another event uses this slug";
            case "datetime" -> "an ISO-8601 date-time with offset is required";
            case "ends_before" -> "must not be before startsAt";
            case "closes_before" -> "must be after the registration opens";
            case "capacity" -> "a whole number of seats, not below the seats already taken";
            case "type_key" -> "lowercase letters, digits and hyphens (at most 32), each key once";
            case "type_held" -> "between 0 and the type's capacity";
            case "type_in_use" -> "this ticket type has registrations and cannot be removed";
            case "types_after_signups" -> "ticket types can be added only before sign-ups start";
            case "too_many" -> "at most " + EventInput.MAX_TYPES + " ticket types";
            case "required" -> "required";
            case "too_long" -> "too long";
            case "invalid_chars" -> "contains control characters";
            case "allocation_locked" -> "the allocation is chosen before sign-ups arrive; this event has sign-ups";
            case "draw_before_open" -> "must be after registrationOpensAt";
            case "draw_after_start" -> "must not be after startsAt";
            case "closes_before_draw" -> "must not be before drawAt";
            case "drawn" -> "the draw has run; drawAt stays";
            case "confirm_window" -> "an ISO-8601 duration between PT1H and P30D";
            case "duration" -> "an ISO-8601 duration from PT0S (off) to P365D, such as P3D or PT24H";
            case "deadline" -> "needs reconfirmBefore on and must be shorter than it";
            case "question_key" -> "a key of 1-40 lowercase letters, digits, - or _ (it names the answers and never changes)";
            case "question_key_taken" -> "another question of this event has this key";
            case "question_type_locked" -> "the type cannot change once people have signed up; remove the question and add a new one";
            case "question_choices" -> "one or more choices, each with a unique key and a label without |";
            case "question_ticket_types" -> "ticket type keys: lowercase letters, digits, - or _";
            case "question_too_many" -> "at most " + eventdesk.event.Question.MAX_QUESTIONS + " questions";
            default -> code.equals("invalid_choice") && field.endsWith(".type")
                    ? "one of TEXT, LONG_TEXT, CHOICE, MULTI_CHOICE, YES_NO, NUMBER" : "not one of the allowed values";
        }));
        return Problem.response(400, "Invalid event", "Some fields are missing or invalid.", errors);
    }

    private static OffsetDateTime kst(Instant i) {
        return i == null ? null : i.atZone(Kst.ZONE).toOffsetDateTime();
    }
}
