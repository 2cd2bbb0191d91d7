package eventdesk.security;

import eventdesk.event.Event;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.web.Msg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * One CSRF token per browser session: a page loaded in a second tab does not break the form in the
 * first; only pages with a form set the cookie; the token belongs to who was signed in when the page
 * was loaded; and it expires 12 hours after the last page with a form. Each request here sends the
 * cookie a browser would hold at that moment.
 */
@QuarkusTest
class CsrfSessionTest extends RestoresTestClock {

    /** A browser's CSRF cookie and, optionally, its organizer session. */
    static final class Browser {
        String csrf;
        String session;
        boolean basicAuth;

        RequestSpecification request() {
            RequestSpecification r = given().redirects().follow(false).header("Accept-Language", "en");
            if (basicAuth) r = r.auth().preemptive().basic("admin", "admin");
            if (session != null) r = r.cookie("quarkus-credential", session);
            if (csrf != null) r = r.cookie("csrf-token", csrf);
            return r;
        }

        /** Loads a page as a browser does (keeping any cookie it is given); returns its form's CSRF field. */
        String load(String path) {
            Response page = request().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            if (page.getCookie("csrf-token") != null) csrf = page.getCookie("csrf-token");
            Matcher m = Fixtures.CSRF_FIELD.matcher(page.asString());
            return m.find() ? m.group(1) : null;
        }

        Response post(String path, String field, Map<String, String> form) {
            return request().contentType("application/x-www-form-urlencoded").formParams(form).formParam("csrf-token", field)
                    .post(path);
        }
    }

    static List<String> csrfCookiesSet(Response r) {
        return r.headers().getValues("Set-Cookie").stream().filter(c -> c.contains("csrf-token=")).toList();
    }

    @Test
    void aFormStillWorksAfterPagesWereLoadedInOtherTabs() {
        Event first = TestEvents.create(5, true);
        Event second = TestEvents.create(5, true);
        Browser visitor = new Browser();
        String firstTab = visitor.load("/events/" + first.slug);
        visitor.load("/events/" + second.slug);
        visitor.load("/events/" + first.slug + "?lang=ko");
        visitor.post("/events/" + first.slug + "/registrations", firstTab, Fixtures.person("two-tabs-" + first.slug + "@example.com"))
                .then().statusCode(303);
        assertThat(TestEvents.registrations(first)).hasSize(1);

        // The organizer: check-in in one tab, the attendee list in another.
        long door = TestEvents.insert(first, "At The Door", "door-tabs-" + first.slug + "@example.com", "A", RegistrationStatus.CONFIRMED);
        Browser organizer = new Browser();
        organizer.basicAuth = true;
        String checkIn = organizer.load("/admin/checkin");
        organizer.load("/admin/events/" + first.slug);
        organizer.load("/admin");
        organizer.post("/admin/checkin", checkIn, Map.of("registration", String.valueOf(door))).then().statusCode(200);
        assertThat(CsrfPerRouteTest.checkedIn(door)).isTrue();
    }

    @Test
    void onlyPagesWithAFormSetTheCookie() {
        Event event = TestEvents.create(5, true);
        for (String path : List.of("/api/events", "/api/events/" + event.slug, "/", "/style.css", "/q/health/ready")) {
            assertThat(csrfCookiesSet(given().get(path))).as(path).isEmpty();
        }
        assertThat(csrfCookiesSet(given().get("/events/" + event.slug))).hasSize(1);
        String cookie = given().get("/events/" + event.slug).getCookie("csrf-token");
        assertThat(csrfCookiesSet(given().cookie("csrf-token", cookie).get("/events/" + event.slug)))
                .as("a valid cookie is kept, not replaced").isEmpty();
    }

    @Test
    void aPairTakenWhileSignedOutDoesNotPassForTheOrganizer() {
        Event event = TestEvents.create(5, true);
        long id = TestEvents.insert(event, "Keep Me", "keep-" + event.slug + "@example.com", "A", RegistrationStatus.CONFIRMED);
        Browser visitor = new Browser();
        String field = visitor.load("/events/" + event.slug);

        Browser basic = new Browser();
        basic.basicAuth = true;
        basic.csrf = visitor.csrf;
        basic.post("/admin/registrations/" + id + "/cancel", field, Map.of("confirmed", "true")).then().statusCode(400)
                .body(containsString(msg().csrf_refused_title()));
        Browser signedIn = new Browser();
        signedIn.session = signIn();
        signedIn.csrf = visitor.csrf;
        signedIn.post("/admin/registrations/" + id + "/cancel", field, Map.of("confirmed", "true")).then().statusCode(400);
        assertThat(Fixtures.status(id)).isEqualTo(RegistrationStatus.CONFIRMED);

        String own = signedIn.load("/admin/events/" + event.slug);
        assertThat(signedIn.csrf).as("signing in gave the browser a new cookie").isNotEqualTo(visitor.csrf);
        signedIn.post("/admin/registrations/" + id + "/cancel", own, Map.of("confirmed", "true")).then().statusCode(303);
        assertThat(Fixtures.status(id)).isEqualTo(RegistrationStatus.CANCELLED);
    }

    @Test
    void aTokenExpiresTwelveHoursAfterTheLastPageWithAForm() {
        Event event = TestEvents.create(5, true);
        Browser visitor = new Browser();
        String field = visitor.load("/events/" + event.slug);
        String first = visitor.csrf;
        TestClock.get().advance(Duration.ofHours(11));
        assertThat(visitor.load("/events/" + event.slug)).as("the same field in every tab").isEqualTo(field);
        assertThat(visitor.csrf).as("a cookie past half its life is renewed").isNotEqualTo(first);
        TestClock.get().advance(Duration.ofHours(11));
        visitor.post("/events/" + event.slug + "/registrations", field, Fixtures.person("renewed-" + event.slug + "@example.com"))
                .then().statusCode(303);

        Browser idle = new Browser();
        String stale = idle.load("/events/" + event.slug);
        TestClock.get().advance(Duration.ofHours(12).plusMinutes(1));
        idle.post("/events/" + event.slug + "/registrations", stale, Fixtures.person("stale-" + event.slug + "@example.com"))
                .then().statusCode(400).body(containsString(msg().csrf_refused_title()));
        assertThat(TestEvents.registrations(event)).hasSize(1);
    }

    static Msg msg() {
        return MessageBundles.get(Msg.class, Localized.Literal.of("en"));
    }

    static String signIn() {
        Response ok = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", "admin").post("/j_security_check");
        assertThat(ok.getCookie("quarkus-credential")).isNotNull();
        return ok.getCookie("quarkus-credential");
    }
}
