package eventdesk.attendee;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationJson;
import eventdesk.team.Caller;
import eventdesk.web.Problem;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** An event's registrations for organizer scripts (HTTP Basic, role admin), oldest first; each read is one access log entry. */
@Needs(Role.MANAGER)
@Path("/api/admin/events/{slug}/registrations")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Admin")
@SecurityRequirement(name = "basic")
public class AttendeeApi {

    @Inject
    Caller caller;
    @Inject
    AccessLog accessLog;

    @GET
    @Transactional
    @Operation(summary = "All registrations of an event, each with its answers to the custom questions ({questionKey: value})")
    public List<RegistrationJson> registrations(@PathParam("slug") String slug) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        Map<Long, Long> positions = Registration.waitlistPositions(e);
        List<RegistrationJson> all = Registration.search(e, null, null).list().stream()
                .map(r -> RegistrationJson.of(r, positions.get(r.id))).toList();
        accessLog.record(caller.entry(AccessAction.VIEW_ATTENDEES).forEvent(e.slug).withFilter("all", all.size()));
        return all;
    }
}
