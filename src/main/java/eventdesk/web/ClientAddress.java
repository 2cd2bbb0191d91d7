package eventdesk.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The client of the current request, as {@link TrustedProxies} sees it: the socket's address, or
 * behind a configured proxy the right-most untrusted {@code X-Forwarded-For} hop.
 */
@RequestScoped
public class ClientAddress {

    @Inject
    CurrentVertxRequest current;
    @Inject
    RateLimiter limiter;
    @Inject
    TrustedProxies proxies;

    public String ip() {
        return proxies.clientAddress(current.getCurrent().request());
    }

    /** Counts one sign-up against this client's budget (IPv6: its /64); throws {@link TooManyRequests} when over it. */
    public void takeSignUpBudget() {
        limiter.acquire(proxies.clientBucket(current.getCurrent().request())).ifPresent(wait -> {
            throw new TooManyRequests(wait);
        });
    }

    /**
     * Counts a sign-up whose form is valid against this client's mail budget and the email's sign-up budget;
     * throws {@link TooManyRequests} when over either.
     */
    public void takeMailBudget(String email) {
        limiter.acquireMail(proxies.clientBucket(current.getCurrent().request()), email).ifPresent(wait -> {
            throw new TooManyRequests(wait);
        });
    }
}
