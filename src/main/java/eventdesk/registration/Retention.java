package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.ShuttingDown;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the promise of the consent text (PIPA): personal data of an event's registrations is erased
 * {@code eventdesk.retention} (default one year) after the event ended, exactly as a person's own
 * request erases it ({@link Erasure#clear}). The event and its registrations' rows stay, so its counts,
 * charts and draw record stay right.
 */
@ApplicationScoped
public class Retention {

    /** Registrations cleared per flush, so a large event's erasure does not hold them all in memory. */
    static final int BATCH = 500;

    @Inject
    EventdeskConfig config;
    @Inject
    Erasure erasure;
    @Inject
    Clock clock;

    @Scheduled(cron = "0 30 3 * * ?", timeZone = "Asia/Seoul", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ShuttingDown.class)
    void nightly() {
        int erased = purge(Instant.now(clock));
        if (erased > 0) Log.infof("Erased the personal data of %d registrations past their retention period", erased);
    }

    /**
     * Erases the registrations not erased yet of events that ended before now - retention, one event at a
     * time under its lock, each in a transaction of its own; invitation codes of those events keep no
     * address. Returns how many registrations were erased.
     */
    public int purge(Instant now) {
        Instant cutoff = now.minus(config.retention());
        List<Long> ended = QuarkusTransaction.requiringNew().call(() -> Registration.find(
                        "select distinct r.event.id from Registration r where r.event.endsAt < ?1 and r.erasedAt is null", cutoff)
                .project(Long.class).list());
        int erased = 0;
        for (Long eventId : ended) {
            erased += QuarkusTransaction.requiringNew().call(() -> eraseEvent(eventId, now));
        }
        return erased;
    }

    private int eraseEvent(long eventId, Instant now) {
        Event event = Event.lock(eventId);
        int erased = 0;
        List<Registration> batch;
        while (!(batch = Registration.<Registration>find("event = ?1 and erasedAt is null order by id", event)
                .page(0, BATCH).list()).isEmpty()) {
            erasure.clear(batch, now);
            erased += batch.size();
            Registration.getEntityManager().flush();
            batch.forEach(Registration.getEntityManager()::detach);
        }
        InvitationCode.update("email = ?1 where event = ?2 and email is not null", Erasure.ERASED_CODE_EMAIL, event);
        return erased;
    }
}
