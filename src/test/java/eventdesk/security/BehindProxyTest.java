package eventdesk.security;

import eventdesk.event.Event;
import eventdesk.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

/**
 * Behind a trusted proxy (and HSTS), with the proxy settings of docs/security.md and this test client
 * as the trusted proxy: a client cannot pick its own rate-limit or login back-off bucket by writing
 * X-Forwarded-For, and IPv6 clients share a bucket per /64. The profile is shared with the sign-in limit tests.
 */
@QuarkusTest
@TestProfile(BehindProxyTest.Proxied.class)
public class BehindProxyTest {

    public static class Proxied implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eventdesk.rate-limit.per-minute", "3",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    static int signUp(Event event, String email, String xff) {
        return given().header("X-Forwarded-For", xff).contentType("application/json")
                .body(Json.object(Json.signUp(email))).post("/api/events/" + event.slug + "/registrations").statusCode();
    }

    @Test
    void rotatingTheClientWrittenPartOfXForwardedForDoesNotEscapeTheLimit() {
        Event event = TestEvents.create(15, false);
        for (int i = 0; i < 3; i++) {
            assertThat(signUp(event, "proxy" + i + "@example.com", "10.9.9." + i + ", 198.51.100.7")).isEqualTo(202);
        }
        assertThat(signUp(event, "proxy3@example.com", "10.9.9.3, 198.51.100.7")).isEqualTo(429);
        assertThat(signUp(event, "proxy4@example.com", "198.51.100.8")).as("another client").isEqualTo(202);
        assertThat(TestEvents.registrations(event)).hasSize(4);
    }

    @Test
    void ipv6ClientsAreLimitedPerSlash64() {
        Event event = TestEvents.create(15, false);
        for (int i = 1; i <= 3; i++) {
            assertThat(signUp(event, "v6-" + i + "@example.com", "2001:db8:7:7::" + i)).isEqualTo(202);
        }
        assertThat(signUp(event, "v6-4@example.com", "2001:db8:7:7:abcd::4")).isEqualTo(429);
        assertThat(signUp(event, "v6-5@example.com", "2001:db8:7:8::1")).as("another /64").isEqualTo(202);
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
