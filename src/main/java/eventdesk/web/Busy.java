package eventdesk.web;

/**
 * The server cannot take this sign-up now: too many are waiting, this one waited too long for its turn, the
 * database cannot be reached, or the server is shutting down. Nothing was stored; answered 503 with Retry-After.
 */
public class Busy extends RuntimeException {

    public final long retryAfterSeconds;

    public Busy(String why, long retryAfterSeconds) {
        super(why, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
