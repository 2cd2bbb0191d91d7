package eventdesk.message;

import eventdesk.mail.OutboxMessage;
import eventdesk.registration.Registration;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/** One registration a {@link GroupMessage} went to, and the outbox row that carries it (whose sentAt says when). */
@Entity
public class MessageRecipient extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public GroupMessage message;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Registration registration;
    /** Null once the outbox row is gone. */
    @ManyToOne(fetch = FetchType.LAZY)
    public OutboxMessage outboxMessage;
}
