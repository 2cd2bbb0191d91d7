package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.registration.SignUpService.Answer;
import eventdesk.registration.SignUpService.Request;
import eventdesk.testing.Deliveries;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit decides a batch exactly as the same requests one at a time: same answers, same
 * registrations, same waitlist order, counters equal to a recount.
 */
@QuarkusTest
class SeatBatchTest {

    @Inject
    SignUpService service;

    @Test
    void aBatchWithADuplicateEmailAClosedWindowAndTheLastSeatDecidesEachAsOneAtATimeWould() {
        Instant now = TestClock.now();
        Instant closes = now.plus(Duration.ofMinutes(1));
        List<Request> requests = List.of(
                request("ana@example.com", now),
                request("ANA@example.com ", now.plusSeconds(1)),        // duplicate: nothing new, told like a newcomer
                request("bo@example.com", now.plusSeconds(2)),          // the last seat
                request("cy@example.com", now.plusSeconds(3)),          // waitlist #1
                request("di@example.com", closes.plusSeconds(1)));      // arrived after the window closed
        Event batched = TestEvents.create(2, true, now.minus(Duration.ofHours(1)), closes);
        Event single = TestEvents.create(2, true, now.minus(Duration.ofHours(1)), closes);

        List<String> together = outcomes(service.decideBatch(batched.slug, requests));
        assertThat(together).containsExactly("PENDING 0", "PENDING 0", "PENDING 0", "WAITLISTED 1", "Closed");
        assertThat(together).isEqualTo(oneAtATime(single, requests));
        assertThat(registrations(batched)).isEqualTo(registrations(single))
                .containsExactly("ana@example.com PENDING", "bo@example.com PENDING", "cy@example.com WAITLISTED 1");
        assertThat(TestEvents.counters(batched)).isEqualTo(TestEvents.recount(batched)).containsExactly(2L, 1L, 0L);
    }

    /**
     * Random batches (duplicates, tiny capacities, waitlist on or off, arrivals around the close) against one
     * at a time. Each repetition has its own seed, named in every failure; {@code -Dtest.seed=N} replays one.
     */
    @RepeatedTest(25)
    void anyBatchDecidesLikeOneAtATime() {
        long seed = Long.getLong("test.seed", SEEDS.nextLong());
        Random random = new Random(seed);
        Instant now = TestClock.now();
        Instant closes = now.plus(Duration.ofMinutes(1));
        int capacity = random.nextInt(4);
        boolean waitlist = random.nextBoolean();
        List<Request> requests = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(14); i < n; i++) {
            String email = "p" + random.nextInt(6) + (random.nextBoolean() ? "@example.com" : "@EXAMPLE.com");
            requests.add(request(email, closes.plusSeconds(random.nextInt(20) - 16)));
        }
        requests.sort((a, b) -> a.arrivedAt().compareTo(b.arrivedAt()));
        Event batched = TestEvents.create(capacity, waitlist, now.minus(Duration.ofHours(1)), closes);
        Event single = TestEvents.create(capacity, waitlist, now.minus(Duration.ofHours(1)), closes);

        assertThat(outcomes(service.decideBatch(batched.slug, requests))).as("answers, capacity %d, waitlist %s (seed %d)", capacity, waitlist, seed)
                .isEqualTo(oneAtATime(single, requests));
        assertThat(registrations(batched)).as("registrations (seed %d)", seed).isEqualTo(registrations(single));
        assertThat(TestEvents.counters(batched)).as("counters (seed %d)", seed).isEqualTo(TestEvents.recount(batched));
        assertThat(TestEvents.counters(batched).get(0)).as("seats taken (seed %d)", seed).isLessThanOrEqualTo(capacity);
        assertThat(Deliveries.waiting(batched)).as("mails written (seed %d)", seed).isEqualTo(Deliveries.waiting(single));
        Deliveries.discard(batched);
        Deliveries.discard(single);
    }

    private static final Random SEEDS = new Random();

    private List<String> oneAtATime(Event event, List<Request> requests) {
        List<String> answers = new ArrayList<>();
        for (Request r : requests) answers.addAll(outcomes(service.decideBatch(event.slug, List.of(r))));
        return answers;
    }

    static Request request(String email, Instant arrivedAt) {
        SignUp form = new SignUp();
        form.name = "Batch Person";
        form.email = email;
        form.affiliation = "Seoul";
        form.role = "DEVELOPER";
        form.locale = "en";
        form.consent = true;
        return new Request("unused", form, arrivedAt, new CompletableFuture<>());
    }

    private static List<String> outcomes(SignUpService.Decisions decisions) {
        return decisions.results().stream().map(o -> o instanceof Answer a ? a.status() + " " + a.waitlistPosition()
                : o.getClass().getSimpleName()).toList();
    }

    private static List<String> registrations(Event event) {
        return TestEvents.registrations(event).stream().map(r -> r.emailNormalized + " " + r.status
                + (r.waitlistSeq == null ? "" : " " + r.waitlistSeq)).toList();
    }
}
