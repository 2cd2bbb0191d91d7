package eventdesk.registration;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps the time a sign-up takes to be answered from telling who is registered. A new sign-up writes its
 * registration, its links and its mail before it is answered; a repeated one inside its re-send interval
 * writes nothing and would be answered sooner. So {@link SeatQueue} keeps the durations of the latest
 * batches of one sign-up that wrote, and answers a batch of one that wrote nothing no sooner than one of
 * them, drawn at random: the answer time of a repeated sign-up then follows the distribution of a new
 * one's, on any database and under any load. (In a crowd, batches of many are answered together and one
 * write more or less is lost among theirs.)
 */
final class AnswerTiming {

    /** How many recent durations are kept: enough to follow the load, few enough to follow it quickly. */
    static final int KEPT = 64;

    private final long[] recent = new long[KEPT];
    private int kept;
    private int next;

    /** A batch of one that wrote something took this long. */
    synchronized void wrote(long nanos) {
        recent[next] = nanos;
        next = (next + 1) % KEPT;
        kept = Math.min(kept + 1, KEPT);
    }

    /** How much longer to wait before answering a batch of one that wrote nothing and took {@code nanos}. */
    synchronized long delayAfter(long nanos) {
        if (kept == 0) return 0;
        return Math.max(0, recent[ThreadLocalRandom.current().nextInt(kept)] - nanos);
    }
}
