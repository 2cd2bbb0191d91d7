package eventdesk.security;

import eventdesk.event.Event;
import eventdesk.testing.BehindTrustedProxy;
import eventdesk.testing.TestEvents;
import eventdesk.web.EventdeskConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

/**
 * Behind a trusted proxy (and HSTS), with the proxy settings of docs/security.md and this test client
 * as the trusted proxy: a client cannot pick its own rate-limit or login back-off bucket by writing
 * X-Forwarded-For, and IPv6 clients share a bucket per /64. The sign-up limit is the one shipped
 * ({@code eventdesk.rate-limit.per-minute}); the profile is shared with the sign-in and sign-up limit tests.
 */
@QuarkusTest
@TestProfile(BehindTrustedProxy.class)
public class BehindProxyTest {

    @Inject
    EventdeskConfig config;

    static int signUp(Event event, String email, String xff) {
        return given().header("X-Forwarded-For", xff).contentType("application/json")
                .body(Json.object(Json.signUp(email))).post("/api/events/" + event.slug + "/registrations").statusCode();
    }

    /**
     * Signs up new people, eight at a time, the i-th with X-Forwarded-For {@code xff.apply(i)}, until one gets
     * 429; returns how many got 202 before. All of the per-minute budget is usable, and no more than it
     * refilled while they were sent (real time goes on in the test clock): otherwise the header escaped the limit.
     */
    int acceptedUntilLimited(Event event, String prefix, IntFunction<String> xff) throws Exception {
        int limit = config.rateLimit().perMinute();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        int accepted = 0;
        boolean limited = false;
        try {
            for (int sent = 0; !limited && sent < 3 * limit; sent += 8) {
                List<Future<Integer>> round = new ArrayList<>();
                for (int i = sent; i < sent + 8; i++) {
                    String email = prefix + i + "-" + event.slug + "@example.com", header = xff.apply(i);
                    round.add(pool.submit(() -> signUp(event, email, header)));
                }
                for (Future<Integer> answer : round) {
                    int status = answer.get();
                    assertThat(status).isIn(202, 429);
                    if (status == 202) accepted++;
                    else limited = true;
                }
            }
        } finally {
            pool.shutdown();
        }
        long refilled = (System.nanoTime() - start) * limit / Duration.ofMinutes(1).toNanos() + 1;
        assertThat(limited).as("a 429 within " + 3 * limit + " sign-ups").isTrue();
        assertThat(accepted).as("sign-ups accepted before the first 429").isBetween(limit, (int) (limit + refilled));
        return accepted;
    }

    @Test
    void rotatingTheClientWrittenPartOfXForwardedForDoesNotEscapeTheLimit() throws Exception {
        Event event = TestEvents.create(3 * config.rateLimit().perMinute(), false);
        int accepted = acceptedUntilLimited(event, "proxy", i -> "10.9." + i / 250 + "." + i % 250 + ", 198.51.100.7");
        assertThat(signUp(event, "proxy-other-" + event.slug + "@example.com", "198.51.100.8")).as("another client").isEqualTo(202);
        assertThat(TestEvents.registrations(event)).hasSize(accepted + 1);
    }

    @Test
    void ipv6ClientsAreLimitedPerSlash64() throws Exception {
        Event event = TestEvents.create(3 * config.rateLimit().perMinute(), false);
        acceptedUntilLimited(event, "v6-", i -> i % 2 == 0 ? "2001:db8:7:7::" + Integer.toHexString(i + 1)
                : "2001:db8:7:7:abcd::" + Integer.toHexString(i + 1));
        assertThat(signUp(event, "v6-other-" + event.slug + "@example.com", "2001:db8:7:8::1")).as("another /64").isEqualTo(202);
    }

    @Test
    void theSignInLimitFollowsTheRealClientNotTheHeader() {
        for (int i = 1; i <= 10; i++) {
            given().auth().preemptive().basic("admin", "wrong").header("X-Forwarded-For", "10.1.1." + i + ", 203.0.113.77")
                    .get("/api/admin/events/none/registrations").then().statusCode(401);
        }
        // rotating the client-written part of the header would have escaped a limit keyed on it
        given().auth().preemptive().basic("admin", "wrong").header("X-Forwarded-For", "10.1.1.11, 203.0.113.77")
                .get("/api/admin/events/none/registrations").then().statusCode(429);
        given().auth().preemptive().basic("admin", "wrong").header("X-Forwarded-For", "203.0.113.78")
                .get("/api/admin/events/none/registrations").then().statusCode(401);
    }

    @Test
    void overHttpsTheCsrfCookieIsHostPrefixedAndSecure() {
        Event event = TestEvents.create(15, false);
        String client = "198.51.100.99";
        io.restassured.response.Response page = given().header("X-Forwarded-Proto", "https").header("X-Forwarded-For", client)
                .get("/events/" + event.slug);
        String setCookie = page.headers().getValues("Set-Cookie").stream().filter(c -> c.contains("csrf-token="))
                .findFirst().orElseThrow();
        assertThat(setCookie).startsWith("__Host-csrf-token=").containsIgnoringCase("; Secure").contains("Path=/")
                .doesNotContainIgnoringCase("Domain=");
        String cookie = page.getCookie("__Host-csrf-token");
        java.util.regex.Matcher field = Fixtures.CSRF_FIELD.matcher(page.asString());
        assertThat(field.find()).isTrue();
        // A cookie without the prefix can be planted by another subdomain or a plain-http answer: it does not count.
        given().redirects().follow(false).header("X-Forwarded-Proto", "https").header("X-Forwarded-For", client)
                .cookie("csrf-token", cookie).contentType("application/x-www-form-urlencoded")
                .formParams(Fixtures.person("plain-cookie-" + event.slug + "@example.com")).formParam("csrf-token", field.group(1))
                .post("/events/" + event.slug + "/registrations").then().statusCode(400);
        given().redirects().follow(false).header("X-Forwarded-Proto", "https").header("X-Forwarded-For", client)
                .cookie("__Host-csrf-token", cookie).contentType("application/x-www-form-urlencoded")
                .formParams(Fixtures.person("host-cookie-" + event.slug + "@example.com")).formParam("csrf-token", field.group(1))
                .post("/events/" + event.slug + "/registrations").then().statusCode(303);
        assertThat(TestEvents.registrations(event)).hasSize(1);

        String plain = given().get("/events/" + event.slug).headers().getValues("Set-Cookie").stream()
                .filter(c -> c.contains("csrf-token=")).findFirst().orElseThrow();
        assertThat(plain).startsWith("csrf-token=").doesNotContainIgnoringCase("Secure");
    }

    @Test
    void httpsThroughTheProxyGetsHstsPlainHttpDoesNot() {
        given().header("X-Forwarded-Proto", "https").get("/").then().statusCode(200)
                .header("Strict-Transport-Security", "max-age=31536000");
        given().get("/").then().statusCode(200).header("Strict-Transport-Security", nullValue());
    }
}
