package eventdesk.admin;

import eventdesk.audit.AccessAction;
import eventdesk.event.Event;
import eventdesk.event.EventJson;
import eventdesk.team.Caller;
import eventdesk.web.Problem;
import eventdesk.team.Needs;
import eventdesk.team.Role;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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

/**
 * Organizer scripts (an API token, or HTTP Basic for the first owner) create and update events. A refused input is a 400
 * problem+json naming each bad field ({@link EventEditor.Invalid}).
 */
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
    Caller caller;

    @Needs(value = Role.MANAGER, event = Needs.EventFrom.NEW)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an event; registration opens now until the start unless a window is given")
    public Response create(EventInput in) {
        if (in == null) return Problem.response(400, "Invalid event", "Send the event as JSON.", null);
        Event e = editor.create(in, Instant.now(clock), caller.entry(AccessAction.EDIT_EVENT).because("create"));
        return Response.created(UriBuilder.fromPath("/api/events/{slug}").build(e.slug)).entity(json(e.slug)).build();
    }

    @Needs(Role.MANAGER)
    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update an event; fields left out keep their value. Raising capacity promotes the waitlist")
    public Response update(@PathParam("slug") String slug, EventInput in) {
        EventInput change = in == null ? new EventInput() : in;
        editor.update(slug, change::over, Instant.now(clock), caller.entry(AccessAction.EDIT_EVENT).because("update"));
        return Response.ok(json(slug)).build();
    }

    @Transactional
    EventJson json(String slug) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        return EventJson.withQuestions(e, Instant.now(clock));
    }
}
