package eventdesk.admin;

import eventdesk.team.Access;
import eventdesk.team.Account;
import eventdesk.team.Role;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Secrets;
import eventdesk.web.ShuttingDown;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The organizer's login session. A form login starts a session ({@link SessionRecord}) and names it
 * in the principal that the encrypted cookie carries ({@code <email>#<session>}). Each request with
 * that cookie is the organizer only while the session is alive (not logged out, used within
 * {@code eventdesk.admin.idle-timeout}, begun less than 12 hours ago) and its account is still ACTIVE
 * with that email: logging out or disabling the account refuses every copy of the cookie at once, on
 * every instance. Also answers 401s under /api/admin with a Basic challenge, which Quarkus leaves out
 * when form login is on.
 */
@ApplicationScoped
public class OrganizerSession implements IdentityProvider<TrustedAuthenticationRequest> {

    static final char SEPARATOR = '#';
    /** The identity's attribute naming its session, if it has one. */
    static final String SESSION = "eventdesk.session";

    /**
     * Who the cookie of an ended session (logged out, idle, too old, account disabled) is: nobody. Not a
     * failed sign-in, which would send every request carrying it (the login page too) to the login page
     * again, round and round; an organizer page asks nobody to sign in, a public page serves nobody.
     */
    static final SecurityIdentity ENDED = QuarkusSecurityIdentity.builder().setAnonymous(true).setPrincipal(new QuarkusPrincipal("")).build();

    @Inject
    EventdeskConfig config;
    @Inject
    Clock clock;

    /** Starts a session for the account (in the caller's transaction); returns its principal name. */
    String start(Account account, Instant now) {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.randomBytes(18));
        SessionRecord.start(id, account.id, now);
        return account.email + SEPARATOR + id;
    }

    /** The session id in a principal name, if it has one (HTTP Basic identities do not). */
    static Optional<String> sessionOf(String principal) {
        int at = principal == null ? -1 : principal.lastIndexOf(SEPARATOR);
        if (at < 0) return Optional.empty();
        String id = principal.substring(at + 1);
        return id.matches("[A-Za-z0-9_-]{16,64}") ? Optional.of(id) : Optional.empty();
    }

    /**
     * The identity of an organizer: the principal, the role names the account's role includes, and its
     * {@link Access} as the attribute {@link Access#ATTRIBUTE}, which {@link RouteGuard} checks against the
     * role and event each route declares.
     */
    static SecurityIdentity identity(String principal, Access access) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principal))
                .addRoles(access.role().names()).addAttribute(Access.ATTRIBUTE, access);
        sessionOf(principal).ifPresent(s -> b.addAttribute(SESSION, s));
        return b.build();
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String principal = request.getPrincipal();
        Optional<String> session = sessionOf(principal);
        if (session.isEmpty()) return Uni.createFrom().item(ENDED);
        String email = principal.substring(0, principal.lastIndexOf(SEPARATOR));
        return context.runBlocking(() -> QuarkusTransaction.requiringNew().call(() -> alive(session.get(), email))
                .map(access -> identity(principal, access)).orElse(ENDED));
    }

    /** The access of the session's account, if the session is alive and its account ACTIVE with this email; notes the use. */
    Optional<Access> alive(String sessionId, String email) {
        Instant now = Instant.now(clock);
        SessionRecord s = SessionRecord.findById(sessionId);
        if (s == null || !s.aliveAt(now, config.admin().idleTimeout())) return Optional.empty();
        Account account = Account.findById(s.accountId);
        if (account == null || !account.active() || !account.email.equals(email)) return Optional.empty();
        SessionRecord.seen(sessionId, now);
        return Optional.of(account.access());
    }

    /** Ends the session named in {@code principal} for good, on every instance. */
    public void logout(String principal) {
        sessionOf(principal).ifPresent(id -> QuarkusTransaction.requiringNew().run(() -> SessionRecord.end(id, Instant.now(clock))));
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ShuttingDown.class)
    void forgetOldSessions() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Instant now = Instant.now(clock);
                SessionRecord.forgetOld(now);
                SignInChallenge.forgetExpired(now);
            });
        } catch (RuntimeException e) {
            Log.warnf("Could not delete old organizer sessions: %s", e.getMessage());
        }
    }

    void basicChallengeForScripts(@Observes Router router) {
        router.route("/api/admin/*").order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                if (ctx.response().getStatusCode() == 401 && !ctx.response().headers().contains("WWW-Authenticate")) {
                    ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"eventdesk\", charset=\"UTF-8\"");
                }
            });
            ctx.next();
        });
    }
}
