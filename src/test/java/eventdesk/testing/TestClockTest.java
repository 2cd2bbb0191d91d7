package eventdesk.testing;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The application runs on the test clock, which starts at {@code -Dtest.clock} when given and moves when told. */
@QuarkusTest
class TestClockTest {

    @Inject
    Clock clock;

    @Test
    void theApplicationClockIsTheTestClockStartingAtTheGivenDate() {
        assertThat(clock).isSameAs(TestClock.get());
        String start = System.getProperty("test.clock");
        Instant expected = start == null || start.isBlank() ? Instant.now() : Instant.parse(start);
        // The suite may have run for a while since it started at that date.
        assertThat(Instant.now(clock)).isBetween(expected.minus(Duration.ofMinutes(1)), expected.plus(Duration.ofHours(2)));
    }

    @Test
    void advanceAndRestoreMoveTheApplicationsNow() {
        Duration saved = TestClock.get().offset();
        try {
            Instant before = Instant.now(clock);
            TestClock.get().advance(Duration.ofDays(3));
            assertThat(Duration.between(before, Instant.now(clock))).isBetween(Duration.ofDays(3), Duration.ofDays(3).plusMinutes(1));
        } finally {
            TestClock.get().restore(saved);
        }
        assertThat(TestClock.get().offset()).isEqualTo(saved);
    }
}
