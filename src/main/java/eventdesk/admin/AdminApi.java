package eventdesk.admin;

import eventdesk.event.Event;
import eventdesk.event.EventJson;
import eventdesk.registration.DrawRecord;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    Clock clock;
    @Inject
    RegistrationService registrations;

    public record RegistrationJson(long id, RegistrationStatus status, String name, String email, String affiliation,
                                   Role role, String locale, boolean marketingConsent, OffsetDateTime registeredAt,
                                   OffsetDateTime confirmedAt, OffsetDateTime checkedInAt, Long waitlistPosition,
                                   String reference, OffsetDateTime verifiedAt, Integer drawRank,
                                   OffsetDateTime reconfirmSentAt, OffsetDateTime reconfirmedAt,
                                   OffsetDateTime reminderSentAt) {
    }

    /** A draw's public record (SPEC §2a): the seed only once drawn. */
    public record DrawJson(String slug, OffsetDateTime drawAt, OffsetDateTime drawnAt, String commitment, String seed,
                           long applications, long verified, int seats, List<DrawRecord.Row> order) {
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
    @Operation(summary = "All registrations of an event")
    public List<RegistrationJson> registrations(@PathParam("slug") String slug) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        Map<Long, Long> positions = Registration.waitlistPositions(e);
        return Registration.search(e, null, null).list().stream().map(r -> new RegistrationJson(r.id, r.status, r.name,
                r.email, r.affiliation, r.role, r.locale, r.marketingConsent, kst(r.createdAt), kst(r.confirmedAt),
                kst(r.checkedInAt), positions.get(r.id), r.reference, kst(r.verifiedAt), r.drawRank,
                kst(r.reconfirmSentAt), kst(r.reconfirmedAt), kst(r.reminderSentAt))).toList();
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
        registrations.draw(e.id, now);
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

    @Transactional
    EventJson json(String slug) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        return EventJson.of(e, Instant.now(clock));
    }

    private static Response invalid(EventEditor.Invalid invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.problems.forEach((field, code) -> errors.put(field, switch (code) {
            case "slug" -> "use lowercase letters, digits and hyphens";
            case "slug_taken" -> "another event uses this slug";
            case "datetime" -> "an ISO-8601 date-time with offset is required";
            case "ends_before" -> "must not be before startsAt";
            case "closes_before" -> "must be after the registration opens";
            case "capacity" -> "a whole number of seats, not below the seats already taken";
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
            default -> "not one of the allowed values";
        }));
        return Problem.response(400, "Invalid event", "Some fields are missing or invalid.", errors);
    }

    private static OffsetDateTime kst(Instant i) {
        return i == null ? null : i.atZone(Kst.ZONE).toOffsetDateTime();
    }
}
