package eventdesk.registration;

import eventdesk.web.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;
import java.util.Optional;

/**
 * A secret from an emailed link. The link carries 256 random bits (URL-safe base64); only their
 * SHA-256 is stored, so a leaked database opens no registration. Each token serves one purpose.
 */
@Entity
public class AccessToken extends PanacheEntityBase {

    @Id
    public String tokenHash;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Registration registration;
    @Enumerated(EnumType.STRING)
    public Purpose purpose;
    public Instant createdAt;

    /**
     * VERIFY: a draw application's email check; ATTENDANCE: the "I'll be there" / "release my seat" links before the
     * day; UNSUBSCRIBE: the link in a mail's footer and List-Unsubscribe header that withdraws marketing consent.
     */
    public enum Purpose { CONFIRM, MANAGE, CHECKIN, VERIFY, ATTENDANCE, UNSUBSCRIBE }

    /** Creates a token for the registration and returns the secret to put in the link. */
    public static String issue(Registration registration, Purpose purpose, Instant now) {
        String secret = Secrets.newSecret();
        AccessToken token = new AccessToken();
        token.tokenHash = hash(secret);
        token.registration = registration;
        token.purpose = purpose;
        token.createdAt = now;
        token.persist();
        return secret;
    }

    /**
     * The registration behind a link, with its event and ticket type loaded: the pages behind links
     * show both and render after the transaction has ended, when nothing lazy can be read any more.
     */
    public static Optional<Registration> resolve(String secret, Purpose purpose) {
        if (secret == null || secret.length() < 20 || secret.length() > 100) return Optional.empty();
        return getEntityManager().createQuery("select r from AccessToken t join t.registration r join fetch r.event"
                        + " left join fetch r.ticketType where t.tokenHash = ?1 and t.purpose = ?2", Registration.class)
                .setParameter(1, hash(secret)).setParameter(2, purpose).getResultStream().findFirst();
    }

    public static void revoke(Registration registration, Purpose purpose) {
        delete("registration = ?1 and purpose = ?2", registration, purpose);
    }

    static String hash(String secret) {
        return Secrets.sha256Hex(secret);
    }
}
