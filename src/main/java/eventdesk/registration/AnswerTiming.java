package eventdesk.registration;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the time a sign-up takes to be answered from telling who is registered. A new sign-up writes its
 * registration, its links and its mail before it is answered; a repeated one inside its re-send interval
 * writes nothing and would be answered sooner. {@link SeatQueue} tells this class how long each batch of
 * one sign-up took, and holds the answer of a batch that wrote nothing for the difference between the
 * recent median durations of batches that wrote and of batches that did not, less how late such a held
 * answer usually leaves, but never less than half that difference: were the lag of one busy moment allowed
 * to cancel the hold, no answer would be held, no newer lag measured, and repeated sign-ups would be answered
 * sooner until that moment was forgotten. A repeated sign-up is then answered in the time a new one is, at the load of the
 * moment and on any database. (In a crowd, batches of many are answered together, and one write more or
 * less is lost among theirs.)
 */
final class AnswerTiming {

    /** How many recent durations of each kind are kept: enough for a steady median, few enough to follow the load. */
    static final int KEPT = 16;
    /**
     * How old a duration may be and still count: the load of a minute ago says little about now. Without this,
     * durations measured in a busy moment stayed until as many newer ones of their kind came, which for repeated
     * sign-ups can take hours, and held today's answers for yesterday's lag.
     */
    static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Recent wrote = new Recent();
    private final Recent quiet = new Recent();
    private final Recent late = new Recent();

    /** A batch of one that wrote something took this long. */
    synchronized void wrote(long nanos) {
        wrote.add(nanos, System.nanoTime());
    }

    /** A batch of one that wrote nothing took this long: how much longer its answer waits. */
    synchronized long delayAfterQuiet(long nanos) {
        long now = System.nanoTime();
        quiet.add(nanos, now);
        long writing = wrote.median(now);
        if (writing < 0) return 0;
        long gap = writing - quiet.median(now);
        if (gap <= 0) return 0;
        return gap - Math.min(Math.max(0, late.median(now)), gap / 2);
    }

    /** A held answer left this long after its delay was over (the timer's and the worker's own lag). */
    synchronized void late(long nanos) {
        late.add(Math.max(0, nanos), System.nanoTime());
    }

    private static final class Recent {
        final long[] nanos = new long[KEPT];
        final long[] at = new long[KEPT];
        int size;
        int next;

        void add(long value, long now) {
            nanos[next] = value;
            at[next] = now;
            next = (next + 1) % KEPT;
            size = Math.min(size + 1, KEPT);
        }

        /** The median of the durations measured in the last {@link #FRESH_NANOS}; -1 when there are none. */
        long median(long now) {
            long[] fresh = new long[size];
            int n = 0;
            for (int i = 0; i < size; i++) if (now - at[i] <= FRESH_NANOS) fresh[n++] = nanos[i];
            if (n == 0) return -1;
            long[] sorted = Arrays.copyOf(fresh, n);
            Arrays.sort(sorted);
            return sorted[n / 2];
        }
    }
}
