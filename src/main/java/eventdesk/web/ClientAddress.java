package eventdesk.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The client's IP address. Behind a load balancer, set quarkus.http.proxy.proxy-address-forwarding
 * (and allow-x-forwarded) so this is the visitor's address, not the proxy's.
 */
@RequestScoped
public class ClientAddress {

    @Inject
    CurrentVertxRequest current;
    @Inject
    RateLimiter limiter;

    public String ip() {
        var address = current.getCurrent().request().remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }

    /** Counts one sign-up against this client's budget; throws {@link TooManyRequests} when over it. */
    public void takeSignUpBudget() {
        limiter.acquire(ip()).ifPresent(wait -> {
            throw new TooManyRequests(wait);
        });
    }
}
