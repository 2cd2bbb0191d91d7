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
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The organizer account from {@code eventdesk.admin.username/password}, for form login and HTTP
 * Basic. Every attempt first passes {@link SignInGuard} (per client address, as {@link TrustedProxies}
 * sees it, and per account), before its password is looked at; then user name and password are both
 * compared as SHA-256 digests in constant time, whatever the user name. A right and a wrong password
 * take the same path and are answered at once, so the answer's timing says nothing. A limited attempt
 * gets 429 with Retry-After (HTTP Basic), or the login page saying when to try again (form).
 */
@ApplicationScoped
public class OrganizerIdentity implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final String ROLE = "admin";
    /** Set on a request whose sign-in attempt was refused by the limit: the epoch second it may try again. */
    static final String LIMITED = "eventdesk.sign-in-limited";
    static final String FORM_LOGIN = "/j_security_check";

    @Inject
    EventdeskConfig config;
    @Inject
    TrustedProxies proxies;
    @Inject
    SignInGuard guard;
    @Inject
    SignInLockMail lockMail;
    @Inject
    Clock clock;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String user = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = http == null ? "unknown" : proxies.clientBucket(http.request());
        String configured = config.admin().username().orElse(null);
        boolean account = configured != null & same(user, configured);
        SignInGuard.Admission admission = guard.admit(address, account ? configured : null);
        if (admission.refused()) {
            if (http != null) http.put(LIMITED, admission.retryAt().getEpochSecond());
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        boolean ok = account & config.admin().password().map(expected -> same(password, expected)).orElse(false);
        if (ok) {
            guard.succeeded(admission.attempt());
            // A form login starts a session of its own (the cookie carries it) so that logging out can end it.
            boolean formLogin = http != null && FORM_LOGIN.equals(http.request().path());
            String principal = formLogin ? OrganizerSession.newSession(user) : user;
            return Uni.createFrom().item(
                    QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principal)).addRole(ROLE).build());
        }
        if (guard.failed(admission.attempt())) {
            Instant until = guard.lockedUntil(configured).orElse(Instant.now(clock));
            return context.runBlocking(() -> {
                lockMail.send(configured, address, SignInGuard.PER_ACCOUNT, until);
                throw new AuthenticationFailedException();
            });
        }
        return Uni.createFrom().failure(new AuthenticationFailedException());
    }

    /**
     * Answers a limited attempt: HTTP Basic gets 429 with Retry-After instead of 401 (and no challenge,
     * so a browser does not ask again at once); the form login goes back to the login page, which says
     * when to try again.
     */
    void answerLimitedAttempts(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            boolean credentials = ctx.request().headers().contains(HttpHeaders.AUTHORIZATION)
                    || FORM_LOGIN.equals(ctx.request().path());
            if (credentials) ctx.addHeadersEndHandler(v -> {
                Long retryAt = ctx.get(LIMITED);
                if (retryAt == null) return;
                long seconds = Math.max(1, retryAt - Instant.now(clock).getEpochSecond());
                if (FORM_LOGIN.equals(ctx.request().path()) && ctx.response().getStatusCode() == 302) {
                    ctx.response().putHeader(HttpHeaders.LOCATION, "/admin/login?limited=" + minutes(seconds));
                } else if (ctx.response().getStatusCode() == 401) {
                    ctx.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(seconds));
                    ctx.response().headers().remove("WWW-Authenticate");
                }
            });
            ctx.next();
        });
    }

    static long minutes(long seconds) {
        return Math.max(1, Duration.ofSeconds(seconds).plusSeconds(59).toMinutes());
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
