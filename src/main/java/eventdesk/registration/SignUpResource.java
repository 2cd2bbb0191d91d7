package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.EventView;
import eventdesk.web.ClientAddress;
import eventdesk.web.Lang;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ThreadContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import jakarta.transaction.Transactional;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One event's public page with its sign-up form, the form's POST, and the result page after it
 * (redirect after POST). A failed form re-renders with 422 and each error next to its field.
 */
@Path("/events/{slug}")
@Produces(MediaType.TEXT_HTML)
public class SignUpResource {

    @Inject
    RegistrationService service;
    @Inject
    SignUpCheck check;
    @Inject
    ClientAddress client;
    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    ThreadContext context;
    @Inject
    eventdesk.web.EventdeskConfig config;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance form(EventView e, SignUp form, Map<String, String> errors, String focus,
                                                   Role[] roles);

        public static native TemplateInstance thanks(EventView e, long waitlistPosition, boolean applied);

        public static native TemplateInstance draw(EventView e, DrawRecord record);
    }

    @GET
    public TemplateInstance form(@PathParam("slug") String slug) {
        SignUp form = new SignUp();
        form.locale = lang.code();
        return lang.page(Templates.form(view(slug), form, Map.of(), "", Role.values()));
    }

    /** The form's POST: 303 to the result page once the sign-up's batch has committed. */
    @POST
    @Path("registrations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public CompletionStage<Response> submit(@PathParam("slug") String slug, MultivaluedMap<String, String> fields) {
        SignUp form = SignUp.fromForm(fields);
        client.takeSignUpBudget();
        Map<String, String> errors = check.errors(form, lang.msg());
        if (!errors.isEmpty()) {
            TemplateInstance page = Templates.form(view(slug), form, errors, errors.keySet().iterator().next(), Role.values());
            return CompletableFuture.completedFuture(Response.status(422).entity(lang.page(page)).build());
        }
        // The answer is built when the batch has committed, on the batch's thread, in this request's context.
        return context.withContextCapture(service.register(slug, form)).thenApply(answer -> Response.seeOther(
                answer.status() == RegistrationStatus.APPLIED
                        ? UriBuilder.fromPath("/events/{slug}/thanks").queryParam("applied", true).build(slug)
                        : UriBuilder.fromPath("/events/{slug}/thanks").queryParam("position", answer.waitlistPosition()).build(slug))
                .build());
    }

    /** A GET on the form's address (e.g. the language switch on a re-rendered form) shows the event. */
    @GET
    @Path("registrations")
    public Response formAddress(@PathParam("slug") String slug) {
        return Response.seeOther(UriBuilder.fromPath("/events/{slug}").queryParam("lang", lang.code()).build(slug)).build();
    }

    @GET
    @Path("thanks")
    public TemplateInstance thanks(@PathParam("slug") String slug, @QueryParam("position") long position,
                                   @QueryParam("applied") boolean applied) {
        return lang.page(Templates.thanks(view(slug), Math.max(0, position), applied));
    }

    /** A draw event's public record: the commitment, and after the draw the seed and the order (SPEC §2a). */
    @GET
    @Path("draw")
    @Transactional
    public TemplateInstance draw(@PathParam("slug") String slug) {
        Event event = drawEvent(slug);
        return lang.page(Templates.draw(EventView.of(event, lang.locale(), Instant.now(clock), config.draw().confirmWindow()),
                DrawRecord.of(event)));
    }

    /** The draw order as CSV, the file the README's recipe recomputes. */
    @GET
    @Path("draw.csv")
    @Produces("text/csv")
    @Transactional
    public Response drawCsv(@PathParam("slug") String slug) {
        DrawRecord record = DrawRecord.of(drawEvent(slug));
        StringWriter csv = new StringWriter();
        record.writeCsv(csv);
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-draw.csv\"").build();
    }

    private static Event drawEvent(String slug) {
        return Event.publicBySlug(slug).filter(Event::isDraw).orElseThrow(NotFoundException::new);
    }

    private EventView view(String slug) {
        Event event = Event.publicBySlug(slug).orElseThrow(NotFoundException::new);
        return EventView.of(event, lang.locale(), Instant.now(clock), config.draw().confirmWindow());
    }
}
