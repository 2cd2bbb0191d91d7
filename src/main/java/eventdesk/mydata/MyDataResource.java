package eventdesk.mydata;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.registration.PersonalData;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationLabels;
import eventdesk.registration.SignUpCheck;
import eventdesk.web.ClientAddress;
import eventdesk.web.ConfirmStep;
import eventdesk.web.EmailAddress;
import eventdesk.web.ErrorPages;
import eventdesk.web.Lang;
import eventdesk.web.TooManyRequests;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's own registrations and data at {@code /me}. Without a session: a form that mails a link to
 * the address typed, answering the same whether the address has registrations or not ({@link MyDataAccess});
 * the link's page has a button, and only its POST opens a 30-minute session (mail scanners open links).
 * In the session: every registration of that address in every event, the download of all data, and
 * forms (POST, CSRF, each checking the session again) to correct a name or affiliation, cancel,
 * withdraw consent to news, and erase everything after a confirm step.
 */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
public class MyDataResource {

    /** The session cookie; over https the {@code __Host-} one (Secure, whole site, set by this host only). */
    static final String COOKIE = "me-session", SECURE_COOKIE = "__Host-me-session";

    @Inject
    MyDataAccess access;
    @Inject
    PersonalData personal;
    @Inject
    SignUpCheck check;
    @Inject
    ClientAddress client;
    @Inject
    CurrentVertxRequest current;
    @Inject
    Lang lang;
    @Inject
    Clock clock;

    /** A correction refused: what was typed, and the error of each field (null when that field is fine). */
    public record Correction(String name, String affiliation, String nameError, String affiliationError) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ask(String email, String error, boolean ended);

        static native TemplateInstance sent();

        static native TemplateInstance open(String token);

        static native TemplateInstance invalid();

        static native TemplateInstance list(String session, List<MyRegistration> registrations, boolean marketing,
                                            String done, Map<Long, Correction> corrections);

        static native TemplateInstance erased();
    }

    /** The form asking for an address, or in a session the person's registrations. */
    @GET
    @Transactional
    public TemplateInstance page(@QueryParam("done") String done) {
        Optional<MyDataAccess.Session> session = session();
        if (session.isEmpty()) return lang.page(Templates.ask("", null, cookie() != null || "ended".equals(done)));
        return list(session.get(), done, Map.of());
    }

    /**
     * Mails a link to the address when it has registrations; the answer is the same page either way, and
     * counts against the same limits as a sign-up (per client address, per mailbox), which do not depend
     * on what is stored.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ask(@FormParam("email") String email) {
        try {
            client.takeSignUpBudget();
            String typed = email == null ? "" : email.strip();
            Optional<String> address = typed.length() > EmailAddress.MAX_LENGTH ? Optional.empty() : EmailAddress.normalize(typed);
            if (address.isEmpty()) {
                String error = typed.isEmpty() ? lang.msg().error_required() : lang.msg().error_invalid_email();
                return Response.status(422).entity(lang.page(Templates.ask(typed, error, false))).build();
            }
            client.takeMailBudget(address.get());
            access.requestLink(address.get(), Instant.now(clock));
            return Response.seeOther(URI.create("/me/sent")).build();
        } catch (TooManyRequests e) {
            MyDataTexts me = lang.bundle(MyDataTexts.class);
            return Response.fromResponse(ErrorPages.page(429, me.too_many_title(), me.too_many_text((e.retryAfterSeconds + 59) / 60),
                    lang.locale())).header("Retry-After", e.retryAfterSeconds).build();
        }
    }

    @GET
    @Path("sent")
    public TemplateInstance sent() {
        return lang.page(Templates.sent());
    }

    @GET
    @Path("erased")
    public TemplateInstance erased() {
        return lang.page(Templates.erased());
    }

    /** The mailed link: a button, when the link can still be used; opening it changes nothing. */
    @GET
    @Path("{token}")
    public Response link(@PathParam("token") String token) {
        if (!access.linkUsable(token, Instant.now(clock))) return invalid();
        return Response.ok(lang.page(Templates.open(token))).build();
    }

    /** The button's POST uses the link (once) and starts the session. */
    @POST
    @Path("{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("token") String token) {
        Instant now = Instant.now(clock);
        return access.open(token, now)
                .map(secret -> Response.seeOther(URI.create("/me")).cookie(cookie(secret, MyDataAccess.SESSION_LIFE.toSeconds())).build())
                .orElseGet(this::invalid);
    }

    /** Everything held about the person, as a JSON file; without a session, back to the form. */
    @GET
    @Path("data.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response data() {
        Optional<MyDataAccess.Session> session = session();
        if (session.isEmpty()) return ended();
        return Response.ok(MyDataJson.of(session.get().email(), Registration.ofPerson(session.get().email()), Instant.now(clock)),
                        MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"my-data.json\"").build();
    }

    /** Corrects the name and affiliation of an active registration, checked as the sign-up form checks them. */
    @POST
    @Path("registrations/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("id") long id, @FormParam("name") String name, @FormParam("affiliation") String affiliation) {
        Optional<MyDataAccess.Session> session = session();
        if (session.isEmpty()) return ended();
        String n = name == null ? null : name.strip(), a = affiliation == null ? null : affiliation.strip();
        Map<String, String> errors = check.nameErrors(n, a, lang.msg());
        if (!errors.isEmpty()) {
            Correction refused = new Correction(n, a, errors.get("name"), errors.get("affiliation"));
            return Response.status(422).entity(listInTransaction(session.get(), Map.of(id, refused))).build();
        }
        return done(personal.correct(session.get().email(), id, n, a) ? "corrected" : "unchanged");
    }

    /** Cancels one registration as its manage link would (the person is mailed, the seat moves on). */
    @POST
    @Path("registrations/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id) {
        Optional<MyDataAccess.Session> session = session();
        if (session.isEmpty()) return ended();
        return done(personal.cancel(session.get().email(), id, Instant.now(clock)) ? "cancelled" : "unchanged");
    }

    /** Withdraws consent to news on every registration of the person. */
    @POST
    @Path("marketing")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdrawMarketing() {
        Optional<MyDataAccess.Session> session = session();
        if (session.isEmpty()) return ended();
        personal.withdrawMarketing(session.get().email(), Instant.now(clock));
        return done("withdrawn");
    }

    /**
     * Erases the person's data after a confirm step: the first POST answers a page naming the registrations
     * and what follows; its button posts again with {@code confirmed=true}. Then the session ends, and the
     * access log records the erasure (the registrations' ids, no personal data).
     */
    @POST
    @Path("erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@FormParam("confirmed") String confirmed) {
        Optional<MyDataAccess.Session> session = session();
        if (session.isEmpty()) return ended();
        if (!"true".equals(confirmed)) return Response.ok(lang.page(eraseStep(session.get()).publicPage())).build();
        access.erase(session.get().email(), Instant.now(clock), AccessLog.Entry.of("attendee", client.ip(), AccessAction.ERASED));
        return Response.seeOther(URI.create("/me/erased")).cookie(cookie("", 0)).build();
    }

    /**
     * A GET on a form's address (the language switch on the confirm step or on a refused correction) shows
     * the page again, in the language asked for.
     */
    @GET
    @Path("{form: erase|registrations/[0-9]+}")
    public Response formAddress() {
        return Response.seeOther(UriBuilder.fromPath("/me").queryParam("lang", lang.code()).build()).build();
    }

    /** Ends the session. */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
        access.end(cookie());
        return Response.seeOther(UriBuilder.fromPath("/me").queryParam("done", "ended").build()).cookie(cookie("", 0)).build();
    }

    @Transactional
    ConfirmStep eraseStep(MyDataAccess.Session session) {
        MyDataTexts me = lang.bundle(MyDataTexts.class);
        RegistrationLabels labels = lang.bundle(RegistrationLabels.class);
        List<String> registrations = Registration.ofPerson(session.email()).stream()
                .map(r -> r.event.title(lang.locale()) + " · " + labels.status(r.status))
                .toList();
        return new ConfirmStep(me.erase_confirm_title(), me.erase_confirm_text(), registrations, "/me/erase", List.of(),
                me.erase_confirm_button(), "/me");
    }

    @Transactional
    TemplateInstance listInTransaction(MyDataAccess.Session session, Map<Long, Correction> corrections) {
        return list(session, null, corrections);
    }

    private TemplateInstance list(MyDataAccess.Session session, String done, Map<Long, Correction> corrections) {
        List<Registration> all = Registration.ofPerson(session.email());
        List<MyRegistration> rows = all.stream().map(r -> MyRegistration.of(r, lang)).toList();
        boolean marketing = all.stream().anyMatch(r -> r.marketingConsent);
        String heading = lang.bundle(MyDataTexts.class).session_for(session.email(), lang.dateTime(session.until()));
        return lang.page(Templates.list(heading, rows, marketing, done == null ? "" : done, corrections));
    }

    private Optional<MyDataAccess.Session> session() {
        return access.session(cookie(), Instant.now(clock));
    }

    /** The session cookie's secret, if the request brought one (over https only the {@code __Host-} cookie counts). */
    private String cookie() {
        io.vertx.core.http.Cookie c = request().getCookie(https() ? SECURE_COOKIE : COOKIE);
        return c == null || c.getValue().isEmpty() ? null : c.getValue();
    }

    /** HttpOnly, SameSite=Strict, for the whole site; Secure over https. Max-age 0 removes it. */
    private NewCookie cookie(String value, long maxAgeSeconds) {
        boolean https = https();
        return new NewCookie.Builder(https ? SECURE_COOKIE : COOKIE).value(value).path("/").httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) maxAgeSeconds).build();
    }

    private boolean https() {
        HttpServerRequest r = request();
        return r.isSSL() || "https".equalsIgnoreCase(r.scheme());
    }

    private HttpServerRequest request() {
        return current.getCurrent().request();
    }

    private Response invalid() {
        return Response.status(404).entity(lang.page(Templates.invalid())).build();
    }

    private static Response ended() {
        return Response.seeOther(UriBuilder.fromPath("/me").queryParam("done", "ended").build()).build();
    }

    private static Response done(String what) {
        return Response.seeOther(UriBuilder.fromPath("/me").queryParam("done", what).build()).build();
    }
}
