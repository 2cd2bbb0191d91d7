package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.EventView;
import eventdesk.event.Question;
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

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance form(EventView e, SignUp form, Map<String, String> errors, String focus,
                                                   Role[] roles, List<QuestionView> questions);

        public static native TemplateInstance thanks(EventView e, long waitlistPosition);
    }

    @GET
    public TemplateInstance form(@PathParam("slug") String slug) {
        SignUp form = new SignUp();
        form.locale = lang.code();
        return lang.page(page(slug, form, Map.of()));
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
            Event event = Event.publicBySlug(slug).orElseThrow(NotFoundException::new);
            errors = check.errors(form, Questions.of(event), lang.msg());
            return CompletableFuture.completedFuture(Response.status(422).entity(lang.page(page(slug, form, errors))).build());
        }
        // The answer is built when the batch has committed, on the batch's thread, in this request's context.
        return context.withContextCapture(service.register(slug, form)).thenApply(answer -> Response.seeOther(
                UriBuilder.fromPath("/events/{slug}/thanks").queryParam("position", answer.waitlistPosition()).build(slug))
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
    public TemplateInstance thanks(@PathParam("slug") String slug, @QueryParam("position") long position) {
        return lang.page(Templates.thanks(view(slug), Math.max(0, position)));
    }

    private EventView view(String slug) {
        Event event = Event.publicBySlug(slug).orElseThrow(NotFoundException::new);
        return EventView.of(event, lang.locale(), Instant.now(clock));
    }

    /** The event page with its form: {@code errors} next to their fields, the first one focused. */
    private TemplateInstance page(String slug, SignUp form, Map<String, String> errors) {
        Event event = Event.publicBySlug(slug).orElseThrow(NotFoundException::new);
        return formPage(event, form, errors, lang.locale(), Instant.now(clock));
    }

    /** The event page with its form and questions (also the re-render of a sign-up whose answers were refused). */
    static TemplateInstance formPage(Event event, SignUp form, Map<String, String> errors, Locale locale, Instant now) {
        String focus = errors.isEmpty() ? "" : errors.keySet().iterator().next();
        return Templates.form(EventView.of(event, locale, now), form, errors, focus, Role.values(),
                QuestionView.of(Question.active(event), locale, form, errors));
    }
}
