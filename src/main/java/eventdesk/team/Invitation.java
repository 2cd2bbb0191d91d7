package eventdesk.team;

import eventdesk.web.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An invitation link to join the team: 256 random bits in the link, their SHA-256 here. It opens its
 * account for {@link #VALID} and once: redeeming it is one conditional update, so two tabs (or two
 * instances) cannot both use it. A new invitation for the account ends the earlier ones.
 */
@Entity
public class Invitation extends PanacheEntityBase {

    public static final Duration VALID = Duration.ofHours(72);

    @Id
    public String tokenHash;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Account account;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant usedAt;

    /** A new invitation for the account (earlier ones end); returns the secret for the link. */
    public static String issue(Account account, Instant now) {
        delete("account", account);
        String secret = Secrets.newSecret();
        Invitation i = new Invitation();
        i.tokenHash = Secrets.sha256Hex(secret);
        i.account = account;
        i.createdAt = now;
        i.expiresAt = now.plus(VALID);
        i.persist();
        return secret;
    }

    /** The account a link invites, while the invitation is unused and not expired; uses nothing. */
    public static Optional<Account> peek(String secret, Instant now) {
        return find(secret).filter(i -> i.usedAt == null && now.isBefore(i.expiresAt)).map(i -> i.account);
    }

    /** Uses the invitation: its account, if this call is the one that used it (unused and not expired until now). */
    public static Optional<Account> redeem(String secret, Instant now) {
        Optional<Invitation> invitation = find(secret);
        if (invitation.isEmpty()) return Optional.empty();
        int used = update("usedAt = ?1 where tokenHash = ?2 and usedAt is null and expiresAt > ?1", now,
                invitation.get().tokenHash);
        return used == 1 ? Optional.of(invitation.get().account) : Optional.empty();
    }

    private static Optional<Invitation> find(String secret) {
        if (secret == null || secret.length() < 20 || secret.length() > 100) return Optional.empty();
        return findByIdOptional(Secrets.sha256Hex(secret));
    }
}
