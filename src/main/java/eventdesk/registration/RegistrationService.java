package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.EventStatus;
import eventdesk.registration.AccessToken.Purpose;
import eventdesk.registration.RegistrationException.CapacityBelowTaken;
import eventdesk.registration.RegistrationException.Closed;
import eventdesk.registration.RegistrationException.InvalidAnswers;
import eventdesk.registration.RegistrationException.InvalidLink;
import eventdesk.registration.RegistrationException.SoldOut;
import eventdesk.registration.RegistrationException.UnknownEvent;
import eventdesk.registration.RegistrationException.UnknownRegistration;
import eventdesk.web.EventdeskConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static eventdesk.registration.RegistrationStatus.CANCELLED;
import static eventdesk.registration.RegistrationStatus.CONFIRMED;
import static eventdesk.registration.RegistrationStatus.EXPIRED;
import static eventdesk.registration.RegistrationStatus.PENDING;
import static eventdesk.registration.RegistrationStatus.WAITLISTED;

/**
 * The only place seats are taken or freed. Every method that changes a registration first locks
 * its event row (SELECT ... FOR UPDATE), so sign-ups, confirmations, cancellations, expiries and
 * capacity changes of one event run one after another on any database and across app instances.
 * Under that lock the event's counters ({@code seatsTaken}, {@code waitlisted}) move with every
 * status change ({@link #move}), which keeps PENDING + CONFIRMED &lt;= capacity and the waitlist
 * strictly first come, first served. Mails go to the outbox in the same transaction, so a committed
 * change always mails.
 *
 * <p>Sign-ups arrive in crowds: {@link #register} queues them per event ({@link SeatQueue}) and
 * {@link #decideBatch} takes a whole batch under one lock and one commit, applying the one-at-a-time
 * rule {@link #decide} to each request in arrival order.
 */
@ApplicationScoped
public class RegistrationService {

    /** A repeated sign-up re-sends the registration's email at most this often. */
    static final Duration RESEND_INTERVAL = Duration.ofMinutes(10);

    @Inject
    EventdeskConfig config;
    @Inject
    RegistrationMails mails;
    @Inject
    MeterRegistry metrics;
    @Inject
    Clock clock;
    @Inject
    SeatQueue queue;

    private volatile boolean stopping;

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** What a sign-up is told: PENDING (a seat is held) or WAITLISTED with the position. */
    public record Answer(RegistrationStatus status, long waitlistPosition) {
    }

    /** A sign-up waiting for its batch; answered only after the batch committed. */
    record Request(String slug, SignUp form, Instant arrivedAt, CompletableFuture<Answer> answer) {
    }

    /**
     * Signs a person up; the answer comes once the sign-up's batch has committed, and fails with a
     * {@link RegistrationException} when the event takes no sign-up. The caller's thread does not wait.
     */
    public CompletionStage<Answer> register(String slug, SignUp form) {
        return queue.submit(new Request(slug, form, Instant.now(clock), new CompletableFuture<>()));
    }

    /**
     * Decides a batch of sign-ups for one event in one transaction: locks the event row once, applies
     * {@link #decide} to each request in arrival order, and returns per request its {@link Answer} or
     * its {@link RegistrationException}, to be handed out after the commit. A batch of one is exactly
     * the one-at-a-time sign-up.
     */
    @Transactional
    List<Object> decideBatch(String slug, List<Request> batch) {
        Optional<Event> locked = Event.lockBySlug(slug).filter(e -> e.status != EventStatus.draft);
        List<Object> results = new ArrayList<>(batch.size());
        if (locked.isEmpty()) {
            batch.forEach(r -> results.add(new UnknownEvent()));
            return results;
        }
        Event event = locked.get();
        Map<String, Registration> active = Registration.activeByEmail(event,
                batch.stream().map(r -> Registration.normalizeEmail(r.form().email)).distinct().toList());
        Questions questions = Questions.of(event);
        for (Request request : batch) {
            try {
                results.add(decide(event, request.form(), questions, active, request.arrivedAt()));
            } catch (RegistrationException refused) {
                results.add(refused);
            }
        }
        return results;
    }

    /**
     * The rule for one sign-up, under the event lock: closed windows take nothing; an email that is
     * already active creates nothing, re-sends its mail (at most every {@link #RESEND_INTERVAL}) and
     * is answered exactly what a new person would be told now, so answers never reveal who is
     * registered; otherwise a seat while one is free, else the end of the waitlist, else sold out.
     * Answers to the event's questions are checked first, like every other field of the form.
     *
     * @param active the event's active registrations by normalized email; a new one is added
     */
    private Answer decide(Event event, SignUp form, Questions questions, Map<String, Registration> active, Instant now) {
        Answers.Checked answers = questions.check(form);
        if (!answers.errors().isEmpty()) {
            count("invalid_answers");
            throw new InvalidAnswers(event.slug, form, answers.errors());
        }
        Optional<Event.Closure> closure = event.closureAt(now);
        if (closure.isPresent()) {
            count("closed");
            throw new Closed(closure.get(), event.slug);
        }
        String email = Registration.normalizeEmail(form.email);
        Registration existing = active.get(email);
        if (existing != null) {
            count("duplicate");
            if (existing.resentAt == null || !now.isBefore(existing.resentAt.plus(RESEND_INTERVAL))) {
                existing.resentAt = now;
                resendEmail(existing, now);
            }
            return answerForNewcomer(event);
        }
        if (!event.hasFreeSeat() && !event.waitlistEnabled) {
            count("sold_out");
            throw new SoldOut(event.slug);
        }
        Registration r = Registration.of(event, form, now);
        r.answers = Answers.toJson(answers.values());
        active.put(email, r);
        if (event.hasFreeSeat()) {
            giveSeat(r, now, false);
            count("pending");
            return new Answer(PENDING, 0);
        }
        joinWaitlist(r, now);
        count("waitlisted");
        return new Answer(WAITLISTED, event.waitlisted);
    }

    /** What a new sign-up would get now: a seat, the next waitlist position, or {@link SoldOut}. */
    private static Answer answerForNewcomer(Event event) {
        if (event.hasFreeSeat()) return new Answer(PENDING, 0);
        if (event.waitlistEnabled) return new Answer(WAITLISTED, event.waitlisted + 1L);
        throw new SoldOut(event.slug);
    }

    /**
     * Confirms the registration behind an emailed confirm link (the POST; a GET never gets here).
     * Confirming twice leaves it confirmed; a hold past its expiry expires now and its seat moves on.
     */
    @Transactional
    public Registration confirm(String confirmToken, Instant now) {
        Registration r = lockAndReload(AccessToken.resolve(confirmToken, Purpose.CONFIRM).orElseThrow(InvalidLink::unknown));
        if (r.event.status == EventStatus.cancelled) return r;
        if (r.holdExpiredAt(now)) {
            release(r, EXPIRED, now);
        } else if (r.status == PENDING) {
            move(r, CONFIRMED);
            r.confirmedAt = now;
            r.holdExpiresAt = null;
            mails.ticket(r, AccessToken.issue(r, Purpose.CHECKIN, now), AccessToken.issue(r, Purpose.MANAGE, now));
            metrics.counter("eventdesk.confirmations").increment();
        }
        return r;
    }

    /** Cancels the registration behind a manage link; its seat goes to the waitlist at once. */
    @Transactional
    public Registration cancel(String manageToken, Instant now) {
        return cancel(lockAndReload(AccessToken.resolve(manageToken, Purpose.MANAGE).orElseThrow(InvalidLink::unknown)), now);
    }

    /** Cancels a registration for the organizer, mails the person and frees the seat. */
    @Transactional
    public Registration cancelById(long id, Instant now) {
        return cancel(lockAndReload(byId(id)), now);
    }

    private Registration cancel(Registration r, Instant now) {
        if (!r.status.isActive() || r.checkedInAt != null) return r;
        release(r, CANCELLED, now);
        metrics.counter("eventdesk.cancellations").increment();
        return r;
    }

    /** Re-sends the email that fits the registration's state, with fresh links (for the organizer). */
    @Transactional
    public Registration resend(long id, Instant now) {
        Registration r = lockAndReload(byId(id));
        resendEmail(r, now);
        return r;
    }

    private void resendEmail(Registration r, Instant now) {
        switch (r.status) {
            case PENDING -> mails.seatHeld(r, AccessToken.issue(r, Purpose.CONFIRM, now), AccessToken.issue(r, Purpose.MANAGE, now), false);
            case WAITLISTED -> mails.waitlisted(r, r.waitlistPosition(), AccessToken.issue(r, Purpose.MANAGE, now));
            case CONFIRMED -> mails.ticket(r, AccessToken.issue(r, Purpose.CHECKIN, now), AccessToken.issue(r, Purpose.MANAGE, now));
            case CANCELLED -> mails.cancelled(r);
            case EXPIRED -> mails.expired(r);
        }
    }

    /** What a scan or a click at the door did (the door screen also reports codes it cannot place). */
    public enum CheckInResult { CHECKED_IN, ALREADY, NOT_CONFIRMED, WRONG_EVENT, UNKNOWN }

    /**
     * Marks a CONFIRMED attendee present at the door. A second scan changes nothing and reports the
     * first time; anyone not CONFIRMED is refused.
     */
    @Transactional
    public CheckInResult checkIn(long registrationId, Instant now) {
        Registration r = lockAndReload(byId(registrationId));
        if (r.status != CONFIRMED) return CheckInResult.NOT_CONFIRMED;
        if (r.checkedInAt != null) return CheckInResult.ALREADY;
        r.checkedInAt = now;
        metrics.counter("eventdesk.checkins").increment();
        return CheckInResult.CHECKED_IN;
    }

    /**
     * Sets a new capacity on an event the caller has locked ({@link Event#lockBySlug}; a detached
     * event is locked here). It may drop
     * to the seats already taken but never below, so nobody is cancelled; a raise offers the new
     * seats to the waitlist at once.
     */
    @Transactional
    public void changeCapacity(Event event, int capacity, Instant now) {
        Event locked = Event.getEntityManager().contains(event) ? event : Event.lock(event.id);
        if (!locked.allowsCapacity(capacity)) throw new CapacityBelowTaken(locked.seatsTaken);
        locked.capacity = capacity;
        promote(locked, now);
    }

    /** Ends holds that were not confirmed in time and hands their seats to the waitlist. */
    @Scheduled(every = "${eventdesk.expiry-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s")
    void expireHoldsJob() {
        if (stopping) return;
        Instant now = Instant.now(clock);
        for (Long eventId : Registration.eventsWithExpiredHolds(now)) {
            try {
                expireHolds(eventId, now);
            } catch (RuntimeException e) {
                Log.errorf(e, "Expiring holds of event %d failed; the next run retries", eventId);
            }
        }
    }

    /** Expires one event's holds that ended by {@code now}; returns how many. */
    @Transactional
    public int expireHolds(long eventId, Instant now) {
        Event event = Event.lock(eventId);
        List<Registration> holds = Registration.expiredHolds(event, now);
        holds.forEach(r -> release(r, EXPIRED, now));
        return holds.size();
    }

    /** The one way to a seat: PENDING with a hold and a fresh confirm link, and the mail that says so. */
    private void giveSeat(Registration r, Instant now, boolean fromWaitlist) {
        move(r, PENDING);
        r.holdExpiresAt = holdUntil(r.event, now);
        persistNew(r);
        mails.seatHeld(r, AccessToken.issue(r, Purpose.CONFIRM, now), AccessToken.issue(r, Purpose.MANAGE, now),
                fromWaitlist);
    }

    /** The end of the waitlist: the next sequence number, and the mail with the position. */
    private void joinWaitlist(Registration r, Instant now) {
        move(r, WAITLISTED);
        r.waitlistSeq = ++r.event.waitlistSeq;
        persistNew(r);
        mails.waitlisted(r, r.event.waitlisted, AccessToken.issue(r, Purpose.MANAGE, now));
    }

    /**
     * The one way out (CANCELLED or EXPIRED): the confirm link dies, the person is mailed, and a
     * freed seat goes to the waitlist at once.
     */
    private void release(Registration r, RegistrationStatus end, Instant now) {
        boolean freesSeat = r.status.holdsSeat();
        move(r, end);
        r.holdExpiresAt = null;
        AccessToken.revoke(r, Purpose.CONFIRM);
        if (end == CANCELLED) {
            r.cancelledAt = now;
            mails.cancelled(r);
        } else {
            r.expiredAt = now;
            mails.expired(r);
            metrics.counter("eventdesk.expiries").increment();
        }
        if (freesSeat) promote(r.event, now);
    }

    /**
     * Gives every free seat to the first WAITLISTED person, in order. Callers hold the event lock,
     * so two seats freed at once promote two different people, each exactly once. Once
     * registration has closed (or the event is cancelled) nobody is offered a seat any more.
     */
    private void promote(Event event, Instant now) {
        int free = event.seatsLeft();
        if (free == 0 || event.closureAt(now).isPresent()) return;
        for (Registration r : Registration.waitlist(event, free)) {
            giveSeat(r, now, true);
            metrics.counter("eventdesk.promotions").increment();
        }
    }

    /** Every status change goes through here, so the event's counters always equal its registrations. */
    private static void move(Registration r, RegistrationStatus next) {
        Event e = r.event;
        if (r.status != null && r.status.holdsSeat()) e.seatsTaken--;
        if (r.status == WAITLISTED) e.waitlisted--;
        if (next.holdsSeat()) e.seatsTaken++;
        if (next == WAITLISTED) e.waitlisted++;
        r.setStatus(next);
    }

    /** A new registration is written once its status is set (one INSERT, no UPDATE after it). */
    private static void persistNew(Registration r) {
        if (!r.isPersistent()) r.persist();
    }

    /** A hold lasts eventdesk.hold-duration, but never past the start of the event. */
    private Instant holdUntil(Event event, Instant now) {
        Instant hold = now.plus(config.holdDuration());
        return hold.isAfter(event.startsAt) ? event.startsAt : hold;
    }

    private static Registration byId(long id) {
        Registration r = Registration.findById(id);
        if (r == null) throw new UnknownRegistration();
        return r;
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
