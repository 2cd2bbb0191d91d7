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

    /**
     * The offset to {@code test.clock}, fixed once per JVM: each Quarkus restart (test profile, test
     * resource) makes a new TestClock, and time must not jump back to the start date at each one.
     */
    private static Duration initialOffset() {
        String start = System.getProperty("test.clock");
        if (start == null || start.isBlank()) return Duration.ZERO;
        synchronized (System.class) {
            String fixed = System.getProperty("test.clock.offset");
            if (fixed == null) {
                fixed = Duration.between(Instant.now(), Instant.parse(start)).toString();
                System.setProperty("test.clock.offset", fixed);
            }
            return Duration.parse(fixed);
        }
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

    /** How far the clock is from real time; give it back to {@link #restore} after a test moved the clock. */
    public Duration offset() {
        return offset;
    }

    public void restore(Duration savedOffset) {
        offset = savedOffset;
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
