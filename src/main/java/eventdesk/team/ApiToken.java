package eventdesk.team;

import eventdesk.web.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A token for scripts ({@code Authorization: Bearer}, on the admin API only), with a role and events
 * like an account's. The secret ({@value #PREFIX} and 256 random bits) is shown once when it is made;
 * only its SHA-256 is kept. It works until it expires or is revoked; each use is noted, at most once
 * a minute, in {@code lastUsedAt}.
 */
@Entity
public class ApiToken extends PanacheEntity {

    public static final String PREFIX = "edk_";
    static final Duration NOTE_USE_EVERY = Duration.ofMinutes(1);

    public String name;
    public String tokenHash;
    @Enumerated(EnumType.STRING)
    public Role role;
    public boolean allEvents;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_token_event", joinColumns = @JoinColumn(name = "api_token_id"))
    @Column(name = "event_slug")
    public Set<String> events = new HashSet<>();
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public Account createdBy;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant revokedAt;
    public Instant lastUsedAt;

    /** A new token and its secret, to be shown once. */
    public record Issued(ApiToken token, String secret) {
    }

    /** Makes a token; {@code events} null for every event, {@code expiresAt} null for no expiry. */
    public static Issued issue(String name, Role role, Set<String> events, Instant expiresAt, Account createdBy, Instant now) {
        String secret = PREFIX + Secrets.newSecret();
        ApiToken t = new ApiToken();
        t.name = name;
        t.tokenHash = Secrets.sha256Hex(secret);
        t.role = role;
        t.allEvents = role == Role.OWNER || events == null;
        if (!t.allEvents) t.events.addAll(events);
        t.createdBy = createdBy;
        t.createdAt = now;
        t.expiresAt = expiresAt;
        t.persist();
        return new Issued(t, secret);
    }

    /** The live token with this secret (not revoked, not expired), its use noted. */
    public static Optional<ApiToken> use(String secret, Instant now) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) return Optional.empty();
        Optional<ApiToken> token = find("tokenHash", Secrets.sha256Hex(secret)).<ApiToken>firstResultOptional()
                .filter(t -> t.liveAt(now));
        token.filter(t -> t.lastUsedAt == null || !now.isBefore(t.lastUsedAt.plus(NOTE_USE_EVERY)))
                .ifPresent(t -> t.lastUsedAt = now);
        return token;
    }

    public boolean liveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** Ends the token for good (a second revoke keeps the first time). */
    public void revoke(Instant now) {
        if (revokedAt == null) revokedAt = now;
    }

    public Access access() {
        return new Access(id, Access.TOKEN + id, role, allEvents ? null : events);
    }
}
