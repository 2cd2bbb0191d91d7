package eventdesk.registration;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTimingTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void aRepeatedSignUpIsHeldForTheTimeWritingTakesLessTheUsualLag() {
        AnswerTiming timing = new AnswerTiming();
        for (int i = 0; i < 5; i++) timing.wrote(10 * MS);
        assertThat(timing.delayAfterQuiet(4 * MS)).as("no lag measured yet").isEqualTo(6 * MS);
        timing.late(MS);
        assertThat(timing.delayAfterQuiet(4 * MS)).as("one millisecond of usual lag").isEqualTo(5 * MS);
    }

    @Test
    void theLagOfABusyMomentNeverCancelsTheHold() {
        AnswerTiming timing = new AnswerTiming();
        for (int i = 0; i < 5; i++) timing.wrote(10 * MS);
        for (int i = 0; i < 5; i++) timing.late(50 * MS); // held answers left 50 ms late while the machine was busy
        assertThat(timing.delayAfterQuiet(4 * MS)).as("at least half of the 6 ms a write takes longer").isEqualTo(3 * MS);
    }

    @Test
    void nothingIsHeldWhenWritingIsNoSlowerOrNotYetMeasured() {
        AnswerTiming timing = new AnswerTiming();
        assertThat(timing.delayAfterQuiet(4 * MS)).isZero();
        timing.wrote(3 * MS);
        assertThat(timing.delayAfterQuiet(4 * MS)).isZero();
    }
}
