package eventdesk.message;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.audit.AccessAction;
import eventdesk.team.Caller;
import eventdesk.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

/** Messages to a group of an event's registrations, for organizer scripts (HTTP Basic, role admin). */
@Needs(Role.MANAGER)
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
    @Inject
    Caller caller;

    public record Accepted(int recipients) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a message to a group of the event's registrations (each in their language, through the outbox); "
            + "a repeated idempotencyKey sends nothing more and answers the same recipients",
            description = "purpose PROMOTIONAL sends only to those in the group whose consent to news by email stands "
                    + "(recipients counts them), marked as advertising; TRANSACTIONAL (the default) sends to everyone in the group.")
    public Response send(@PathParam("slug") String slug, MessageInput in) {
        if (in == null) return Problem.response(400, "Invalid message", "Send the message as JSON.", null);
        Instant now = Instant.now(clock);
        messages.check(slug, in, now);
        MessageService.Sent sent = messages.send(slug, in, sender(identity), null, now, caller.entry(AccessAction.SEND_MESSAGE));
        return Response.accepted(new Accepted(sent.recipients())).build();
    }

    /** The organizer's user name (a form-login principal carries its session after a '#'). */
    static String sender(SecurityIdentity identity) {
        String name = identity.isAnonymous() ? "?" : identity.getPrincipal().getName();
        int at = name.lastIndexOf('#');
        return at < 0 ? name : name.substring(0, at);
    }
}
