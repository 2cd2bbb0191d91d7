package eventdesk.attendance;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.event.Event;
import eventdesk.mail.OutboxMessage;
import eventdesk.mail.Outbox;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.Deliveries;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.Race;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances (here: two threads, each with its own transactions and connections) run the same job
 * for the same event at the same instant: every person gets each mail exactly once. Without the event
 * row lock both would read the same people and write each mail twice.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AttendanceRaceTest extends RestoresTestClock {

    static final int PEOPLE = 40;
    final String run = "race" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + ".";

    GreenMail greenMail;

    @Inject
    Attendance attendance;
    @Inject
    Outbox outbox;

    /** An event starting this long from now with {@link #PEOPLE} people confirmed ten days ago. */
    List<Long> confirmedPeople(Event event, String prefix) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            ids.add(TestEvents.insert(event, "P" + i, run + prefix + i + "@example.com", "X", RegistrationStatus.CONFIRMED));
        }
        Instant longAgo = TestClock.now().minus(Duration.ofDays(10));
        QuarkusTransaction.requiringNew().run(() ->
                Registration.update("confirmedAt = ?1 where event.id = ?2", longAgo, event.id));
        return ids;
    }

    static Event startingIn(Duration in) {
        return TestEvents.update(TestEvents.create(PEOPLE, true), e -> {
            e.startsAt = TestClock.now().plus(in);
            e.endsAt = e.startsAt.plus(Duration.ofHours(2));
            e.registrationClosesAt = e.startsAt;
        });
    }

    /** Runs {@code job} in two threads released at the same instant; returns what each sent. */
    static List<Integer> twice(ToIntFunction<Instant> job) throws Exception {
        Instant now = TestClock.now();
        return Race.run(2, i -> () -> job.applyAsInt(now));
    }

    /** Outbox rows of this kind per person. */
    static Map<Long, Long> rows(List<Long> ids, AttendanceMails.Kind kind) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.<OutboxMessage>list("ownerId in ?1 and kind = ?2", ids, kind.name()).stream()
                        .collect(Collectors.groupingBy(m -> m.ownerId, Collectors.counting())));
    }

    @Test
    void twoInstancesSendingRemindersAtTheSameInstantMailEachPersonOnce() throws Exception {
        Event event = startingIn(Duration.ofHours(20));
        List<Long> ids = confirmedPeople(event, "rem");
        List<Integer> sent = twice(now -> attendance.sendReminders(event.id, now));
        assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isEqualTo(PEOPLE);
        Map<Long, Long> rows = rows(ids, AttendanceMails.Kind.REMINDER);
        assertThat(rows).hasSize(PEOPLE);
        assertThat(rows.values()).containsOnly(1L);

        Deliveries.deliver(outbox);
        for (int i = 0; i < PEOPLE; i++) {
            assertThat(Mailbox.to(greenMail, run + "rem" + i + "@example.com")).as("mails to person " + i).hasSize(1);
        }
    }

    @Test
    void twoInstancesAskingStillComingAtTheSameInstantAskEachPersonOnce() throws Exception {
        Event event = startingIn(Duration.ofDays(3).minusHours(1));
        List<Long> ids = confirmedPeople(event, "rec");
        List<Integer> sent = twice(now -> attendance.sendReconfirmations(event.id, now));
        assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isEqualTo(PEOPLE);
        Map<Long, Long> rows = rows(ids, AttendanceMails.Kind.RECONFIRM);
        assertThat(rows).hasSize(PEOPLE);
        assertThat(rows.values()).containsOnly(1L);
    }
}
