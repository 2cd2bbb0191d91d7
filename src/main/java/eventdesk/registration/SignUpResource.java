package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.EventStamps;
import eventdesk.event.EventView;
import eventdesk.event.Question;
import eventdesk.web.ClientAddress;
import eventdesk.web.CsrfToken;
import eventdesk.web.Lang;
import eventdesk.web.RenderCache;
import eventdesk.web.RenderCache.Rendered;
import eventdesk.web.SharedAnswer;
import eventdesk.web.TicketMsg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ThreadContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import jakarta.transaction.Transactional;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
    SignUpService service;
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
    @Inject
    ConsentNotice notice;
    @Inject
    EventStamps stamps;
    @Inject
    CsrfToken csrf;

    private final RenderCache<String, EventStamps.Stamp, SharedAnswer> pages = new RenderCache<>();

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance form(EventView e, SignUp form, Map<String, String> errors, String focus,
                                                   Role[] roles, List<QuestionView> questions, boolean codeField,
                                                   ConsentNotice.Text notice);

        public static native TemplateInstance thanks(EventView e, long waitlistPosition, boolean applied, String holdUntil);

        public static native TemplateInstance draw(EventView e, DrawRecord record);
    }

    /**
     * The event and its form. {@code ?code=} (the link in an invitation) fills in the code and, when
     * the code names a ticket type, chooses it. Without one, the page is the same for every visitor of a
     * language but for the CSRF token: it is rendered once per change of the event and kept
     * ({@link RenderCache}; every request compares the event's stamp and the clock), and each visitor's
     * token is put in as it is sent.
     */
    @GET
    public Response form(@PathParam("slug") String slug, @QueryParam("code") String code,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        SignUp form = new SignUp();
        form.locale = lang.code();
        Instant now = Instant.now(clock);
        if (code != null && code.length() <= 40 && !code.isBlank()) {
            Event event = Event.publicBySlug(slug).orElseThrow(NotFoundException::new);
            form.code = code.strip();
            InvitationCode.find(event, code).filter(c -> c.ticketType != null).ifPresent(c -> form.ticketType = c.ticketType.key);
            return Response.ok(lang.page(formPage(event, form, Map.of(), lang.locale(), now, config.draw().confirmWindow(), notice)))
                    .build();
        }
        return pages.get(lang.code() + ' ' + slug, () -> stamps.of(slug).orElseThrow(NotFoundException::new), now, stamp -> {
            Event event = Event.publicBySlug(slug).orElseThrow(NotFoundException::new);
            List<Instant> changes = new ArrayList<>(event.changesAt());
            InvitationCode.nextExpiry(event, now).ifPresent(changes::add);
            return new Rendered<>(csrf.share(() -> lang.page(formPage(event, form, Map.of(), lang.locale(), now,
                    config.draw().confirmWindow(), notice)).render()), changes);
        }).respond(ifNoneMatch, csrf::getToken);
    }

    /** The form's POST: 303 to the result page once the sign-up's batch has committed. */
    @POST
    @Path("registrations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Blocking
    public CompletionStage<Response> submit(@PathParam("slug") String slug, MultivaluedMap<String, String> fields) {
        SignUp form = SignUp.fromForm(fields);
        client.takeSignUpBudget();
        TicketMsg tix = MessageBundles.get(TicketMsg.class, Localized.Literal.of(lang.code()));
        Map<String, String> errors = check.errors(form, lang.msg(), tix);
        if (!errors.isEmpty()) {
            // Every problem at once: the ticket type, the fields, then the answers to the questions.
            Event event = Event.publicBySlug(slug).orElseThrow(NotFoundException::new);
            Map<String, String> all = new java.util.LinkedHashMap<>();
            if (event.hasTypes() && form.ticketType == null && form.code == null && !errors.containsKey("ticketType")) {
                all.put("ticketType", tix.error_type_required());
            }
            all.putAll(errors);
            all.putAll(SignUpCheck.texts(Questions.of(event).check(form).errors(), lang.msg()));
            return CompletableFuture.completedFuture(Response.status(422).entity(lang.page(page(slug, form, all))).build());
        }
        client.takeMailBudget(form.email);
        // The answer is built when the batch has committed, on the batch's thread, in this request's context.
        return context.withContextCapture(service.register(slug, form)).thenApply(answer -> {
            UriBuilder thanks = UriBuilder.fromPath("/events/{slug}/thanks").queryParam("position", answer.waitlistPosition());
            if (answer.status() == RegistrationStatus.APPLIED) thanks.queryParam("applied", true);
            if (answer.holdUntil() != null) thanks.queryParam("until", answer.holdUntil().getEpochSecond());
            return Response.seeOther(thanks.build(slug)).build();
        });
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
                                   @QueryParam("applied") boolean applied, @QueryParam("until") Long until) {
        return lang.page(Templates.thanks(view(slug), Math.max(0, position), applied, holdUntil(until)));
    }

    /** The hold's end the sign-up's answer named ({@code ?until=} in epoch seconds), in KST; null when absent or implausible. */
    private String holdUntil(Long epochSecond) {
        if (epochSecond == null || epochSecond < 0 || epochSecond > MAX_HOLD_SECOND) return null;
        return lang.dateTime(Instant.ofEpochSecond(epochSecond));
    }

    /** 9999-12-31T23:59:59Z: anything later is not a time a hold ends. */
    private static final long MAX_HOLD_SECOND = 253402300799L;

    /** A draw event's public record: the commitment, and after the draw the seed and the order with what each got. */
    @GET
    @Path("draw")
    @Transactional
    public TemplateInstance draw(@PathParam("slug") String slug) {
        Event event = drawEvent(slug);
        return lang.page(Templates.draw(EventView.of(event, lang.locale(), Instant.now(clock), config.draw().confirmWindow()),
                DrawRecord.of(event)));
    }

    /** The draw order as CSV, the file the recipe in docs/organizers.md recomputes. */
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

    /** The event page with its form: {@code errors} next to their fields, the first one focused. */
    private TemplateInstance page(String slug, SignUp form, Map<String, String> errors) {
        Event event = Event.publicBySlug(slug).orElseThrow(NotFoundException::new);
        return formPage(event, form, errors, lang.locale(), Instant.now(clock), config.draw().confirmWindow(), notice);
    }

    /**
     * The event page with its form and questions (also the re-render of a sign-up whose answers were
     * refused). The invitation-code field is there only where a code can matter: the event holds seats
     * for codes or has codes still usable, or the link or the form carried one.
     */
    static TemplateInstance formPage(Event event, SignUp form, Map<String, String> errors, Locale locale, Instant now,
                                     java.time.Duration defaultConfirmWindow, ConsentNotice notice) {
        String focus = errors.isEmpty() ? "" : errors.keySet().iterator().next();
        boolean codeField = form.code != null || errors.containsKey("code") || event.heldOpen() > 0
                || InvitationCode.usableExist(event, now);
        return Templates.form(EventView.of(event, locale, now, defaultConfirmWindow), form, errors, focus, Role.values(),
                QuestionView.of(Question.active(event), locale, form, errors), codeField, notice.in(locale));
    }
}
