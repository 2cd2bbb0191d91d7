package eventdesk.event;

import eventdesk.web.Lang;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The public list of events (read without a JTA transaction: plain reads by index). One event's page with its sign-up form is registration.SignUpResource. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class EventResource {

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    eventdesk.web.EventdeskConfig config;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance list(List<EventView> events, List<EventView> past);
    }

    /** Upcoming events (soonest first), then "Past events" (most recently ended first). */
    @GET
    public TemplateInstance list() {
        Instant now = Instant.now(clock);
        Function<Event, EventView> view = e -> EventView.of(e, lang.locale(), now, config.draw().confirmWindow());
        return lang.page(Templates.list(Event.upcoming(now).stream().map(view).toList(),
                Event.past(now).stream().map(view).toList()));
    }
}
