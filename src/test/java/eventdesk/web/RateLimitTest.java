package eventdesk.web;

import eventdesk.event.Event;
import eventdesk.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** eventdesk.rate-limit.per-minute: the fourth sign-up in a minute from one address gets 429. */
@QuarkusTest
@TestProfile(RateLimitTest.ThreePerMinute.class)
class RateLimitTest {

    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eventdesk.rate-limit.per-minute", "3");
        }
    }

    @Test
    void signUpsOverTheLimitGet429WithRetryAfterAndTakeNothing() {
        Event event = TestEvents.create(10, true);
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json").body(signUpJson("R" + i, "rate" + i + "@example.com"))
                    .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
        }
        String retryAfter = given().contentType("application/json").body(signUpJson("R3", "rate3@example.com"))
                .post("/api/events/" + event.slug + "/registrations")
                .then().statusCode(429).contentType(containsString("application/problem+json"))
                .body("status", equalTo(429)).extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
        eventdesk.testing.Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations",
                        Map.of("name", "Form", "email", "form@example.com"), "en")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("Too many sign-ups"));
        assertThat(TestEvents.registrations(event)).hasSize(3);
    }
}
