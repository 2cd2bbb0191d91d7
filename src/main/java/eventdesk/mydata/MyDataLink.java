package eventdesk.mydata;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/**
 * A link mailed to a person's address ({@code {base}/me/{secret}}): only the SHA-256 of the secret is
 * kept, with the normalized address it opens. It opens one session, once ({@code usedAt}), before {@code expiresAt}.
 */
@Entity
public class MyDataLink extends PanacheEntityBase {

    @Id
    public String tokenHash;
    public String email;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant usedAt;

    /** Whether the link may still open a session at {@code now}. */
    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
