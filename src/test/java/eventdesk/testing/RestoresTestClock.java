package eventdesk.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;

/** For tests that move the {@link TestClock}: each test puts it back where it found it. */
public abstract class RestoresTestClock {

    private Duration clockOffset;

    @BeforeEach
    void saveClock() {
        clockOffset = TestClock.get().offset();
    }

    @AfterEach
    void restoreClock() {
        TestClock.get().restore(clockOffset);
    }
}
