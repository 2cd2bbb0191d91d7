package eventdesk.chart;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.event.Event;
import eventdesk.web.Lang;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;

/**
 * An event's charts for organizers: sign-ups over time and the funnel, as inline SVG drawn on the
 * server (no JavaScript), each with a title, a description and the same numbers as a table.
 */
@Needs(Role.MANAGER)
@Path("/admin/events/{slug}/charts")
@Produces(MediaType.TEXT_HTML)
public class ChartResource {

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    EventCharts charts;

    public record Head(String slug, String title, String when, int capacity) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance charts(Head e, ChartViews.SignUpChart signUps, ChartViews.FunnelChart funnel,
                                              int width, int height, int left, int right, int top, int bottom, int middle);
    }

    @GET
    @Transactional
    public TemplateInstance charts(@PathParam("slug") String slug) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        ChartTexts t = MessageBundles.get(ChartTexts.class, Localized.Literal.of(lang.code()));
        String title = e.title(lang.locale());
        Head head = new Head(e.slug, title, lang.range(e.startsAt, e.endsAt), e.capacity);
        return lang.page(Templates.charts(head,
                ChartViews.signUps(charts.signUps(e), e.capacity, title, t, lang.locale()),
                ChartViews.funnel(charts.funnel(e, Instant.now(clock)), title, t),
                ChartViews.W, ChartViews.H, ChartViews.LEFT, ChartViews.W - ChartViews.RIGHT, ChartViews.TOP,
                ChartViews.H - ChartViews.BOTTOM, ChartViews.LEFT + ChartViews.PLOT_W / 2));
    }
}
