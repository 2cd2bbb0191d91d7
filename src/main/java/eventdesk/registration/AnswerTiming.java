package eventdesk.registration;

import java.util.Arrays;

/**
 * Keeps the time a sign-up takes to be answered from telling who is registered. A new sign-up writes its
 * registration, its links and its mail before it is answered; a repeated one inside its re-send interval
 * writes nothing and would be answered sooner. {@link SeatQueue} tells this class how long each batch of
 * one sign-up took, and holds the answer of a batch that wrote nothing for the difference between the
 * recent median durations of batches that wrote and of batches that did not, less how late such a held
 * answer usually leaves. A repeated sign-up is then answered in the time a new one is, at the load of the
 * moment and on any database. (In a crowd, batches of many are answered together, and one write more or
 * less is lost among theirs.)
 */
final class AnswerTiming {

    /** How many recent durations of each kind are kept: enough for a steady median, few enough to follow the load. */
    static final int KEPT = 64;

    private final Recent wrote = new Recent();
    private final Recent quiet = new Recent();
    private final Recent late = new Recent();

    /** A batch of one that wrote something took this long. */
    synchronized void wrote(long nanos) {
        wrote.add(nanos);
    }

    /** A batch of one that wrote nothing took this long: how much longer its answer waits. */
    synchronized long delayAfterQuiet(long nanos) {
        quiet.add(nanos);
        if (wrote.size == 0) return 0;
        return Math.max(0, wrote.median() - quiet.median() - (late.size == 0 ? 0 : late.median()));
    }

    /** A held answer left this long after its delay was over (the timer's and the worker's own lag). */
    synchronized void late(long nanos) {
        late.add(Math.max(0, nanos));
    }

    private static final class Recent {
        final long[] nanos = new long[KEPT];
        int size;
        int next;

        void add(long value) {
            nanos[next] = value;
            next = (next + 1) % KEPT;
            size = Math.min(size + 1, KEPT);
        }

        long median() {
            long[] sorted = Arrays.copyOf(nanos, size);
            Arrays.sort(sorted);
            return sorted[size / 2];
        }
    }
}
