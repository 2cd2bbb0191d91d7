package eventdesk.admin;

import eventdesk.web.EventdeskConfig;
import eventdesk.web.TrustedProxies;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The organizer account from {@code eventdesk.admin.username/password}, for form login and HTTP
 * Basic. Passwords are compared as SHA-256 digests with a constant-time check; every wrong attempt
 * from a client (its address as {@link TrustedProxies} sees it behind a proxy; IPv6 by /64) is answered
 * later than the one before (up to 5 s), without blocking a thread.
 */
@ApplicationScoped
public class OrganizerIdentity implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final String ROLE = "admin";
    private static final long MAX_DELAY_MS = 5000;
    private static final int MAX_TRACKED = 10_000;

    @Inject
    EventdeskConfig config;
    @Inject
    TrustedProxies proxies;

    private final ConcurrentHashMap<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String user = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        boolean ok = config.admin().password()
                .map(expected -> same(user, config.admin().username().orElse(null)) & same(password, expected))
                .orElse(false);
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String key = http == null ? "unknown" : proxies.clientBucket(http.request());
        if (ok) {
            failures.remove(key);
            // A form login starts a session of its own (the cookie carries it) so that logging out can end it.
            boolean formLogin = http != null && "/j_security_check".equals(http.request().path());
            String principal = formLogin ? OrganizerSession.newSession(user) : user;
            return Uni.createFrom().item(
                    QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principal)).addRole(ROLE).build());
        }
        if (failures.size() > MAX_TRACKED) failures.clear();
        int n = failures.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        long delay = Math.min(MAX_DELAY_MS, 250L << Math.min(n - 1, 5));
        // The answer waits without holding a thread, so wrong guesses cannot starve other requests.
        return Uni.createFrom().<SecurityIdentity>failure(new AuthenticationFailedException())
                .onFailure().call(() -> Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(delay)));
    }

    static boolean same(String a, String b) {
        return MessageDigest.isEqual(digest(a), digest(b));
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
