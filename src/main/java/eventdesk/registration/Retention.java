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
    Clock clock;

    @Scheduled(cron = "0 30 3 * * ?", timeZone = "Asia/Seoul", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        int deleted = purge(Instant.now(clock));
        if (deleted > 0) Log.infof("Deleted %d registrations past their retention period", deleted);
    }

    /** Deletes registrations (with their tokens and mails) of events that ended before now - retention. */
    @Transactional
    public int purge(Instant now) {
        Instant cutoff = now.minus(config.retention());
        List<Event> ended = Event.list("endsAt < ?1", cutoff);
        int deleted = 0;
        for (Event event : ended) {
            List<Long> ids = Registration.find("select r.id from Registration r where r.event = ?1", event)
                    .project(Long.class).list();
            if (ids.isEmpty()) continue;
            outbox.forget(ids);
            AccessToken.delete("registration.id in ?1", ids);
            // Codes stay (they say how many were used), without the person who used them.
            InvitationCode.update("registration = null where event = ?1", event);
            deleted += (int) Registration.delete("id in ?1", ids);
            // The event stays, with counters that match its (now no) registrations.
            Event locked = Event.lock(event.id);
            locked.seatsTaken = 0;
            locked.waitlisted = 0;
            locked.applied = 0;
            locked.ticketTypes.forEach(t -> {
                t.seatsTaken = 0;
                t.waitlisted = 0;
            });
        }
        return deleted;
    }
}
