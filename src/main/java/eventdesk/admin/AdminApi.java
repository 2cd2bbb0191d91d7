package eventdesk.admin;

import eventdesk.event.Event;
import eventdesk.event.EventJson;
import eventdesk.registration.Answers;
import eventdesk.registration.Registration;
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

    public record RegistrationJson(long id, RegistrationStatus status, String name, String email, String affiliation,
                                   Role role, String locale, boolean marketingConsent, OffsetDateTime registeredAt,
                                   OffsetDateTime confirmedAt, OffsetDateTime checkedInAt, Long waitlistPosition,
                                   Map<String, Object> answers) {
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
        return Registration.search(e, null, null).list().stream().map(r -> new RegistrationJson(r.id, r.status, r.name,
                r.email, r.affiliation, r.role, r.locale, r.marketingConsent, kst(r.createdAt), kst(r.confirmedAt),
                kst(r.checkedInAt), positions.get(r.id), Answers.fromJson(r.answers))).toList();
    }

    @Transactional
    EventJson json(String slug) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        return EventJson.withQuestions(e, Instant.now(clock));
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
