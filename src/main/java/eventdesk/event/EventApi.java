package eventdesk.event;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Public events for partners, with live seat counts. */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventApi {

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Upcoming public events with live seat counts")
    public List<EventJson> list() {
        Instant now = Instant.now(clock);
        return Event.upcoming(now).stream().map(e -> EventJson.of(e, now)).toList();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One public event with the questions its sign-up answers; 404 for an unknown slug")
    public EventJson get(@PathParam("slug") String slug) {
        Event event = Event.publicBySlug(slug).orElseThrow(NotFoundException::new);
        return EventJson.withQuestions(event, Instant.now(clock));
    }
}
