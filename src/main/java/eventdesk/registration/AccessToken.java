package eventdesk.registration;

import eventdesk.web.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
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
        return issue(registration, purpose, Secrets.newSecret(), now);
    }

    /**
     * Stores {@code secret} as a token for the registration and returns it. A MANAGE secret brings its
     * {@link #checkInCode check-in code} along, so the manage page can show the ticket's QR code without
     * the code itself ever being stored.
     */
    static String issue(Registration registration, Purpose purpose, String secret, Instant now) {
        store(registration, purpose, secret, now);
        if (purpose == Purpose.MANAGE) store(registration, Purpose.CHECKIN, checkInCode(secret), now);
        return secret;
    }

    private static void store(Registration registration, Purpose purpose, String secret, Instant now) {
        AccessToken token = new AccessToken();
        token.tokenHash = hash(secret);
        token.registration = registration;
        token.purpose = purpose;
        token.createdAt = now;
        token.persist();
    }

    /**
     * The check-in code that belongs to a manage link's secret: whoever holds the manage link can show its
     * ticket; the code (all the door ever sees) does not lead back to the manage link.
     */
    public static String checkInCode(String manageSecret) {
        return derived(manageSecret, "checkin");
    }

    /** The manage link's secret the ticket gets when the person confirms with this confirm link's secret. */
    static String manageSecretOf(String confirmSecret) {
        return derived(confirmSecret, "manage");
    }

    /** A secret that follows from another (HMAC-SHA256 keyed with it): 256 bits, URL-safe base64. */
    static String derived(String secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code secret} is a token of this purpose for the registration {@code id}. */
    static boolean belongsTo(String secret, Purpose purpose, long id) {
        return resolve(secret, purpose).filter(r -> r.id == id).isPresent();
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
