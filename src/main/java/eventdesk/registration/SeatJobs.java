package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.web.ShuttingDown;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The timed work on seats: holds that were not confirmed in time expire, held seats go to the waitlists
 * at their deadline, due draws run. Every job walks the events it is due for, each event in its own
 * transaction under its lock, so one failing event neither stops the others nor leaves half a change;
 * the next run retries it. Nothing starts once the application is shutting down, and a running job stops
 * before its next event.
 */
@ApplicationScoped
public class SeatJobs {

    @Inject
    SeatPath seats;
    @Inject
    DrawService draws;
    @Inject
    Clock clock;

    @Inject
    ShuttingDown shuttingDown;

    /** One job's work on one event, in its own transaction; returns how much it did. */
    @FunctionalInterface
    interface Step {
        int run(long eventId, Instant now);
    }

    @Scheduled(every = "${eventdesk.expiry-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s", skipExecutionIf = ShuttingDown.class)
    void expireHoldsJob() {
        forEachDueEvent("Expiring holds", Registration::eventsWithExpiredHolds, this::expireHolds);
    }

    @Scheduled(every = "${eventdesk.expiry-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "7s", skipExecutionIf = ShuttingDown.class)
    void releaseHeldJob() {
        forEachDueEvent("Releasing held seats", TicketType::eventsWithDueHeld, this::releaseHeld);
    }

    @Scheduled(every = "${eventdesk.draw-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s", skipExecutionIf = ShuttingDown.class)
    void drawJob() {
        forEachDueEvent("The draw", Event::drawsDue, (eventId, now) -> draws.draw(eventId, now) ? 1 : 0);
    }

    /** Runs {@code step} for every event {@code due} names now; a failure is logged and retried by the next run. */
    private void forEachDueEvent(String job, Function<Instant, List<Long>> due, Step step) {
        Instant now = Instant.now(clock);
        int done = 0;
        for (Long eventId : due.apply(now)) {
            if (shuttingDown.now()) break;
            try {
                done += step.run(eventId, now);
            } catch (RuntimeException e) {
                Log.errorf(e, "%s of event %d failed; the next run retries", job, eventId);
            }
        }
        if (done > 0) Log.debugf("%s: %d done", job, done);
    }

    /** Expires one event's holds that ended by {@code now} (their seats go to the waitlist); returns how many. */
    @Transactional
    public int expireHolds(long eventId, Instant now) {
        Event event = Event.lock(eventId);
        List<Registration> holds = Registration.expiredHolds(event, now);
        holds.forEach(r -> seats.release(r, RegistrationStatus.EXPIRED, now, true));
        return holds.size();
    }

    /** Releases one event's held seats if their deadline has come by {@code now}; returns how many seats. */
    @Transactional
    public int releaseHeld(long eventId, Instant now) {
        return seats.settle(Event.lock(eventId), now);
    }
}
