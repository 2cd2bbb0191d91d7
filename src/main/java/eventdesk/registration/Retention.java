package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.web.EventdeskConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the promise of the consent text (PIPA): personal data of an event's registrations is
 * deleted {@code eventdesk.retention} (default one year) after the event ended. The event stays.
 */
@ApplicationScoped
public class Retention {

    @Inject
    EventdeskConfig config;
    @Inject
    Outbox outbox;
    @Inject
    SeatPath seats;
    @Inject
    Clock clock;

    @Scheduled(cron = "0 30 3 * * ?", timeZone = "Asia/Seoul", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        int deleted = purge(Instant.now(clock));
        if (deleted > 0) Log.infof("Deleted %d registrations past their retention period", deleted);
    }

    /**
     * Deletes registrations (with their tokens and mails) of events that ended before now - retention,
     * each event under its lock; the seat path takes them out of the event's counters.
     */
    @Transactional
    public int purge(Instant now) {
        Instant cutoff = now.minus(config.retention());
        List<Long> ended = Registration.find("select distinct r.event.id from Registration r where r.event.endsAt < ?1", cutoff)
                .project(Long.class).list();
        int deleted = 0;
        for (Long eventId : ended) {
            Event event = Event.lock(eventId);
            List<Long> ids = Registration.find("select r.id from Registration r where r.event = ?1", event)
                    .project(Long.class).list();
            if (ids.isEmpty()) continue;
            outbox.forget(ids);
            AccessToken.delete("registration.id in ?1", ids);
            // Codes stay (they say how many were used), without the person who used them.
            InvitationCode.update("registration = null where event = ?1", event);
            deleted += seats.forgetAll(event);
        }
        return deleted;
    }
}
