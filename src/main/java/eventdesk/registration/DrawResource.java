package eventdesk.registration;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.audit.AccessAction;
import eventdesk.event.Event;
import eventdesk.team.Caller;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.time.Clock;
import java.time.Instant;

/**
 * The organizer's "Draw now" ({@link DrawPanel} on the attendee page): runs the same draw as the
 * scheduler, once the application window has closed, and goes back to the attendee page saying whether it ran.
 */
@Needs(Role.MANAGER)
@Path("/admin/events/{slug}/draw")
public class DrawResource {

    @Inject
    DrawService registrations;
    @Inject
    Clock clock;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response draw(@PathParam("slug") String slug) {
        boolean ran = registrations.draw(eventId(slug), Instant.now(clock), caller.entry(AccessAction.DRAW));
        return Response.seeOther(UriBuilder.fromPath("/admin/events/{slug}").queryParam("done", ran ? "drawn" : "draw_not_due")
                .build(slug)).build();
    }

    @Transactional
    long eventId(String slug) {
        return Event.bySlug(slug).orElseThrow(NotFoundException::new).id;
    }
}
