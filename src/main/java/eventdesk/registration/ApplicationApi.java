package eventdesk.registration;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.team.Caller;
import eventdesk.web.Problem;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;

/**
 * Approval mode for scripts (HTTP Basic, role admin): approve or decline one application. A draw
 * event's applications are refused with 409: the draw alone gives its seats.
 */
@Needs(value = Role.MANAGER, event = Needs.EventFrom.REGISTRATION)
@Path("/api/admin/registrations/{id}")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Admin")
@SecurityRequirement(name = "basic")
public class ApplicationApi {

    @Inject
    ApprovalService registrations;
    @Inject
    Clock clock;
    @Inject
    Caller caller;

    @POST
    @Path("approve")
    @Operation(summary = "Approve an application (APPLIED): a free seat of its type makes it PENDING (hold and confirm "
            + "mail), else it joins the type's waitlist (WAITLISTED, position mail)")
    @APIResponse(responseCode = "200", description = "the registration as it is now")
    @APIResponse(responseCode = "404", description = "no such registration")
    @APIResponse(responseCode = "409", description = "not APPLIED, a draw event's application (the draw alone gives "
            + "its seats), or sold out without a waitlist (it stays APPLIED)")
    public RegistrationJson approve(@PathParam("id") long id) {
        return json(registrations.approve(id, Instant.now(clock), edit("approve")).id);
    }

    @POST
    @Path("decline")
    @Operation(summary = "Decline an application (APPLIED to DECLINED); the person gets a kind note in their language")
    @APIResponse(responseCode = "200", description = "the registration as it is now")
    @APIResponse(responseCode = "404", description = "no such registration")
    @APIResponse(responseCode = "409", description = "not APPLIED, or a draw event's application (the draw decides it)")
    public RegistrationJson decline(@PathParam("id") long id) {
        return json(registrations.decline(id, Instant.now(clock), edit("decline")).id);
    }

    private AccessLog.Entry edit(String what) {
        return caller.entry(AccessAction.EDIT_REGISTRATION).because(what);
    }

    @Transactional
    RegistrationJson json(long id) {
        return RegistrationJson.of(Registration.findById(id));
    }
}
