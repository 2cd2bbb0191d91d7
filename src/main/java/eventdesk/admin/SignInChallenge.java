package eventdesk.admin;

import eventdesk.team.Account;
import eventdesk.team.Totp;
import eventdesk.web.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sign-in halfway: the password was right, the second factor is still to come. The browser holds
 * the secret (in a cookie), this row its SHA-256. It lasts {@link #VALID} and takes {@link #ATTEMPTS}
 * wrong codes; for an account setting up its authenticator it holds the new key until a code of it
 * is given.
 */
@Entity
public class SignInChallenge extends PanacheEntityBase {

    static final Duration VALID = Duration.ofMinutes(10);
    static final int ATTEMPTS = 5;

    @Id
    public String tokenHash;
    public long accountId;
    public Instant createdAt;
    public Instant expiresAt;
    public int attempts;
    /** The authenticator key being set up; null when the account has one. */
    public String enrollSecret;

    /** Opens a challenge for the account (with a new key to set up when {@code enroll}); returns its secret. */
    static String open(Account account, boolean enroll, Instant now) {
        String secret = Secrets.newSecret();
        SignInChallenge c = new SignInChallenge();
        c.tokenHash = Secrets.sha256Hex(secret);
        c.accountId = account.id;
        c.createdAt = now;
        c.expiresAt = now.plus(VALID);
        c.enrollSecret = enroll ? Totp.newSecret() : null;
        c.persist();
        return secret;
    }

    /** The challenge with this secret while it lasts and has attempts left. */
    static Optional<SignInChallenge> live(String secret, Instant now) {
        if (secret == null || secret.length() < 20 || secret.length() > 100) return Optional.empty();
        return SignInChallenge.<SignInChallenge>findByIdOptional(Secrets.sha256Hex(secret))
                .filter(c -> now.isBefore(c.expiresAt) && c.attempts < ATTEMPTS);
    }

    /** Counts a wrong code against the challenge with this secret. */
    static void failed(String secret) {
        update("attempts = attempts + 1 where tokenHash = ?1", Secrets.sha256Hex(secret));
    }

    static void close(String secret) {
        delete("tokenHash", Secrets.sha256Hex(secret));
    }

    static long forgetExpired(Instant now) {
        return delete("expiresAt < ?1", now);
    }
}
