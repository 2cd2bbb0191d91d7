package eventdesk.web;

/** A sign-up went over one of the limits of {@link RateLimiter}; answered with 429 and Retry-After. */
public class TooManyRequests extends RuntimeException {

    public final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        super("rate limited", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
