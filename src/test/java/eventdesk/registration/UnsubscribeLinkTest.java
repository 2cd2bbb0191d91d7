package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unsubscribe link: a page with a button that changes nothing by itself; its POST, and a mail
 * client's one-click POST (form-encoded or multipart, no cookie, no CSRF token), withdraw marketing
 * consent at once, for every registration of the address. That route is the only one the CSRF check
 * lets through.
 */
@QuarkusTest
class UnsubscribeLinkTest extends RestoresTestClock {

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    /** A registration of {@code email} that agreed to news by email at sign-up. */
    static long consenting(Event event, String email) {
        long id = TestEvents.insert(event, "News Reader", email, "Toss", RegistrationStatus.CONFIRMED);
        QuarkusTransaction.requiringNew().run(() -> {
            Registration r = Registration.findById(id);
            r.marketingConsent = true;
            r.marketingConsentAt = r.createdAt;
        });
        return id;
    }

    static String token(long id, AccessToken.Purpose purpose) {
        return QuarkusTransaction.requiringNew().call(() -> AccessToken.issue(Registration.findById(id), purpose, TestClock.now()));
    }

    static Registration registration(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.findById(id));
    }

    @Test
    void thePageShowsAButtonAndOnlyItsPostWithdrawsForEveryRegistrationOfTheAddress() {
        String email = "reader." + tag + "@example.com";
        long here = consenting(TestEvents.create(10, true), email);
        long elsewhere = consenting(TestEvents.create(10, true), email.toUpperCase());
        long someoneElse = consenting(TestEvents.create(10, true), "other." + tag + "@example.com");
        String path = "/unsubscribe/" + token(here, AccessToken.Purpose.UNSUBSCRIBE);

        Response page = given().header("Accept-Language", "ko").get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(page.getHeaders().getValues("Set-Cookie")).as("the page needs no cookie").isEmpty();
        assertThat(page.asString()).contains("광고성 정보 수신거부", email, "Seoul Founders Club", "<form method=\"post\" action=\"" + path + "\"",
                "name=\"List-Unsubscribe\" value=\"One-Click\"", ">수신거부</button>");
        assertThat(given().header("Accept-Language", "en").get(path).asString())
                .contains("Stop promotional mail", email, "Mails about your registrations");
        assertThat(registration(here).marketingConsent).as("a GET changes nothing (mail scanners open links)").isTrue();

        // The button: the page's form as a browser posts it, without any CSRF token.
        Response pressed = given().redirects().follow(false).header("Accept-Language", "en")
                .contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click").post(path);
        assertThat(pressed.statusCode()).isEqualTo(200);
        assertThat(pressed.asString()).contains("Done: " + email + " gets no more promotional mail from Seoul Founders Club.");
        assertThat(registration(here).hasMarketingConsent()).isFalse();
        assertThat(registration(here).marketingWithdrawnAt).isNotNull();
        assertThat(registration(elsewhere).hasMarketingConsent()).as("the same address at another event").isFalse();
        assertThat(registration(someoneElse).hasMarketingConsent()).isTrue();

        // Again, and the page: it stays done, the first withdrawal's time kept.
        var first = registration(here).marketingWithdrawnAt;
        TestClock.get().advance(Duration.ofMinutes(3));
        assertThat(given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click").post(path).statusCode())
                .isEqualTo(200);
        assertThat(registration(here).marketingWithdrawnAt).isEqualTo(first);
        assertThat(given().header("Accept-Language", "en").get(path).asString()).contains("Done: ").doesNotContain("<form method=\"post\"");
    }

    @Test
    void aMailClientsMultipartOneClickPostWithdrawsToo() {
        long id = consenting(TestEvents.create(10, true), "multipart." + tag + "@example.com");
        String path = "/unsubscribe/" + token(id, AccessToken.Purpose.UNSUBSCRIBE);
        Response click = given().multiPart("List-Unsubscribe", "One-Click").post(path);
        assertThat(click.statusCode()).isEqualTo(200);
        assertThat(registration(id).hasMarketingConsent()).isFalse();
    }

    @Test
    void anUnknownOrOtherPurposeTokenWithdrawsNothing() {
        long id = consenting(TestEvents.create(10, true), "unknown." + tag + "@example.com");
        String manage = token(id, AccessToken.Purpose.MANAGE);
        for (String path : new String[]{"/unsubscribe/" + manage, "/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
            assertThat(given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click").post(path).statusCode())
                    .as(path).isEqualTo(404);
            assertThat(given().get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(registration(id).hasMarketingConsent()).isTrue();
    }

    @Test
    void noOtherRouteGoesWithoutItsCsrfToken() {
        Event event = TestEvents.create(10, true);
        long id = consenting(event, "csrf." + tag + "@example.com");
        String manage = token(id, AccessToken.Purpose.MANAGE);
        Response cancel = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post("/manage/" + manage + "/cancel");
        assertThat(cancel.statusCode()).isEqualTo(400);
        assertThat(registration(id).status).isEqualTo(RegistrationStatus.CONFIRMED);
        String unsubscribe = token(id, AccessToken.Purpose.UNSUBSCRIBE);
        assertThat(given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post("/unsubscribe/" + unsubscribe + "/x").statusCode()).isIn(400, 404, 405);
        assertThat(given().redirects().follow(false).multiPart("List-Unsubscribe", "One-Click")
                .post("/manage/" + manage + "/cancel").statusCode()).as("multipart only for the one-click route").isEqualTo(415);
        assertThat(registration(id).status).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registration(id).hasMarketingConsent()).isTrue();
    }
}
