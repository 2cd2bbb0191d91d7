package eventdesk.testing;

import eventdesk.mail.Outbox;
import eventdesk.mail.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Relays the outbox until no mail is waiting for a retry: a send that failed once (a slow SMTP answer) is sent again. */
public final class Deliveries {

    private Deliveries() {
    }

    public static void deliver(Outbox outbox) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            outbox.relay();
            return QuarkusTransaction.requiringNew().call(() ->
                    OutboxMessage.count("status = ?1 and attempts > 0", OutboxMessage.Status.PENDING)) == 0;
        });
    }
}
