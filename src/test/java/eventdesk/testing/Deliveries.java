package eventdesk.testing;

import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

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

    /** Mails waiting in the outbox for the registrations of event {@code ?2}. */
    private static final String WAITING = "status = ?1 and ownerId in (select r.id from Registration r where r.event.id = ?2)";

    /** The kinds of the mails to the event's registrations still waiting in the outbox, per recipient. */
    public static Map<String, List<String>> waiting(Event event) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                        WAITING + " order by kind",
                        OutboxMessage.Status.PENDING, event.id).stream()
                .collect(Collectors.groupingBy(m -> m.recipient, TreeMap::new, Collectors.mapping(m -> m.kind, Collectors.toList()))));
    }

    /**
     * Drops the mails of the event's registrations still waiting in the outbox. A test that made hundreds of
     * sign-ups and checked their mails were written calls it, so that the next test's relay in the same JVM
     * does not spend seconds sending them to the test mail server.
     */
    public static void discard(Event event) {
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.delete(WAITING, OutboxMessage.Status.PENDING, event.id));
    }
}
