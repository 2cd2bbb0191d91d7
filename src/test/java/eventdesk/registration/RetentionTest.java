package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Personal data goes one year after the event, as the consent text promises; not earlier. */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;
    @Inject
    eventdesk.web.EventdeskConfig config;

    @Test
    void registrationsAreDeletedOneYearAfterTheEventAndNotBefore() {
        Event old = TestEvents.create(5, true);
        Event recent = TestEvents.create(5, true);
        given().contentType("application/json").body(signUpJson("Old", "old.retention@example.com"))
                .post("/api/events/" + old.slug + "/registrations").then().statusCode(202);
        given().contentType("application/json").body(signUpJson("Recent", "recent.retention@example.com"))
                .post("/api/events/" + recent.slug + "/registrations").then().statusCode(202);
        Instant now = TestClock.now();
        TestEvents.update(old, e -> {
            e.startsAt = now.minus(Duration.ofDays(400));
            e.endsAt = e.startsAt.plus(Duration.ofHours(3));
        });
        TestEvents.update(recent, e -> {
            e.startsAt = now.minus(Duration.ofDays(300));
            e.endsAt = e.startsAt.plus(Duration.ofHours(3));
        });
        // purge has no per-event form: it must delete exactly the registrations of events ended over a year
        // ago (this test's one, plus whatever other tests left behind), nothing else.
        long due = QuarkusTransaction.requiringNew().call(() ->
                Registration.count("event.endsAt < ?1", now.minus(config.retention())));
        assertThat(due).isGreaterThanOrEqualTo(1);
        assertThat((long) retention.purge(now)).isEqualTo(due);
        assertThat(TestEvents.registrations(old)).isEmpty();
        assertThat(TestEvents.registrations(recent)).hasSize(1);
        assertThat(TestEvents.counters(old)).isEqualTo(TestEvents.recount(old)).containsExactly(0L, 0L, 0L);
        assertThat(TestEvents.counters(recent)).isEqualTo(TestEvents.recount(recent));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Event.count("id", old.id))).isEqualTo(1L);
    }
}
