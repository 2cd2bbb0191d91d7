package eventdesk.registration;

import eventdesk.audit.AccessLog;
import eventdesk.event.Draw;
import eventdesk.event.Event;
import eventdesk.registration.AccessToken.Purpose;
import eventdesk.registration.Availability.Request;
import eventdesk.registration.RegistrationException.InvalidLink;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

import static eventdesk.registration.RegistrationStatus.APPLIED;

/**
 * A draw event's seats: applications are verified until {@code drawAt}, then drawn once. Both run under
 * the event lock, so a verification never slips past the close and two schedulers or instances firing
 * together draw once. Drawn applicants hold their seat for the draw's confirm window ({@link SeatPath#give}).
 */
@ApplicationScoped
public class DrawService {

    @Inject
    SeatPath seats;
    @Inject
    MeterRegistry metrics;
    @Inject
    AccessLog accessLog;

    /**
     * Verifies the email of the application behind an emailed verify link (the POST). Checked under
     * the event lock: only an application of a draw that has not run, strictly before {@code drawAt},
     * can be verified (at drawAt verifications close with the applications, even before the draw job
     * has run); verifying twice changes nothing.
     */
    @Transactional
    public Registration verify(String verifyToken, Instant now) {
        Registration r = Registration.lock(AccessToken.resolve(verifyToken, Purpose.VERIFY).orElseThrow(InvalidLink::unknown));
        if (r.status == APPLIED && r.verifiedAt == null && r.event.applicationsOpenAt(now)) {
            r.verifiedAt = now;
            metrics.counter("eventdesk.verifications").increment();
        }
        return r;
    }

    /**
     * Runs a due draw once: under the event lock, and only while the event is not drawn. Verified
     * applications are ordered by {@link Draw#order} (HMAC-SHA256 of the seed over the reference):
     * walking that order, each takes what {@link Availability} offers the drawn ({@link Request#DRAWN}):
     * a seat of their ticket type held for the confirm window while one is free, else the end of their
     * type's waitlist, so later freed seats go on in draw order. Each type is thus its own draw pool,
     * ordered by the same HMAC (the order restricted to one type is that type's own HMAC order).
     * Unverified applications are not drawn and end EXPIRED.
     *
     * @return whether this call ran the draw (false when it was not due or had already run)
     */
    @Transactional
    public boolean draw(long eventId, Instant now) {
        return run(eventId, now) != null;
    }

    /**
     * {@link #draw(long, Instant)} at the organizer {@code by}'s request: a draw that runs writes its access
     * log entry (the event, how many applications were drawn) with it; one not due writes nothing.
     */
    @Transactional
    public boolean draw(long eventId, Instant now, AccessLog.Entry by) {
        Ran ran = run(eventId, now);
        if (ran == null) return false;
        accessLog.recordWithChange(by.forEvent(ran.slug()).withCount(ran.drawn()));
        return true;
    }

    /** A draw that ran: its event, and how many applications it drew. */
    private record Ran(String slug, int drawn) {
    }

    /** Runs the draw if it is due; null when it did not run. */
    private Ran run(long eventId, Instant now) {
        Event event = Event.lock(eventId);
        if (event == null || !event.drawDueAt(now)) return null;
        seats.settle(event, now);
        List<Registration> applications = Registration.applications(event);
        List<Registration> verified = applications.stream().filter(r -> r.verifiedAt != null).toList();
        int rank = 0;
        for (Registration r : Draw.order(event.drawSeed, verified, reg -> reg.reference)) {
            r.drawRank = ++rank;
            Availability seat = Availability.of(event, r.ticketType, Request.DRAWN, now);
            if (seat.status().givesSeat()) seats.give(r, seat, RegistrationMails.Kind.DRAWN, now);
            else seats.joinWaitlist(r, now);
        }
        for (Registration r : applications) {
            if (r.verifiedAt == null) seats.leaveUndrawn(r, now);
        }
        event.drawnAt = now;
        metrics.counter("eventdesk.draws").increment();
        Log.infof("Drew %d of %d applications for %s (%d unverified)", verified.size(), applications.size(), event.slug,
                applications.size() - verified.size());
        return new Ran(event.slug, verified.size());
    }
}
