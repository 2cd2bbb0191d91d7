package eventdesk.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import eventdesk.event.Event;
import eventdesk.web.ClientAddress;
import eventdesk.web.Msg;
import eventdesk.web.Problem;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Sign-ups for partners: 202 with the outcome, 400 problem+json, 404, 409, 429. */
@Path("/api/events/{slug}/registrations")
@Tag(name = "Registrations")
public class RegistrationApi {

    @Inject
    SignUpService service;
    @Inject
    SignUpCheck check;
    @Inject
    ClientAddress client;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Accepted(RegistrationStatus status, Long waitlistPosition) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Blocking
    @Operation(summary = "Sign a person up; a duplicate email answers like a new sign-up and re-sends the email",
            description = "Where the event has ticket types, ticketType (a type's key) is required unless an invitation "
                    + "code names the type. A valid code takes a seat held for invitations (no approval). In approval "
                    + "mode the sign-up waits as APPLIED until the organizer decides.")
    @APIResponse(responseCode = "202", description = "PENDING (seat held, confirm mail sent), WAITLISTED with the position "
            + "in its ticket type's queue, or APPLIED (awaiting approval, no seat)")
    @APIResponse(responseCode = "400", description = "problem+json with field errors (also an unknown ticketType, and a "
            + "code that is unknown, used, expired, for another email or type, or has no seat left: nothing is taken; "
            + "answers to the event's questions are named answers.<questionKey>)")
    @APIResponse(responseCode = "404", description = "unknown event")
    @APIResponse(responseCode = "409", description = "registration closed, or sold out without waitlist")
    @APIResponse(responseCode = "429", description = "too many sign-ups from this client address or for this email "
            + "address; Retry-After says how many seconds to wait")
    public CompletionStage<Response> register(@PathParam("slug") String slug, SignUp form) {
        client.takeSignUpBudget();
        Msg english = MessageBundles.get(Msg.class, Localized.Literal.of("en"));
        Map<String, String> errors = check.errors(form, english);
        if (!errors.isEmpty()) {
            // Every problem at once: the answers too (valid sign-ups have them checked in their batch).
            Optional<Event> event = Event.publicBySlug(slug);
            if (event.isPresent()) errors = check.errors(form, Questions.of(event.get()), english);
            return CompletableFuture.completedFuture(
                    Problem.response(400, "Invalid sign-up", "Some fields are missing or invalid.", errors));
        }
        client.takeMailBudget(form.email);
        return service.register(slug, form).thenApply(answer -> Response.accepted(new Accepted(answer.status(),
                        answer.status() == RegistrationStatus.WAITLISTED ? answer.waitlistPosition() : null))
                .type(MediaType.APPLICATION_JSON).build());
    }
}
