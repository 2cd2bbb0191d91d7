package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.testing.Deliveries;
import eventdesk.testing.Race;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants 1 and 3 under load: many threads race through the real HTTP API and the real
 * database for the last seats. No @TestTransaction: every sign-up commits on its own.
 */
@QuarkusTest
class RegistrationRaceTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    SignUpService signUps;

    @Test
    void fiveHundredConcurrentSignUpsForFiftySeatsNeverOversellAndQueueWithoutGaps() throws Exception {
        Event event = TestEvents.create(50, true);
        List<String> bodies = race(event, 500, i -> "racer" + i + "@example.com");

        assertThat(bodies).allSatisfy(b -> assertThat(b).startsWith("202 "));
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isEqualTo(50);
        assertThat(TestEvents.count(event, RegistrationStatus.WAITLISTED)).isEqualTo(450);
        List<Long> positions = new ArrayList<>();
        Pattern p = Pattern.compile("\"waitlistPosition\":(\\d+)");
        for (String b : bodies) {
            Matcher m = p.matcher(b);
            if (m.find()) positions.add(Long.parseLong(m.group(1)));
        }
        assertThat(positions).hasSize(450);
        assertThat(positions.stream().sorted().toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 450).boxed().toList());
        // The stored queue order matches the answers: position n has the n-th waitlist sequence.
        List<Registration> waitlisted = TestEvents.registrations(event).stream()
                .filter(r -> r.status == RegistrationStatus.WAITLISTED)
                .sorted(java.util.Comparator.comparing(r -> r.waitlistSeq)).toList();
        assertThat(waitlisted.stream().map(r -> r.waitlistSeq).distinct().count()).isEqualTo(450);
        assertFullWithGapFreeWaitlist(event, 50, 450);
        // Every one of the 500 has exactly one mail written with their answer, none lost in the crowd.
        Map<String, List<String>> mails = Deliveries.waiting(event);
        assertThat(mails).hasSize(500).allSatisfy((email, kinds) -> assertThat(kinds).as(email).hasSize(1));
        Deliveries.discard(event);
    }

    @Test
    void theSameEmailFromTwentyThreadsMakesOneRegistration() throws Exception {
        Event event = TestEvents.create(50, true);
        List<String> bodies = race(event, 20, i -> i % 2 == 0 ? "same@example.com" : " SAME@example.com");
        assertThat(bodies).allSatisfy(b -> assertThat(b).startsWith("202 ").contains("\"status\":\"PENDING\""));
        assertThat(TestEvents.registrations(event)).hasSize(1);
        assertThat(TestEvents.seatsTaken(event)).isEqualTo(1);
        assertThat(TestEvents.waitlistPositions(event)).isEmpty();
    }

    /**
     * Each app instance has its own queue ({@link SeatQueue}), so batches of one event from different
     * instances meet only at the event's row lock. Batches decided all at once, as many instances would,
     * still never oversell, never leave a gap in the waitlist, and keep the counters equal to the rows.
     */
    @Test
    void batchesOfManyInstancesAtOnceNeverOversellAndQueueWithoutGaps() throws Exception {
        Event event = TestEvents.create(10, true);
        Instant now = TestClock.now();
        List<SignUpService.Decisions> decided = Race.run(40, i -> () ->
                signUps.decideBatch(event.slug, List.of(SeatBatchTest.request("instance" + i + "@example.com", now))));

        assertThat(decided).allSatisfy(d -> assertThat(d.results()).singleElement().isInstanceOf(SignUpService.Answer.class));
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isEqualTo(10);
        assertThat(TestEvents.count(event, RegistrationStatus.WAITLISTED)).isEqualTo(30);
        assertFullWithGapFreeWaitlist(event, 10, 30);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event));
    }

    /** Invariants 1 and 3 as stored: seats taken equal the capacity, and the queue holds places 1..W, no gaps, no ties. */
    static void assertFullWithGapFreeWaitlist(Event event, int capacity, int waitlisted) {
        assertThat(TestEvents.seatsTaken(event)).as("seats taken").isEqualTo(capacity);
        assertThat(TestEvents.waitlistPositions(event)).as("waitlist positions")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, waitlisted).boxed().toList());
    }

    /** All sign-ups released together through the real HTTP API; each answer as "status body". */
    private List<String> race(Event event, int threads, java.util.function.IntFunction<String> email) throws Exception {
        URI uri = base.toURI().resolve("api/events/" + event.slug + "/registrations");
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            requests.add(Race.postJson(uri, TestEvents.signUpJson("Racer " + i, email.apply(i)), Duration.ofSeconds(60)));
        }
        return Race.send(requests);
    }
}
