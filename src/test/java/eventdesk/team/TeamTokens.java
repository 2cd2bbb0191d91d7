package eventdesk.team;

import eventdesk.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Instant;
import java.util.Set;

/** API tokens made straight in the database for a test. */
final class TeamTokens {

    private TeamTokens() {
    }

    /** A live token's secret; {@code events} null for every event, {@code expiresAt} null for none. */
    static String issue(Role role, Set<String> events, Instant expiresAt) {
        return QuarkusTransaction.requiringNew().call(() ->
                ApiToken.issue("test " + role, role, events, expiresAt, null, TestClock.now()).secret());
    }

    static ApiToken reload(String secret) {
        return QuarkusTransaction.requiringNew().call(() ->
                ApiToken.<ApiToken>find("tokenHash", eventdesk.web.Secrets.sha256Hex(secret)).firstResult());
    }
}
