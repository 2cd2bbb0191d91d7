package eventdesk.testing;

import io.quarkus.arc.Arc;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: real time plus an offset that tests move, so holds, expiry and
 * windows are reached by moving the clock, never by sleeping. {@code -Dtest.clock=2030-06-01T00:00:00Z}
 * starts the whole suite at another date (nothing may depend on today's date).
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = initialOffset();

    private static Duration initialOffset() {
        String start = System.getProperty("test.clock");
        return start == null || start.isBlank() ? Duration.ZERO : Duration.between(Instant.now(), Instant.parse(start));
    }

    /** The clock of the running test application. */
    public static TestClock get() {
        return Arc.container().instance(TestClock.class).get();
    }

    /** Now, as the application sees it. */
    public static Instant now() {
        return get().instant();
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Jumps to {@code at}; time goes on from there. */
    public void set(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
