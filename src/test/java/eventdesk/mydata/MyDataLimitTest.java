package eventdesk.mydata;

import eventdesk.event.Event;
import eventdesk.testing.BehindTrustedProxy;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking for a link to /me counts against the sign-up limits as shipped: per mailbox (10 an hour, over all
 * client addresses) and per client address (120 a minute); each 429 says when to retry, and a registered
 * address is answered exactly as an unknown one, at its limit too. This test client is a trusted proxy
 * that speaks for many client addresses ({@link BehindTrustedProxy}).
 */
@QuarkusTest
@TestProfile(BehindTrustedProxy.class)
class MyDataLimitTest {

    final String run = "ml" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    /** Every test starts with full budgets: an hour later every bucket has refilled. */
    @BeforeEach
    void refillEveryBudget() {
        TestClock.get().advance(Duration.ofHours(2));
    }

    /** The form's CSRF pair, taken once (it does not depend on the client address). */
    record Csrf(String cookie, String field) {
        static Csrf take() {
            Response page = given().get("/me");
            Matcher m = MyDataTest.CSRF.matcher(page.asString());
            assertThat(m.find()).isTrue();
            return new Csrf(page.getCookie("csrf-token"), m.group(1));
        }
    }

    static Response ask(Csrf csrf, String email, String client) {
        return given().redirects().follow(false).header("X-Forwarded-For", client).header("Accept-Language", "en")
                .cookie("csrf-token", csrf.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam("email", email).formParam("csrf-token", csrf.field()).post("/me");
    }

    static List<Integer> askTimes(Csrf csrf, String email, int times, int clientBase) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Response r = ask(csrf, email, "203.0.113." + (clientBase + i));
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 3600L);
                assertThat(r.asString()).contains("Too many links were asked for");
            }
        }
        return statuses;
    }

    @Test
    void oneMailboxGetsTenLinksAnHourRegisteredOrNot() {
        Event event = TestEvents.create(5, true);
        String known = run + ".known@example.com";
        given().header("X-Forwarded-For", "198.51.100.7").contentType("application/json").body(signUpJson("Known", known))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
        Csrf csrf = Csrf.take();
        List<Integer> registered = askTimes(csrf, known, 12, 1);
        List<Integer> unknown = askTimes(csrf, run + ".nobody@example.com", 12, 101);
        // The sign-up took one of the mailbox's ten.
        assertThat(registered.subList(0, 9)).containsOnly(303);
        assertThat(registered.subList(9, 12)).containsOnly(429);
        assertThat(unknown.subList(0, 10)).containsOnly(303);
        assertThat(unknown.subList(10, 12)).containsOnly(429);
    }

    @Test
    void oneClientAddressIsStoppedAfterItsMinuteBudget() {
        Csrf csrf = Csrf.take();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 140; i++) statuses.add(ask(csrf, run + ".many" + i + "@example.com", "198.51.100.99").statusCode());
        // The budget refills steadily (two a second), so a few more pass while these are sent.
        assertThat(statuses.subList(0, 120)).containsOnly(303);
        assertThat(statuses.subList(120, 140)).contains(429);
        assertThat(statuses.stream().filter(s -> s == 303).count()).isLessThan(135);
        // Another address is not held back by it.
        assertThat(ask(csrf, run + ".other@example.com", "198.51.100.100").statusCode()).isEqualTo(303);
    }
}
