package eventdesk.admin;

import eventdesk.web.EventdeskConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The organizer account from {@code eventdesk.admin.username/password}, for form login and HTTP
 * Basic. Passwords are compared as SHA-256 digests with a constant-time check; every wrong attempt
 * from an address waits longer (up to 5 s) before it is answered.
 */
@ApplicationScoped
public class OrganizerIdentity implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final String ROLE = "admin";
    private static final long MAX_DELAY_MS = 5000;

    @Inject
    EventdeskConfig config;

    private final ConcurrentHashMap<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    /** Production must not run with a guessable or missing organizer password. */
    void refuseProdWithoutPassword(@Observes StartupEvent start) {
        if (LaunchMode.current() == LaunchMode.NORMAL && config.admin().password().filter(p -> !p.isBlank()).isEmpty()) {
            throw new IllegalStateException("eventdesk refuses to start: no organizer password. "
                    + "Set EVENTDESK_ADMIN_PASSWORD (and EVENTDESK_ADMIN_USERNAME, default 'admin').");
        }
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String user = request.getUsername();
            String password = new String(request.getPassword().getPassword());
            boolean ok = config.admin().password()
                    .map(expected -> same(user, config.admin().username()) & same(password, expected))
                    .orElse(false);
            String key = user == null ? "" : user;
            if (!ok) {
                int n = failures.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                sleep(Math.min(MAX_DELAY_MS, 250L << Math.min(n - 1, 5)));
                throw new AuthenticationFailedException();
            }
            failures.remove(key);
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user)).addRole(ROLE).build();
        });
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

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
