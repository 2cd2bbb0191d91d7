package eventdesk.team;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.web.PlainText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Making and revoking API tokens. Each is one transaction followed by exactly one access log entry
 * naming who did it and from where; a token's secret is returned once, when it is made, and never kept.
 */
@ApplicationScoped
public class Tokens {

    @Inject
    AccessLog accessLog;
    @Inject
    Clock clock;

    /** A new token as the API takes it; {@code events} null for every event, {@code expiresAt} null for none. */
    public record TokenInput(String name, Role role, List<String> events, OffsetDateTime expiresAt) {
    }

    /** Makes a token for the caller; its secret is in the answer and nowhere else. */
    public ApiToken.Issued create(TokenInput in, Caller caller) {
        Access by = caller.access();
        ScopeInput scope = new ScopeInput(in.role(), in.events());
        Instant now = Instant.now(clock);
        ApiToken.Issued issued = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> errors = new LinkedHashMap<>();
            if (in.name() == null || !PlainText.hasVisible(in.name()) || in.name().length() > Team.MAX_NAME
                    || PlainText.hasForbidden(in.name(), false)) {
                errors.put("name", "Name the token (at most " + Team.MAX_NAME + " characters), e.g. the script that uses it.");
            }
            errors.putAll(scope.errors());
            if (in.expiresAt() != null && !in.expiresAt().toInstant().isAfter(now)) {
                errors.put("expiresAt", "The expiry must lie in the future (or be null for none).");
            }
            if (!errors.isEmpty()) throw TeamRefusal.badInput(errors);
            return ApiToken.issue(in.name().strip(), scope.role(), scope.eventSet(),
                    in.expiresAt() == null ? null : in.expiresAt().toInstant(), caller.account().orElse(null), now);
        });
        accessLog.record(AccessLog.Entry.of(by.subject(), caller.address(), AccessAction.TOKEN_CREATED)
                .because(describe(issued.token())));
        return issued;
    }

    /** Revokes a token (a second revoke keeps the first time, and is recorded too). */
    public ApiToken revoke(long id, Caller caller) {
        ApiToken token = QuarkusTransaction.requiringNew().call(() -> {
            ApiToken t = ApiToken.findById(id);
            if (t == null) throw TeamRefusal.notFound("token");
            t.revoke(Instant.now(clock));
            return t;
        });
        accessLog.record(AccessLog.Entry.of(caller.access().subject(), caller.address(), AccessAction.TOKEN_REVOKED)
                .because(describe(token)));
        return token;
    }

    private static String describe(ApiToken t) {
        return Access.TOKEN + t.id + " '" + t.name + "': " + t.role
                + (t.allEvents ? " for every event" : " for " + t.events.stream().sorted().toList());
    }
}
