package eventdesk.message;

import eventdesk.event.Event;
import eventdesk.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Messages to a group of an event's registrations, for organizer scripts (HTTP Basic, role admin). */
@Path("/api/admin/events/{slug}/messages")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Admin")
@SecurityRequirement(name = "basic")
public class MessageApi {

    @Inject
    MessageService messages;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;

    public record Accepted(int recipients) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a message to a group of the event's registrations (each in their language, through the outbox); "
            + "a repeated idempotencyKey sends nothing more and answers the same recipients")
    public Response send(@PathParam("slug") String slug, MessageInput in) {
        if (in == null) return Problem.response(400, "Invalid message", "Send the message as JSON.", null);
        Instant now = Instant.now(clock);
        Map<String, String> problems = problems(slug, in, now);
        if (!problems.isEmpty()) return invalid(problems);
        MessageService.Sent sent = messages.send(slug, in.draft(), in.idempotencyKey, sender(identity), null, now);
        return Response.accepted(new Accepted(sent.recipients())).build();
    }

    @Transactional
    Map<String, String> problems(String slug, MessageInput in, Instant now) {
        Event event = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        return in.problems(event, now);
    }

    /** The organizer's user name (a form-login principal carries its session after a '#'). */
    static String sender(SecurityIdentity identity) {
        String name = identity.isAnonymous() ? "?" : identity.getPrincipal().getName();
        int at = name.lastIndexOf('#');
        return at < 0 ? name : name.substring(0, at);
    }

    private static Response invalid(Map<String, String> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, code) -> errors.put(field, switch (code) {
            case "required" -> "required";
            case "too_long" -> "too long";
            case "invalid_chars" -> "contains control characters";
            case "group_not_yet" -> "NOT_CHECKED_IN is offered once the event has started";
            default -> "one of ACTIVE, PENDING, CONFIRMED, WAITLISTED, CHECKED_IN, NOT_CHECKED_IN";
        }));
        return Problem.response(400, "Invalid message", "Some fields are missing or invalid.", errors);
    }
}
