package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.mail.Mails;
import eventdesk.registration.AccessToken.Purpose;
import eventdesk.web.EventdeskConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The only place seats are taken or freed. Every method that changes a registration first locks
 * its event row (SELECT ... FOR UPDATE), so sign-ups, confirmations, cancellations, expiries and
 * capacity changes of one event run one after another on any database and across app instances.
 * Under that lock seats are counted from the registrations themselves, which keeps
 * PENDING + CONFIRMED &lt;= capacity, and the waitlist strictly first come, first served.
 * Emails are written to the outbox in the same transaction, so a committed change always mails.
 */
@ApplicationScoped
public class RegistrationService {

    @Inject
    EventdeskConfig config;
    @Inject
    Clock clock;
    @Inject
    Mails mails;
    @Inject
    MeterRegistry metrics;

    public record Outcome(Registration registration, long waitlistPosition, boolean duplicate) {
    }

    /**
     * Signs a person up: a seat (PENDING with a hold) while seats are left, else the end of the
     * waitlist, else {@link RegistrationException.SoldOut}. A second sign-up with an email that is
     * already active creates nothing and re-sends that registration's email.
     */
    @Transactional
    public Outcome register(String slug, SignUp form, Instant now) {
        Event event = Event.lockBySlug(slug)
                .filter(e -> e.status != eventdesk.event.EventStatus.draft)
                .orElseThrow(RegistrationException.UnknownEvent::new);
        Optional<Event.Closure> closure = event.closureAt(now);
        if (closure.isPresent()) {
            count("closed");
            throw new RegistrationException.Closed(closure.get());
        }
        Optional<Registration> existing = Registration.active(event, form.email);
        if (existing.isPresent()) {
            Registration r = existing.get();
            resendEmail(r, now);
            count("duplicate");
            return new Outcome(r, r.waitlistPosition(), true);
        }
        boolean seatFree = Registration.seatsTaken(event) < event.capacity;
        if (!seatFree && !event.waitlistEnabled) {
            count("sold_out");
            throw new RegistrationException.SoldOut();
        }
        Registration r = new Registration();
        r.event = event;
        r.name = form.name;
        r.email = form.email;
        r.emailNormalized = Registration.normalizeEmail(form.email);
        r.affiliation = form.affiliation;
        r.role = Role.valueOf(form.role);
        r.locale = form.locale == null ? "ko" : form.locale;
        r.consentAt = now;
        r.marketingConsent = form.marketingConsent;
        r.marketingConsentAt = form.marketingConsent ? now : null;
        r.createdAt = now;
        if (seatFree) {
            r.setStatus(RegistrationStatus.PENDING);
            r.holdExpiresAt = holdUntil(event, now);
            r.persist();
            mails.seatHeld(r, AccessToken.issue(r, Purpose.CONFIRM, now), AccessToken.issue(r, Purpose.MANAGE, now), false);
            count("pending");
            return new Outcome(r, 0, false);
        }
        r.setStatus(RegistrationStatus.WAITLISTED);
        r.waitlistSeq = Registration.nextWaitlistSeq(event);
        r.persist();
        long position = r.waitlistPosition();
        mails.waitlisted(r, position, AccessToken.issue(r, Purpose.MANAGE, now));
        count("waitlisted");
        return new Outcome(r, position, false);
    }

    /**
     * Confirms the registration behind an emailed confirm link (the POST; a GET never gets here).
     * Confirming twice leaves it confirmed; a hold past its expiry cannot be confirmed.
     */
    @Transactional
    public Optional<Registration> confirm(String confirmToken, Instant now) {
        Optional<Registration> found = AccessToken.resolve(confirmToken, Purpose.CONFIRM);
        if (found.isEmpty()) return found;
        Registration r = lockAndReload(found.get());
        if (r.event.status == eventdesk.event.EventStatus.cancelled) return Optional.of(r);
        if (r.holdExpiredAt(now)) {
            expire(r, now);
            promote(r.event, now);
        } else if (r.status == RegistrationStatus.PENDING) {
            r.setStatus(RegistrationStatus.CONFIRMED);
            r.confirmedAt = now;
            r.holdExpiresAt = null;
            mails.ticket(r, AccessToken.issue(r, Purpose.CHECKIN, now), AccessToken.issue(r, Purpose.MANAGE, now));
            metrics.counter("eventdesk.confirmations").increment();
        }
        return Optional.of(r);
    }

    /** Cancels the registration behind a manage link; its seat goes to the waitlist at once. */
    @Transactional
    public Optional<Registration> cancel(String manageToken, Instant now) {
        return AccessToken.resolve(manageToken, Purpose.MANAGE).map(r -> cancel(lockAndReload(r), now));
    }

    /** Cancels a registration for the organizer, mails the person and frees the seat. */
    @Transactional
    public Registration cancelById(long id, Instant now) {
        Registration r = Registration.findById(id);
        return r == null ? null : cancel(lockAndReload(r), now);
    }

    private Registration cancel(Registration r, Instant now) {
        if (!r.status.isActive() || r.checkedInAt != null) return r;
        boolean freesSeat = r.status.holdsSeat();
        r.setStatus(RegistrationStatus.CANCELLED);
        r.cancelledAt = now;
        r.holdExpiresAt = null;
        AccessToken.revoke(r, Purpose.CONFIRM);
        mails.cancelled(r);
        metrics.counter("eventdesk.cancellations").increment();
        if (freesSeat) promote(r.event, now);
        return r;
    }

    /** Re-sends the email that fits the registration's state, with fresh links. */
    @Transactional
    public Registration resend(long id, Instant now) {
        Registration r = Registration.findById(id);
        if (r != null) resendEmail(lockAndReload(r), now);
        return r;
    }

    private void resendEmail(Registration r, Instant now) {
        switch (r.status) {
            case PENDING -> mails.seatHeld(r, AccessToken.issue(r, Purpose.CONFIRM, now), AccessToken.issue(r, Purpose.MANAGE, now), false);
            case WAITLISTED -> mails.waitlisted(r, r.waitlistPosition(), AccessToken.issue(r, Purpose.MANAGE, now));
            case CONFIRMED -> mails.ticket(r, AccessToken.issue(r, Purpose.CHECKIN, now), AccessToken.issue(r, Purpose.MANAGE, now));
            default -> mails.cancelled(r);
        }
    }

    public enum CheckInResult { CHECKED_IN, ALREADY, NOT_CONFIRMED, UNKNOWN }

    /**
     * Marks a CONFIRMED attendee present at the door. A second scan changes nothing and reports the
     * first time; anyone not CONFIRMED is refused.
     */
    @Transactional
    public CheckInResult checkIn(long registrationId, Instant now) {
        Registration found = Registration.findById(registrationId);
        if (found == null) return CheckInResult.UNKNOWN;
        Registration r = lockAndReload(found);
        if (r.status != RegistrationStatus.CONFIRMED) return CheckInResult.NOT_CONFIRMED;
        if (r.checkedInAt != null) return CheckInResult.ALREADY;
        r.checkedInAt = now;
        metrics.counter("eventdesk.checkins").increment();
        return CheckInResult.CHECKED_IN;
    }

    /**
     * Sets a new capacity. It may drop to the seats already taken but never below, so nobody is
     * cancelled; a raise offers the new seats to the waitlist at once.
     */
    @Transactional
    public void changeCapacity(Event event, int capacity, Instant now) {
        Event locked = Event.lock(event.id);
        long taken = Registration.seatsTaken(locked);
        if (capacity < taken) throw new CapacityBelowTaken(taken);
        locked.capacity = capacity;
        promote(locked, now);
    }

    public static final class CapacityBelowTaken extends RuntimeException {
        public final long taken;

        CapacityBelowTaken(long taken) {
            super("capacity below seats taken: " + taken, null, false, false);
            this.taken = taken;
        }
    }

    /** Ends holds that were not confirmed in time and hands their seats to the waitlist. */
    @Scheduled(every = "${eventdesk.expiry-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s")
    void expireHoldsJob() {
        expireHolds(Instant.now(clock));
    }

    public int expireHolds(Instant now) {
        int expired = 0;
        for (Long eventId : Registration.eventsWithExpiredHolds(now)) {
            try {
                expired += expireHolds(eventId, now);
            } catch (RuntimeException e) {
                Log.errorf(e, "Expiring holds of event %d failed; the next run retries", eventId);
            }
        }
        return expired;
    }

    @Transactional
    int expireHolds(long eventId, Instant now) {
        Event event = Event.lock(eventId);
        List<Registration> holds = Registration.expiredHolds(event, now);
        holds.forEach(r -> expire(r, now));
        promote(event, now);
        return holds.size();
    }

    private void expire(Registration r, Instant now) {
        r.setStatus(RegistrationStatus.EXPIRED);
        r.expiredAt = now;
        r.holdExpiresAt = null;
        AccessToken.revoke(r, Purpose.CONFIRM);
        mails.expired(r);
        metrics.counter("eventdesk.expiries").increment();
    }

    /** A hold lasts eventdesk.hold-duration, but never past the start of the event. */
    private Instant holdUntil(Event event, Instant now) {
        Instant hold = now.plus(config.holdDuration());
        return hold.isAfter(event.startsAt) ? event.startsAt : hold;
    }

    /**
     * Gives every free seat to the first WAITLISTED person, in order. Callers hold the event lock,
     * so two seats freed at once promote two different people, each exactly once. Once
     * registration has closed (or the event is cancelled) nobody is offered a seat any more.
     */
    void promote(Event event, Instant now) {
        long free = event.capacity - Registration.seatsTaken(event);
        if (free <= 0 || event.closureAt(now).isPresent()) return;
        for (Registration r : Registration.waitlist(event, (int) Math.min(free, Integer.MAX_VALUE))) {
            r.setStatus(RegistrationStatus.PENDING);
            r.holdExpiresAt = holdUntil(event, now);
            mails.seatHeld(r, AccessToken.issue(r, Purpose.CONFIRM, now), AccessToken.issue(r, Purpose.MANAGE, now), true);
            metrics.counter("eventdesk.promotions").increment();
        }
    }

    /** Locks the registration's event, then reads the registration as it is now. */
    private static Registration lockAndReload(Registration r) {
        Event.lock(r.event.id);
        Registration.getEntityManager().refresh(r);
        return r;
    }

    private void count(String outcome) {
        metrics.counter("eventdesk.signups", "outcome", outcome).increment();
    }
}
