package eventdesk.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eventdesk.web.RenderCache;
import eventdesk.web.RenderCache.Rendered;
import eventdesk.web.SharedAnswer;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Public events for partners, with live seat counts. Answers are rendered once per change of what they show
 * and kept ({@link RenderCache}): each request compares the events' stamp ({@link EventStamps}) and the
 * clock, so counts and {@code registrationOpen} are exact at every request, on every instance. Each answer
 * has an ETag; a matching {@code If-None-Match} gets 304.
 */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventApi {

    @Inject
    Clock clock;
    @Inject
    EventStamps stamps;
    @Inject
    ObjectMapper json;

    private final RenderCache<String, EventStamps.Stamp, SharedAnswer> one = new RenderCache<>();
    private final RenderCache<Boolean, EventStamps.Stamp, SharedAnswer> all = new RenderCache<>();

    @GET
    @Operation(summary = "Upcoming public events with live seat counts")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = EventJson.class)))
    public Response list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Instant now = Instant.now(clock);
        return all.get(true, stamps::all, now, stamp -> {
            List<Event> events = Event.upcoming(now);
            List<Instant> changes = new ArrayList<>();
            events.forEach(e -> changes.addAll(e.changesAt()));
            return new Rendered<>(answer(events.stream().map(e -> EventJson.of(e, now)).toList()), changes);
        }).respond(ifNoneMatch, null);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One public event with the questions its sign-up answers; 404 for an unknown slug")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EventJson.class)))
    public Response get(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Instant now = Instant.now(clock);
        return one.get(slug, () -> stamps.of(slug).orElseThrow(NotFoundException::new), now, stamp -> {
            Event event = Event.publicBySlug(slug).orElseThrow(NotFoundException::new);
            return new Rendered<>(answer(EventJson.withQuestions(event, now)), event.changesAt());
        }).respond(ifNoneMatch, null);
    }

    private SharedAnswer answer(Object body) {
        try {
            return SharedAnswer.json(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
