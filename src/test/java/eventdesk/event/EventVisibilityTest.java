package eventdesk.event;

import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Drafts are hidden, cancelled events are shown as cancelled, a window not yet open says why. */
@QuarkusTest
class EventVisibilityTest {

    private static void setStatus(Event event, EventStatus status) {
        QuarkusTransaction.requiringNew().run(() -> Event.<Event>findById(event.id).status = status);
    }

    @Test
    void draftsAreHiddenEverywhere() {
        Event draft = TestEvents.create(5, true);
        setStatus(draft, EventStatus.draft);
        given().header("Accept-Language", "en").get("/").then().body(not(containsString(draft.slug)));
        given().get("/events/" + draft.slug).then().statusCode(404);
        given().get("/api/events/" + draft.slug).then().statusCode(404);
        given().contentType("application/json").body(signUpJson("D", "draft@example.com"))
                .post("/api/events/" + draft.slug + "/registrations").then().statusCode(404);
        assertThat(TestEvents.registrations(draft)).isEmpty();
    }

    @Test
    void cancelledEventsAreShownAsCancelledAndTakeNoSignUps() {
        Event cancelled = TestEvents.create(5, true);
        setStatus(cancelled, EventStatus.cancelled);
        given().header("Accept-Language", "en").get("/").then().body(containsString(cancelled.slug));
        given().header("Accept-Language", "en").get("/events/" + cancelled.slug).then().statusCode(200)
                .body(containsString("This event has been cancelled"))
                .body(not(containsString("action=\"/events/" + cancelled.slug + "/registrations\"")));
        given().get("/api/events/" + cancelled.slug).then()
                .body("status", equalTo("cancelled")).body("registrationOpen", equalTo(false));
        given().contentType("application/json").body(signUpJson("C", "cancelled@example.com"))
                .post("/api/events/" + cancelled.slug + "/registrations").then().statusCode(409);
        assertThat(TestEvents.registrations(cancelled)).isEmpty();
    }

    @Test
    void aWindowNotYetOpenSaysWhenAndTakesNothing() {
        Event later = TestEvents.create(5, true, TestClock.now().plus(Duration.ofDays(2)), TestClock.now().plus(Duration.ofDays(20)));
        given().header("Accept-Language", "en").get("/events/" + later.slug).then().statusCode(200)
                .body(containsString("Registration opens"));
        given().contentType("application/json").body(signUpJson("L", "later@example.com"))
                .post("/api/events/" + later.slug + "/registrations").then().statusCode(409);
        assertThat(TestEvents.registrations(later)).isEmpty();

        // Two days on (the clock moves, nobody waits), the window is open.
        Duration offset = TestClock.get().offset();
        try {
            TestClock.get().advance(Duration.ofDays(2).plusMinutes(1));
            given().contentType("application/json").body(signUpJson("L", "later@example.com"))
                    .post("/api/events/" + later.slug + "/registrations").then().statusCode(202)
                    .body("status", equalTo("PENDING"));
            assertThat(TestEvents.registrations(later)).hasSize(1);
        } finally {
            TestClock.get().restore(offset);
        }
    }
}
