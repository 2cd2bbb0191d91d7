package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.testing.Erased;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data goes one year after the event, as the consent text promises; not earlier. It is erased as a
 * person's own request erases it: the rows stay, so the event's counts stay right.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    Retention retention;
    @Inject
    eventdesk.web.EventdeskConfig config;

    @Test
    void registrationsAreErasedOneYearAfterTheEventAndNotBefore() {
        Event old = TestEvents.create(5, true);
        Event recent = TestEvents.create(5, true);
        given().contentType("application/json").body(signUpJson("Old", "old.retention@example.com"))
                .post("/api/events/" + old.slug + "/registrations").then().statusCode(202);
        given().contentType("application/json").body(signUpJson("Recent", "recent.retention@example.com"))
                .post("/api/events/" + recent.slug + "/registrations").then().statusCode(202);
        List<Long> oldCounters = TestEvents.counters(old);
        Instant now = TestClock.now();
        TestEvents.update(old, e -> {
            e.startsAt = now.minus(Duration.ofDays(400));
            e.endsAt = e.startsAt.plus(Duration.ofHours(3));
        });
        TestEvents.update(recent, e -> {
            e.startsAt = now.minus(Duration.ofDays(300));
            e.endsAt = e.startsAt.plus(Duration.ofHours(3));
        });
        // purge has no per-event form: it must erase exactly the registrations of events ended over a year
        // ago not erased yet (this test's one, plus whatever other tests left behind), nothing else.
        long due = QuarkusTransaction.requiringNew().call(() ->
                Registration.count("event.endsAt < ?1 and erasedAt is null", now.minus(config.retention())));
        assertThat(due).isGreaterThanOrEqualTo(1);
        assertThat((long) retention.purge(now)).isEqualTo(due);
        assertThat(TestEvents.registrations(old)).hasSize(1);
        Registration erased = Erased.check(TestEvents.registrations(old).get(0).id);
        assertThat(erased.status).isEqualTo(RegistrationStatus.PENDING);
        Registration kept = TestEvents.registrations(recent).get(0);
        assertThat(kept.erasedAt).isNull();
        assertThat(kept.name).isEqualTo("Recent");
        assertThat(TestEvents.counters(old)).isEqualTo(TestEvents.recount(old)).isEqualTo(oldCounters);
        assertThat(TestEvents.counters(recent)).isEqualTo(TestEvents.recount(recent));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Event.count("id", old.id))).isEqualTo(1L);
        // The next night has nothing more to erase there.
        assertThat(retention.purge(now)).isZero();
        Erased.noMailTo("old.retention@example.com");
    }
}
