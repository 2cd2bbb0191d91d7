package eventdesk.event;

import eventdesk.web.Lang;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The public list of events. One event's page with its sign-up form is registration.SignUpResource. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class EventResource {

    @Inject
    Lang lang;
    @Inject
    Clock clock;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance list(List<EventView> events);
    }

    @GET
    @Transactional
    public TemplateInstance list() {
        Instant now = Instant.now(clock);
        List<EventView> events = Event.upcoming(now).stream().map(e -> EventView.of(e, lang.locale(), now)).toList();
        return lang.page(Templates.list(events));
    }
}
