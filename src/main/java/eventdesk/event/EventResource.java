package eventdesk.event;

import eventdesk.web.CsrfToken;
import eventdesk.web.Lang;
import eventdesk.web.RenderCache;
import eventdesk.web.RenderCache.Rendered;
import eventdesk.web.SharedAnswer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The public list of events, rendered once per language and per change of any event, and kept
 * ({@link RenderCache}, compared with the stamp of all events on every request). Read without a JTA
 * transaction: plain reads by index. One event's page with its sign-up form is registration.SignUpResource.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class EventResource {

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    eventdesk.web.EventdeskConfig config;
    @Inject
    EventStamps stamps;
    @Inject
    CsrfToken csrf;

    private final RenderCache<String, EventStamps.Stamp, SharedAnswer> pages = new RenderCache<>();

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance list(List<EventView> events, List<EventView> past);
    }

    /** Upcoming events (soonest first), then "Past events" (most recently ended first). */
    @GET
    public Response list(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Instant now = Instant.now(clock);
        return pages.get(lang.code(), stamps::all, now, stamp -> {
            Function<Event, EventView> view = e -> EventView.of(e, lang.locale(), now, config.draw().confirmWindow());
            List<Event> upcoming = Event.upcoming(now);
            List<Event> past = Event.past(now);
            List<Instant> changes = new ArrayList<>();
            upcoming.forEach(e -> changes.addAll(e.changesAt()));
            past.forEach(e -> changes.addAll(e.changesAt()));
            return new Rendered<>(csrf.share(() -> lang.page(Templates.list(upcoming.stream().map(view).toList(),
                    past.stream().map(view).toList())).render()), changes);
        }).respond(ifNoneMatch, csrf::getToken);
    }
}
