package eventdesk.security;

import eventdesk.event.Event;
import eventdesk.team.Account;
import eventdesk.team.ApiToken;
import eventdesk.team.AccountStatus;
import eventdesk.team.RecoveryCode;
import eventdesk.team.Role;
import eventdesk.team.Totp;
import eventdesk.testing.OutboxParams;
import eventdesk.mail.OutboxMessage;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.web.Kst;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per form POST route: no token, another session's token, a cookie and field
 * forged to be equal, a token field without its cookie, and an upper-case Content-Type without a token
 * are all refused (4xx) and change nothing; the same form with its own token then works.
 */
@QuarkusTest
class CsrfPerRouteTest {

    record Route(String name, String page, String action, boolean admin, Map<String, String> fields, BooleanSupplier unchanged,
                 int successStatus) {
    }

    static RequestSpecification as(boolean admin) {
        return admin ? given().auth().preemptive().basic("admin", "admin") : given();
    }

    static String forged() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static boolean checkedIn(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(id).checkedInAt != null);
    }

    static long mails(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (long) OutboxMessage.forOwner(id).size());
    }

    static String title(Event e) {
        return QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(e.id).title);
    }

    static String attendanceToken(long id) {
        return token(id, eventdesk.registration.AccessToken.Purpose.ATTENDANCE);
    }

    static String token(long id, eventdesk.registration.AccessToken.Purpose purpose) {
        return QuarkusTransaction.requiringNew().call(() -> eventdesk.registration.AccessToken.issue(
                Registration.findById(id), purpose, TestClock.now()));
    }

    List<Route> routes() {
        Event event = TestEvents.create(10, true);
        Fixtures.Person confirm = Fixtures.pending(event);
        Fixtures.Person cancel = Fixtures.pending(event);
        long adminCancel = TestEvents.insert(event, "Cancel Me", "cm-" + event.slug + "@example.com", "A", RegistrationStatus.CONFIRMED);
        long resend = TestEvents.insert(event, "Resend Me", "rm-" + event.slug + "@example.com", "A", RegistrationStatus.CONFIRMED);
        long door = TestEvents.insert(event, "At The Door", "door-" + event.slug + "@example.com", "A", RegistrationStatus.CONFIRMED);
        long resendMails = mails(resend);
        String newSlug = Json.newSlug();
        String start = Kst.input(TestClock.now().plus(Duration.ofDays(50)));
        String end = Kst.input(TestClock.now().plus(Duration.ofDays(50)).plus(Duration.ofHours(2)));
        Map<String, String> eventForm = new LinkedHashMap<>(Map.of("title", "Forged Title", "venue", "Hall", "address", "Seoul",
                "startsAt", start, "endsAt", end, "capacity", "20", "status", "published"));
        Map<String, String> createForm = new LinkedHashMap<>(eventForm);
        createForm.put("slug", newSlug);
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("sign-up", "/events/" + event.slug, "/events/" + event.slug + "/registrations", false,
                Fixtures.person("csrf-" + event.slug + "@example.com"),
                () -> TestEvents.byEmail(event, "csrf-" + event.slug + "@example.com") == null, 303));
        routes.add(new Route("confirm", "/confirm/" + confirm.confirmToken(), "/confirm/" + confirm.confirmToken(), false,
                Map.of(), () -> Fixtures.status(confirm.id()) == RegistrationStatus.PENDING, 303));
        routes.add(new Route("cancel", "/manage/" + cancel.manageToken(), "/manage/" + cancel.manageToken() + "/cancel", false,
                Map.of(), () -> Fixtures.status(cancel.id()) == RegistrationStatus.PENDING, 303));
        routes.add(new Route("create event", "/admin/events/new", "/admin/events", true, createForm,
                () -> QuarkusTransaction.requiringNew().call(() -> Event.bySlug(newSlug).isEmpty()), 303));
        routes.add(new Route("edit event", "/admin/events/" + event.slug + "/edit", "/admin/events/" + event.slug, true, eventForm,
                () -> "Test Meetup".equals(title(event)), 303));
        routes.add(new Route("admin cancel", "/admin/events/" + event.slug, "/admin/registrations/" + adminCancel + "/cancel", true,
                Map.of("confirmed", "true"), () -> Fixtures.status(adminCancel) == RegistrationStatus.CONFIRMED, 303));
        routes.add(new Route("resend", "/admin/events/" + event.slug, "/admin/registrations/" + resend + "/resend", true,
                Map.of(), () -> mails(resend) == resendMails, 303));
        routes.add(new Route("check-in", "/admin/checkin", "/admin/checkin", true, Map.of("registration", String.valueOf(door)),
                () -> !checkedIn(door), 200));
        // A draw: the emailed verify link while applications are open, and the organizer's "Draw now"
        // on another draw whose applications have closed.
        Event draw = TestEvents.update(TestEvents.create(5, true), e -> {
            e.makeDraw();
            e.drawAt = TestClock.now().plus(Duration.ofHours(1));
        });
        String applicant = "draw-" + draw.slug + "@example.com";
        given().contentType("application/json").body(TestEvents.signUpJson("Applicant", applicant))
                .post("/api/events/" + draw.slug + "/registrations").then().statusCode(202);
        long application = TestEvents.byEmail(draw, applicant).id;
        String verify = "/verify/" + token(application, eventdesk.registration.AccessToken.Purpose.VERIFY);
        routes.add(new Route("verify application", verify, verify, false, Map.of(), () -> QuarkusTransaction.requiringNew()
                .call(() -> Registration.<Registration>findById(application).verifiedAt == null), 303));
        Event due = TestEvents.update(TestEvents.create(5, true), e -> {
            e.makeDraw();
            e.drawAt = TestClock.now().minusSeconds(1);
        });
        routes.add(new Route("draw now", "/admin/events/" + due.slug, "/admin/events/" + due.slug + "/draw", true, Map.of(),
                () -> QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(due.id).drawnAt == null), 303));
        // The organizer adds a person by hand (an event of its own, so the seats above do not matter).
        Event guests = TestEvents.create(3, true);
        String guest = "csrf-guest-" + guests.slug + "@example.com";
        routes.add(new Route("add an attendee", "/admin/events/" + guests.slug + "/guests", "/admin/events/" + guests.slug + "/guests",
                true, Map.of("name", "Guest", "email", guest, "affiliation", "Sponsor", "role", "OTHER", "locale", "en",
                "confirmed", "true"), () -> TestEvents.byEmail(guests, guest) == null, 303));
        long bulk = TestEvents.insert(guests, "Bulk", "csrf-bulk-" + guests.slug + "@example.com", "A", RegistrationStatus.CONFIRMED);
        routes.add(new Route("bulk cancel", "/admin/events/" + guests.slug, "/admin/events/" + guests.slug + "/attendees/bulk", true,
                Map.of("action", "CANCEL", "id", String.valueOf(bulk), "confirmed", "true"),
                () -> Fixtures.status(bulk) == RegistrationStatus.CONFIRMED, 303));
        // The confirm step of a list import carries the list's rows in the form.
        String imported = "csrf-import-" + guests.slug + "@example.com";
        routes.add(new Route("import a list", "/admin/events/" + guests.slug + "/import", "/admin/events/" + guests.slug + "/import/confirm",
                true, Map.of("mode", "confirmed", "rows", "name,email,affiliation\r\nImported,%s,Org\r\n".formatted(imported)),
                () -> TestEvents.byEmail(guests, imported) == null, 200));
        routes.add(new Route("logout", "/admin", "/admin/logout", true, Map.of(), () -> true, 303));
        long attending = TestEvents.insert(event, "Attending", "att-" + event.slug + "@example.com", "A", RegistrationStatus.CONFIRMED);
        long releasing = TestEvents.insert(event, "Releasing", "rel-" + event.slug + "@example.com", "A", RegistrationStatus.CONFIRMED);
        String yes = "/attendance/" + attendanceToken(attending) + "/yes";
        String release = "/attendance/" + attendanceToken(releasing) + "/release";
        routes.add(new Route("still coming: yes", yes, yes, false, Map.of(), () -> QuarkusTransaction.requiringNew().call(() ->
                Registration.<Registration>findById(attending).reconfirmedAt == null), 303));
        routes.add(new Route("release my seat", release, release, false, Map.of(),
                () -> Fixtures.status(releasing) == RegistrationStatus.CONFIRMED, 303));
        // The organizer team: an invited member's first password, and a signed-in organizer's new recovery codes.
        String member = "csrf-member-" + event.slug + "@example.com";
        as(true).contentType("application/json").body(Map.of("email", member, "name", "Door Volunteer", "role", "DOOR"))
                .post("/api/admin/members").then().statusCode(201);
        String invitation = OutboxParams.of("TEAM_INVITATION", member).get("link").substring("http://localhost:8080".length());
        routes.add(new Route("join the team", invitation, invitation, false,
                Map.of("password", "correct horse battery staple", "repeat", "correct horse battery staple"),
                () -> QuarkusTransaction.requiringNew().call(() -> Account.byEmail(member).orElseThrow().status) == AccountStatus.INVITED,
                303));
        List<String> codesBefore = recoveryCodes();
        routes.add(new Route("new recovery codes", "/admin/login/recovery-codes", "/admin/login/recovery-codes", true, Map.of(),
                () -> recoveryCodes().equals(codesBefore), 200));
        // The team pages: invite, change, disable, reset the second factor; make and revoke an API token.
        String invitee = "csrf-invitee-" + event.slug + "@example.com";
        routes.add(new Route("invite a member", "/admin/team", "/admin/team", true,
                Map.of("email", invitee, "name", "Invitee", "role", "DOOR", "events", "*"),
                () -> QuarkusTransaction.requiringNew().call(() -> Account.byEmail(invitee).isEmpty()), 303));
        long changed = account("csrf-change-" + event.slug + "@example.com", false);
        routes.add(new Route("change a member", "/admin/team/members/" + changed, "/admin/team/members/" + changed, true,
                Map.of("role", "MANAGER", "events", "*"), () -> member(changed).role == Role.DOOR, 303));
        long disabled = account("csrf-disable-" + event.slug + "@example.com", false);
        routes.add(new Route("disable a member", "/admin/team/members/" + disabled, "/admin/team/members/" + disabled + "/disable",
                true, Map.of("confirmed", "true"), () -> member(disabled).active(), 303));
        long reset = account("csrf-reset-" + event.slug + "@example.com", true);
        routes.add(new Route("reset a second factor", "/admin/team/members/" + reset, "/admin/team/members/" + reset + "/reset-2fa",
                true, Map.of("confirmed", "true"), () -> member(reset).twoFactor(), 303));
        String tokenName = "csrf token " + event.slug;
        routes.add(new Route("make a token", "/admin/team/tokens", "/admin/team/tokens", true,
                Map.of("name", tokenName, "role", "MANAGER", "events", "*"),
                () -> QuarkusTransaction.requiringNew().call(() -> ApiToken.count("name", tokenName)) == 0, 200));
        long token = QuarkusTransaction.requiringNew().call(() ->
                ApiToken.issue("csrf revoke " + event.slug, Role.DOOR, null, null, null, TestClock.now()).token().id);
        routes.add(new Route("revoke a token", "/admin/team/tokens", "/admin/team/tokens/" + token + "/revoke", true,
                Map.of("confirmed", "true"), () -> QuarkusTransaction.requiringNew().call(() ->
                ApiToken.<ApiToken>findById(token).revokedAt == null), 303));
        // A person's own page: the button behind the mailed link, which opens the session.
        String person = "csrf-me-" + event.slug + "@example.com";
        TestEvents.insert(event, "My Data", person, "A", RegistrationStatus.CONFIRMED);
        String secret = eventdesk.web.Secrets.newSecret();
        String hash = eventdesk.web.Secrets.sha256Hex(secret);
        QuarkusTransaction.requiringNew().run(() -> {
            eventdesk.mydata.MyDataLink link = new eventdesk.mydata.MyDataLink();
            link.tokenHash = hash;
            link.email = person;
            link.createdAt = TestClock.now();
            link.expiresAt = TestClock.now().plus(Duration.ofMinutes(15));
            link.persist();
        });
        routes.add(new Route("open my registrations", "/me/" + secret, "/me/" + secret, false, Map.of(),
                () -> QuarkusTransaction.requiringNew().call(() ->
                        eventdesk.mydata.MyDataLink.<eventdesk.mydata.MyDataLink>findById(hash).usedAt == null), 303));
        return routes;
    }

    /** An ACTIVE DOOR account for every event, with an authenticator when {@code totp}; its id. */
    static long account(String email, boolean totp) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Account a = Account.of(email, "Team Member", Role.DOOR, null, AccountStatus.ACTIVE, TestClock.now());
            if (totp) a.totpSecret = Totp.newSecret();
            a.persist();
            return a.id;
        });
    }

    static Account member(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(id));
    }

    /** Every stored recovery code (a refused POST makes none). */
    static List<String> recoveryCodes() {
        return QuarkusTransaction.requiringNew().call(() -> RecoveryCode.<RecoveryCode>list("order by codeHash").stream()
                .map(c -> c.codeHash).toList());
    }

    /**
     * The upload of a list to import is the one organizer form sent as multipart/form-data: its CSRF field is checked
     * there as in any form (no token, another session's, a forged pair, a field without its cookie: 400), and only
     * there is multipart taken (415 on another form). The upload stores nothing, so its own token shows the preview.
     */
    @Test
    void theListUploadChecksTheCsrfFieldOfItsMultipartForm() {
        Event event = TestEvents.create(5, true);
        String page = "/admin/events/" + event.slug + "/import";
        byte[] file = "name,email,affiliation\r\nUploaded,csrf-upload-%s@example.com,Org\r\n".formatted(event.slug)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Fixtures.CsrfSession mine = Fixtures.csrf(page, true);
        Fixtures.CsrfSession other = Fixtures.csrf(page, true);
        String equal = forged();
        java.util.function.Function<RequestSpecification, RequestSpecification> upload = r -> r.redirects().follow(false)
                .header("Accept-Language", "en")
                .multiPart("mode", "confirmed").multiPart("file", "list.csv", file, "text/csv");
        List<RequestSpecification> forgeries = List.of(
                upload.apply(as(true)),
                upload.apply(as(true).cookie("csrf-token", mine.cookie()).multiPart("csrf-token", other.field())),
                upload.apply(as(true).cookie("csrf-token", equal).multiPart("csrf-token", equal)),
                upload.apply(as(true).multiPart("csrf-token", mine.field())),
                upload.apply(as(true).cookie("csrf-token", mine.cookie())));
        for (int i = 0; i < forgeries.size(); i++) {
            assertThat(forgeries.get(i).post(page).statusCode()).as("forged upload #" + i).isEqualTo(400);
        }
        assertThat(upload.apply(as(true).cookie("csrf-token", mine.cookie()).multiPart("csrf-token", mine.field()))
                .post("/admin/events/" + event.slug + "/guests").statusCode()).as("multipart elsewhere").isEqualTo(415);
        assertThat(upload.apply(given().cookie("csrf-token", mine.cookie()).multiPart("csrf-token", mine.field())).post(page)
                .statusCode()).as("signed out").isIn(302, 401);
        var preview = upload.apply(as(true).cookie("csrf-token", mine.cookie()).multiPart("csrf-token", mine.field())).post(page);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.asString()).contains("1 row ready, 0 with problems");
        assertThat(TestEvents.registrations(event)).isEmpty();
    }

    @Test
    void everyFormPostRefusesForgedRequestsAndTakesItsOwnToken() {
        int attacks = 0;
        List<Route> routes = routes();
        for (Route r : routes) {
            Fixtures.CsrfSession mine = Fixtures.csrf(r.page(), r.admin());
            Fixtures.CsrfSession other = Fixtures.csrf(r.page(), r.admin());
            String equal = forged();
            List<RequestSpecification> forgeries = List.of(
                    as(r.admin()).contentType("application/x-www-form-urlencoded"),
                    as(r.admin()).contentType("application/x-www-form-urlencoded").cookie("csrf-token", mine.cookie())
                            .formParam("csrf-token", other.field()),
                    as(r.admin()).contentType("application/x-www-form-urlencoded").cookie("csrf-token", equal)
                            .formParam("csrf-token", equal),
                    as(r.admin()).contentType("application/x-www-form-urlencoded").formParam("csrf-token", mine.field()),
                    as(r.admin()).contentType("APPLICATION/X-WWW-FORM-URLENCODED"),
                    as(r.admin()).contentType("Application/X-Www-Form-Urlencoded; charset=UTF-8").cookie("csrf-token", equal)
                            .formParam("csrf-token", equal));
            for (int i = 0; i < forgeries.size(); i++) {
                int status = forgeries.get(i).redirects().follow(false).formParams(r.fields()).post(r.action()).statusCode();
                assertThat(status).as(r.name() + " forgery #" + i).isIn(400, 403, 415);
                assertThat(r.unchanged().getAsBoolean()).as(r.name() + " unchanged after forgery #" + i).isTrue();
                attacks++;
            }
            RawHttp.Answer noType = RawHttp.send("POST", r.action(),
                    r.admin() ? List.of("Authorization: Basic YWRtaW46YWRtaW4=") : List.of(),
                    "csrf-token=x".getBytes(), false);
            assertThat(noType.status()).as(r.name() + " without Content-Type").isIn(400, 415);
            assertThat(r.unchanged().getAsBoolean()).isTrue();
            attacks++;
            int ok = as(r.admin()).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .cookie("csrf-token", mine.cookie()).formParams(r.fields()).formParam("csrf-token", mine.field())
                    .post(r.action()).statusCode();
            assertThat(ok).as(r.name() + " with its own token").isEqualTo(r.successStatus());
            if (!r.name().equals("logout")) {
                assertThat(r.unchanged().getAsBoolean()).as(r.name() + " did its work with the token").isFalse();
            }
        }
        System.out.printf("CSRF: %d forged requests on %d form routes, all refused%n", attacks, routes.size());
    }
}
