package eventdesk.web;

/** A client went over {@code eventdesk.rate-limit.per-minute}; answered with 429 and Retry-After. */
public class TooManyRequests extends RuntimeException {

    public final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        super("rate limited", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
