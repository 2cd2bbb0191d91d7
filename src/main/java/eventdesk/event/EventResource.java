package eventdesk.event;

import eventdesk.registration.Registration;
import eventdesk.registration.Role;
import eventdesk.registration.SignUp;
import eventdesk.web.Lang;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The public pages: the list of upcoming events and one event with its sign-up form. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class EventResource {

    @Inject
    Lang lang;
    @Inject
    Clock clock;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance list(List<EventView> events, List<EventView> past);

        public static native TemplateInstance show(EventView e, SignUp form, Map<String, String> errors, String focus,
                                                   Role[] roles);

        public static native TemplateInstance thanks(EventView e, long waitlistPosition);
    }

    /** Upcoming events (soonest first), then "Past events" (most recently ended first). */
    @GET
    @Transactional
    public TemplateInstance list() {
        Instant now = Instant.now(clock);
        Map<Long, Registration.Counts> counts = Registration.countsByEvent();
        java.util.function.Function<Event, EventView> view =
                e -> EventView.of(e, counts.getOrDefault(e.id, new Registration.Counts()), lang.locale(), now);
        return lang.page(Templates.list(Event.upcoming(now).stream().map(view).toList(),
                Event.past(now).stream().map(view).toList()));
    }

    @GET
    @Path("events/{slug}")
    @Transactional
    public TemplateInstance show(@PathParam("slug") String slug) {
        SignUp form = new SignUp();
        form.locale = lang.code();
        return lang.page(form(view(slug), form, Map.of(), ""));
    }

    /** The result page after a sign-up (redirect-after-POST target). */
    @GET
    @Path("events/{slug}/thanks")
    @Transactional
    public TemplateInstance thanks(@PathParam("slug") String slug, @QueryParam("position") long position) {
        return lang.page(Templates.thanks(view(slug), Math.max(0, position)));
    }

    public EventView view(String slug) {
        Event event = Event.publicBySlug(slug).orElseThrow(NotFoundException::new);
        return EventView.of(event, Registration.counts(event), lang.locale(), Instant.now(clock));
    }

    public static TemplateInstance form(EventView e, SignUp form, Map<String, String> errors, String focus) {
        return Templates.show(e, form, errors, focus, Role.values());
    }
}
