package eventdesk.admin;

import eventdesk.web.EventdeskConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
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

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organizer's login session. A form login names a fresh random session in the principal that
 * the encrypted cookie carries ({@code admin#<session>}); the cookie is the organizer only while
 * that user is still the configured account and the session has not been logged out. Logging out
 * lists the session in {@code organizer_logout}, so a saved copy of any of its cookies is refused
 * by every instance. Also answers 401s under /api/admin with a Basic challenge, which Quarkus
 * leaves out when form login is on.
 */
@ApplicationScoped
public class OrganizerSession implements IdentityProvider<TrustedAuthenticationRequest> {

    static final char SEPARATOR = '#';
    /** Longer than any cookie can live after its session's last use (form timeout PT8H). */
    static final Duration KEEP_LOGOUTS = Duration.ofDays(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EventdeskConfig config;
    @Inject
    AgroalDataSource db;
    @Inject
    Clock clock;

    /** Sessions known here to be logged out (a logout is forever, so this only saves queries). */
    private final Set<String> loggedOut = ConcurrentHashMap.newKeySet();

    /** A principal name for a new form-login session of {@code user}. */
    static String newSession(String user) {
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        return user + SEPARATOR + Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /** The session id in a principal name, if it has one (HTTP Basic identities do not). */
    static Optional<String> sessionOf(String principal) {
        int at = principal == null ? -1 : principal.lastIndexOf(SEPARATOR);
        if (at < 0) return Optional.empty();
        String id = principal.substring(at + 1);
        return id.matches("[A-Za-z0-9_-]{16,64}") ? Optional.of(id) : Optional.empty();
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String principal = request.getPrincipal();
        Optional<String> session = sessionOf(principal);
        String user = session.isPresent() ? principal.substring(0, principal.lastIndexOf(SEPARATOR)) : null;
        if (session.isEmpty() || config.admin().username().isEmpty()
                || !OrganizerIdentity.same(user, config.admin().username().get())) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return context.runBlocking(() -> {
            if (isLoggedOut(session.get())) throw new AuthenticationFailedException();
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(principal)).addRole(OrganizerIdentity.ROLE).build();
        });
    }

    /** Ends the session named in {@code principal} for good, on every instance. */
    public void logout(String principal) {
        Optional<String> session = sessionOf(principal);
        if (session.isEmpty()) return;
        loggedOut.add(session.get());
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("insert into organizer_logout (session_id, logged_out_at) values (?, ?)")) {
            s.setString(1, session.get());
            s.setTimestamp(2, Timestamp.from(Instant.now(clock)));
            s.executeUpdate();
        } catch (SQLException e) {
            if (!isLoggedOut(session.get())) throw new IllegalStateException("could not record the logout", e);
        }
    }

    boolean isLoggedOut(String session) {
        if (loggedOut.contains(session)) return true;
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select 1 from organizer_logout where session_id = ?")) {
            s.setString(1, session);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    loggedOut.add(session);
                    return true;
                }
                return false;
            }
        } catch (SQLException e) {
            Log.warnf("Could not check an organizer session (%s); refusing it", e.getMessage());
            return true;
        }
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldLogouts() {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("delete from organizer_logout where logged_out_at < ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now(clock).minus(KEEP_LOGOUTS)));
            s.executeUpdate();
        } catch (SQLException e) {
            Log.warnf("Could not delete old organizer logouts: %s", e.getMessage());
        }
        if (loggedOut.size() > 100_000) loggedOut.clear();
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
