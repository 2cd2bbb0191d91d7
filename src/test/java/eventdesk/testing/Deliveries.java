package eventdesk.testing;

import eventdesk.mail.Outbox;
import eventdesk.mail.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Relays the outbox until no mail is waiting for a retry: a send that failed once (a slow SMTP answer) is sent again.
 * Up to a minute: on a loaded machine three attempts of five seconds each, with their backoff, took longer than 20 s.
 */
public final class Deliveries {

    private Deliveries() {
    }

    public static void deliver(Outbox outbox) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            outbox.relay();
            return QuarkusTransaction.requiringNew().call(() ->
                    OutboxMessage.count("status = ?1 and attempts > 0", OutboxMessage.Status.PENDING)) == 0;
        });
    }
}
