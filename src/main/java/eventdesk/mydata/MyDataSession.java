package eventdesk.mydata;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;

/**
 * A person's session on their own page: the browser's cookie holds a secret, the row its SHA-256 and
 * the normalized address whose registrations it shows, until {@code expiresAt} (by the application's
 * clock, on every instance).
 */
@Entity
public class MyDataSession extends PanacheEntityBase {

    @Id
    public String tokenHash;
    public String email;
    public Instant startedAt;
    public Instant expiresAt;
}
