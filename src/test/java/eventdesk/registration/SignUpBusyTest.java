package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.testing.Forms;
import eventdesk.testing.TestEvents;
import eventdesk.web.EventdeskConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * A sign-up the queue cannot take (its backlog is full) is answered 503 with Retry-After, as problem+json to the
 * API and as a page in the visitor's language to the form, and nothing is stored.
 */
@QuarkusTest
class SignUpBusyTest {

    @Inject
    SeatQueue queue;
    @Inject
    EventdeskConfig config;

    @AfterEach
    void restore() {
        queue.limits(config.signup().maxWaiting(), config.signup().maxWait());
    }

    @Test
    void aFullBacklogAnswers503WithRetryAfterAndStoresNothing() {
        Event event = TestEvents.create(10, true);
        queue.limits(0, Duration.ofSeconds(20));
        given().contentType("application/json").body(TestEvents.signUpJson("Busy Kim", "busy-api-" + event.slug + "@example.com"))
                .post("/api/events/" + event.slug + "/registrations")
                .then().statusCode(503).header("Retry-After", "5").contentType(containsString("application/problem+json"))
                .body(containsString("Nothing was saved"));
        Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", Map.of("name", "바쁜 김",
                        "email", "busy-form-" + event.slug + "@example.com", "affiliation", "Toss", "role", "DEVELOPER",
                        "locale", "ko", "consent", "true"), "ko")
                .then().statusCode(503).header("Retry-After", "5")
                .body(containsString("지금 신청하는 분이 너무 많습니다"), containsString("5초 뒤에 다시 시도해 주세요"));
        assertThat(TestEvents.registrations(event)).isEmpty();

        restore();
        given().contentType("application/json").body(TestEvents.signUpJson("Calm Kim", "calm-" + event.slug + "@example.com"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
        assertThat(TestEvents.registrations(event)).hasSize(1);
    }
}
