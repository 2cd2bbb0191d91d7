package eventdesk.registration;

import eventdesk.audit.AccessLog;
import eventdesk.registration.AccessToken.Purpose;
import eventdesk.registration.Availability.Request;
import eventdesk.registration.Availability.Status;
import eventdesk.registration.RegistrationException.InvalidLink;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static eventdesk.registration.RegistrationStatus.CANCELLED;
import static eventdesk.registration.RegistrationStatus.CONFIRMED;
import static eventdesk.registration.RegistrationStatus.EXPIRED;
import static eventdesk.registration.RegistrationStatus.PENDING;

/**
 * What happens to one registration after its sign-up, at the person's or the organizer's request:
 * confirm, cancel, release a seat, re-send its mail. Each locks the registration's event row first
 * ({@link Registration#lock}), so it runs after any other change to that event's seats, and changes
 * the registration through the {@link SeatPath}: a freed seat goes to the waitlist in the same
 * transaction, and every change mails.
 */
@ApplicationScoped
public class RegistrationService {

    @Inject
    SeatPath seats;
    @Inject
    RegistrationMails mails;
    @Inject
    MeterRegistry metrics;
    @Inject
    AccessLog accessLog;

    /**
     * Confirms the registration behind an emailed confirm link (the POST; a GET never gets here).
     * Confirming twice leaves it confirmed; a hold past its expiry expires now and its seat moves on;
     * in a cancelled event nothing changes ({@link Availability}: the event gives no seat).
     */
    @Transactional
    public Registration confirm(String confirmToken, Instant now) {
        Registration r = Registration.lock(AccessToken.resolve(confirmToken, Purpose.CONFIRM).orElseThrow(InvalidLink::unknown));
        if (Availability.of(r.event, r.ticketType, Request.CONFIRM, now).status() == Status.CLOSED) return r;
        if (r.holdExpiredAt(now)) {
            seats.release(r, EXPIRED, now, true);
        } else if (r.status == PENDING) {
            seats.confirm(r, now, AccessToken.manageSecretOf(confirmToken));
            metrics.counter("eventdesk.confirmations").increment();
        }
        return r;
    }

    /** Cancels the registration behind a manage link; its seat goes to the waitlist at once. */
    @Transactional
    public Registration cancel(String manageToken, Instant now) {
        return cancel(Registration.lock(AccessToken.resolve(manageToken, Purpose.MANAGE).orElseThrow(InvalidLink::unknown)), now);
    }

    /** Cancels a registration by id (the person's own "release my seat"), mails the person and frees the seat. */
    @Transactional
    public Registration cancelById(long id, Instant now) {
        return cancel(Registration.lockById(id), now);
    }

    /**
     * Cancels a registration for the organizer {@code by}, mails the person and frees the seat; the
     * access log entry (the event, the registration's id) is written with the change, and only when
     * there was one (a registration no longer active is left alone).
     */
    @Transactional
    public Registration cancelById(long id, Instant now, AccessLog.Entry by) {
        Registration r = Registration.lockById(id);
        if (!cancels(r)) return r;
        cancel(r, now);
        accessLog.recordWithChange(by.forEvent(r.event.slug).withRegistrations(List.of(r.id)));
        return r;
    }

    private Registration cancel(Registration r, Instant now) {
        if (!cancels(r)) return r;
        seats.release(r, CANCELLED, now, true);
        metrics.counter("eventdesk.cancellations").increment();
        return r;
    }

    private static boolean cancels(Registration r) {
        return r.status.isActive() && r.checkedInAt == null;
    }

    /**
     * Frees the seat of a CONFIRMED person who is not checked in, exactly as a cancel does (CANCELLED,
     * the first WAITLISTED person promoted in this same transaction), but without the cancellation mail:
     * the caller writes its own mail in the same transaction. For the attendance feature's automatic
     * release of people who did not answer "still coming?". Returns whether the seat was released.
     */
    @Transactional
    public boolean releaseSeat(long id, Instant now) {
        Registration r = Registration.lockById(id);
        if (r.status != CONFIRMED || r.checkedInAt != null) return false;
        seats.release(r, CANCELLED, now, false);
        metrics.counter("eventdesk.cancellations").increment();
        return true;
    }

    /**
     * An organizer's resend this soon after the registration's last mail was written is the same request sent
     * twice (a double click, a second tab, two clicks at once): nothing is mailed again.
     */
    static final Duration SAME_REQUEST = Duration.ofSeconds(30);

    /**
     * Re-sends the email that fits the registration's state, with fresh links (for the organizer), unless one of
     * its mails was written less than {@link #SAME_REQUEST} ago. Under the registration's lock, so of two clicks at
     * once the second sees the first's mail.
     */
    @Transactional
    public Registration resend(long id, Instant now) {
        Registration r = Registration.lockById(id);
        if (!mails.writtenSince(r, now.minus(SAME_REQUEST))) resendEmail(r, now);
        return r;
    }

    /** {@link #resend(long, Instant)} for the organizer {@code by}, with its access log entry (event, registration id). */
    @Transactional
    public Registration resend(long id, Instant now, AccessLog.Entry by) {
        Registration r = resend(id, now);
        accessLog.recordWithChange(by.forEvent(r.event.slug).withRegistrations(List.of(r.id)));
        return r;
    }

    /** The email that fits the registration's state now, with fresh links; the caller holds the event lock. */
    void resendEmail(Registration r, Instant now) {
        switch (r.status) {
            case PENDING -> mails.seatHeld(r, AccessToken.issue(r, Purpose.CONFIRM, now), AccessToken.issue(r, Purpose.MANAGE, now),
                    r.drawRank != null ? RegistrationMails.Kind.DRAWN : RegistrationMails.Kind.SEAT_HELD);
            case WAITLISTED -> mails.waitlisted(r, r.waitlistPosition(), AccessToken.issue(r, Purpose.MANAGE, now), r.drawRank != null);
            case APPLIED -> {
                if (r.reference != null) {
                    mails.drawApplied(r, r.verifiedAt == null ? AccessToken.issue(r, Purpose.VERIFY, now) : null,
                            AccessToken.issue(r, Purpose.MANAGE, now));
                } else {
                    mails.applied(r, AccessToken.issue(r, Purpose.MANAGE, now));
                }
            }
            case CONFIRMED -> {
                String manage = AccessToken.issue(r, Purpose.MANAGE, now);
                mails.ticket(r, AccessToken.checkInCode(manage), manage);
            }
            case CANCELLED -> {
                if (r.reference != null && r.drawRank == null) mails.withdrawn(r);
                else mails.cancelled(r);
            }
            case EXPIRED -> mails.expired(r);
            case DECLINED -> mails.declined(r);
        }
    }
}
