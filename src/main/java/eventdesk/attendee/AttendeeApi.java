package eventdesk.attendee;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.registration.Guest;
import eventdesk.registration.GuestService;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationJson;
import eventdesk.team.Caller;
import eventdesk.web.Problem;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An event's registrations for organizer scripts (HTTP Basic, role admin), oldest first, and a person added by
 * hand; each read and each addition is one access log entry.
 */
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
    @Inject
    GuestService guests;
    @Inject
    Clock clock;

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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a person by hand (a speaker, a sponsor's staff, a walk-in): they take a free public seat, also "
            + "after registration has closed. confirmed: true makes them CONFIRMED at once and mails the ticket; false (the "
            + "default) makes them PENDING with the confirm mail, as a sign-up")
    @APIResponse(responseCode = "201", description = "the registration, as the list shows it")
    @APIResponse(responseCode = "400", description = "problem+json naming each field that cannot be used; nothing is stored")
    @APIResponse(responseCode = "404", description = "unknown event")
    @APIResponse(responseCode = "409", description = "no seat left, the address already registered, the event cancelled, a "
            + "draw event before its draw, or a pending guest once the event has started; nothing is stored")
    public Response add(@PathParam("slug") String slug, Guest in) {
        Registration r = guests.add(slug, in == null ? new Guest() : in, Instant.now(clock),
                caller.entry(AccessAction.EDIT_REGISTRATION).because("add"));
        return Response.status(201).entity(RegistrationJson.of(r, null)).build();
    }
}
