package eventdesk.registration;

import eventdesk.event.Draw;
import eventdesk.event.Event;
import eventdesk.event.EventStatus;
import eventdesk.event.TicketType;
import eventdesk.registration.AccessToken.Purpose;
import eventdesk.registration.InvitationCode.Refusal;
import eventdesk.registration.RegistrationException.CapacityBelowTaken;
import eventdesk.registration.RegistrationException.Closed;
import eventdesk.registration.RegistrationException.InvalidField;
import eventdesk.registration.RegistrationException.InvalidAnswers;
import eventdesk.registration.RegistrationException.InvalidLink;
import eventdesk.registration.RegistrationException.NotApplied;
import eventdesk.registration.RegistrationException.SeatsByDraw;
import eventdesk.registration.RegistrationException.SoldOut;
import eventdesk.registration.RegistrationException.TypeInUse;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static eventdesk.registration.RegistrationStatus.APPLIED;
import static eventdesk.registration.RegistrationStatus.CANCELLED;
import static eventdesk.registration.RegistrationStatus.CONFIRMED;
import static eventdesk.registration.RegistrationStatus.DECLINED;
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
 *
 * <p>Ticket types ({@link TicketType}) split the seats: each type has its own capacity, counters and
 * FIFO waitlist, and the event's capacity stays the overall cap, so a seat of a type is free only
 * when both the type and the event have one ({@link Event#hasPublicSeat}). The one event lock covers
 * the event and all its types. Seats held for invitation codes are invisible to public sign-ups;
 * a valid code takes one ({@link InvitationCode}), and at the event's {@code heldUntil} the unused
 * ones go to their type's waitlist ({@link #releaseHeld}). In approval mode a sign-up waits as
 * APPLIED (no seat) until the organizer approves it ({@link #approve}: the same seat rule as a
 * sign-up) or declines it. An event without types behaves as one implicit type: the event's seats
 * and waitlist.
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

    /** What a sign-up is told: PENDING (a seat is held), WAITLISTED with the position in its type's queue, or APPLIED. */
    public record Answer(RegistrationStatus status, long waitlistPosition) {
    }

    /** A sign-up waiting for its batch; answered only after the batch committed. */
    record Request(String slug, SignUp form, Instant arrivedAt, CompletableFuture<Answer> answer) {
    }

    /**
     * What a batch decided: per request its {@link Answer} or its {@link RegistrationException}, and whether
     * the batch wrote anything (a registration or a mail; a repeated sign-up inside its re-send interval writes
     * nothing).
     */
    record Decisions(List<Object> results, boolean wroteAny) {
    }

    /** One sign-up's answer, and whether deciding it wrote anything. */
    private record Outcome(Answer answer, boolean wrote) {
        static Outcome written(Answer answer) {
            return new Outcome(answer, true);
        }
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
    Decisions decideBatch(String slug, List<Request> batch) {
        Optional<Event> locked = Event.lockBySlug(slug).filter(e -> e.status != EventStatus.draft);
        List<Object> results = new ArrayList<>(batch.size());
        if (locked.isEmpty()) {
            batch.forEach(r -> results.add(new UnknownEvent()));
            return new Decisions(results, false);
        }
        Event event = locked.get();
        settle(event, Instant.now(clock));
        Map<String, Registration> active = Registration.activeByEmail(event,
                batch.stream().map(r -> Registration.personKey(event, r.form().email)).distinct().toList());
        Questions questions = Questions.of(event);
        boolean wroteAny = false;
        for (Request request : batch) {
            try {
                Outcome outcome = decide(event, request.form(), questions, active, request.arrivedAt());
                results.add(outcome.answer());
                wroteAny |= outcome.wrote();
            } catch (RegistrationException refused) {
                results.add(refused);
            }
        }
        return new Decisions(results, wroteAny);
    }

    /**
     * The rule for one sign-up, under the event lock: closed windows take nothing; an unknown ticket
     * type or an invitation code that cannot be used takes nothing ({@link InvalidField}); an email
     * that is already active creates nothing, re-sends its mail (at most every {@link #RESEND_INTERVAL})
     * and is answered exactly what a new person would be told now, so answers never reveal who is
     * registered. Otherwise: a valid code takes a held seat of its type (or a public one), with no
     * approval; in approval mode the sign-up waits as APPLIED; else a seat of its type while one is
     * free, else the end of its type's waitlist, else sold out. A draw event before its draw takes an
     * application instead (APPLIED, no seat). Answers to the event's questions are checked first, like
     * every other field of the form.
     *
     * @param active the event's active registrations by normalized email; a new one is added
     */
    private Outcome decide(Event event, SignUp form, Questions questions, Map<String, Registration> active, Instant now) {
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
        String person = Registration.personKey(event, form.email);
        TicketType type = chosenType(event, form);
        InvitationCode code = null;
        if (form.code != null) {
            code = InvitationCode.find(event, form.code).orElseThrow(() -> refused(event, form, Refusal.UNKNOWN));
            Optional<Refusal> refusal = code.refusalFor(email, now);
            if (refusal.isPresent()) throw refused(event, form, refusal.get());
            if (code.ticketType != null) {
                if (type != null && !type.id.equals(code.ticketType.id)) throw refused(event, form, Refusal.OTHER_TYPE);
                type = code.ticketType;
            }
        }
        if (type == null && event.hasTypes()) {
            count("invalid");
            throw new InvalidField("ticketType", "required", form, event.slug);
        }
        Registration existing = active.get(person);
        if (existing != null) {
            count("duplicate");
            boolean resend = existing.resentAt == null || !now.isBefore(existing.resentAt.plus(RESEND_INTERVAL));
            if (resend) {
                existing.resentAt = now;
                resendEmail(existing, now);
            }
            return new Outcome(answerForNewcomer(event, type, code, form), resend);
        }
        if (code != null) {
            boolean held = takesHeldSeat(event, type);
            if (!held && !codeTakesPublicSeat(event, type)) throw refused(event, form, Refusal.NO_SEAT);
            Registration r = newRegistration(event, type, form, answers, now, active);
            if (held) type.heldUsed++;
            giveSeat(r, now, RegistrationMails.Kind.SEAT_HELD);
            code.usedAt = now;
            code.registration = r;
            count("code");
            return Outcome.written(new Answer(PENDING, 0));
        }
        if (event.takesApplications()) {
            apply(newRegistration(event, type, form, answers, now, active), now);
            count("applied");
            return Outcome.written(new Answer(APPLIED, 0));
        }
        if (!event.hasPublicSeat(type) && !event.waitlistEnabled && !event.isDraw()) {
            count("sold_out");
            throw new SoldOut(event.slug);
        }
        Registration r = newRegistration(event, type, form, answers, now, active);
        if (event.requiresApproval(type) && !event.isDraw()) {
            move(r, APPLIED);
            persistNew(r);
            mails.applied(r, AccessToken.issue(r, Purpose.MANAGE, now));
            count("applied");
            return Outcome.written(new Answer(APPLIED, 0));
        }
        if (event.hasPublicSeat(type)) {
            giveSeat(r, now, RegistrationMails.Kind.SEAT_HELD);
            count("pending");
            return Outcome.written(new Answer(PENDING, 0));
        }
        joinWaitlist(r, now);
        count("waitlisted");
        return Outcome.written(new Answer(WAITLISTED, event.waitlistedOf(type)));
    }

    private static Registration newRegistration(Event event, TicketType type, SignUp form, Answers.Checked answers,
                                                Instant now, Map<String, Registration> active) {
        Registration r = Registration.of(event, form, now);
        r.ticketType = type;
        r.answers = Answers.toJson(answers.values());
        active.put(r.emailNormalized, r);
        return r;
    }

    /** The ticket type the sign-up names (null when it names none); an unknown key takes nothing. */
    private TicketType chosenType(Event event, SignUp form) {
        if (form.ticketType == null) return null;
        Optional<TicketType> type = event.type(form.ticketType);
        if (type.isEmpty()) {
            count("invalid");
            throw new InvalidField("ticketType", "invalid_choice", form, event.slug);
        }
        return type.get();
    }

    private InvalidField refused(Event event, SignUp form, Refusal refusal) {
        count("code_refused");
        return new InvalidField("code", refusal.name(), form, event.slug);
    }

    /** Whether a code gets one of its type's held seats now (rather than a public one). */
    private static boolean takesHeldSeat(Event event, TicketType type) {
        return type != null && type.heldRemaining() > 0 && type.seatsTaken < type.capacity
                && event.seatsTaken < event.capacity;
    }

    /**
     * Whether a code without a held seat may take a public one: not in a draw event before its draw,
     * whose public seats only the draw gives.
     */
    private static boolean codeTakesPublicSeat(Event event, TicketType type) {
        return !event.takesApplications() && event.hasPublicSeat(type);
    }

    /**
     * What a new sign-up of this type (with this code) would get now: a seat, APPLIED, the next place
     * in its type's waitlist, or {@link SoldOut} / {@link InvalidField} as a newcomer would.
     */
    private static Answer answerForNewcomer(Event event, TicketType type, InvitationCode code, SignUp form) {
        if (code != null) {
            if (takesHeldSeat(event, type) || codeTakesPublicSeat(event, type)) return new Answer(PENDING, 0);
            throw new InvalidField("code", Refusal.NO_SEAT.name(), form, event.slug);
        }
        if (event.takesApplications()) return new Answer(APPLIED, 0);
        if (!event.hasPublicSeat(type) && !event.waitlistEnabled && !event.isDraw()) throw new SoldOut(event.slug);
        if (event.requiresApproval(type) && !event.isDraw()) return new Answer(APPLIED, 0);
        if (event.hasPublicSeat(type)) return new Answer(PENDING, 0);
        return new Answer(WAITLISTED, event.waitlistedOf(type) + 1L);
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
            release(r, EXPIRED, now, true);
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
        release(r, CANCELLED, now, true);
        metrics.counter("eventdesk.cancellations").increment();
        return r;
    }

    /**
     * Frees the seat of a CONFIRMED person who is not checked in, exactly as a cancel does (CANCELLED,
     * the first WAITLISTED person promoted in this same transaction), but without the cancellation mail:
     * the caller writes its own mail in the same transaction. For the attendance feature's automatic
     * release of people who did not answer "still coming?". Returns whether the seat was released.
     */
    @Transactional
    public boolean releaseSeat(long id, Instant now) {
        Registration r = lockAndReload(byId(id));
        if (r.status != CONFIRMED || r.checkedInAt != null) return false;
        release(r, CANCELLED, now, false);
        metrics.counter("eventdesk.cancellations").increment();
        return true;
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
            case CONFIRMED -> mails.ticket(r, AccessToken.issue(r, Purpose.CHECKIN, now), AccessToken.issue(r, Purpose.MANAGE, now));
            case CANCELLED -> {
                if (r.reference != null && r.drawRank == null) mails.withdrawn(r);
                else mails.cancelled(r);
            }
            case EXPIRED -> mails.expired(r);
            case DECLINED -> mails.declined(r);
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
        promote(locked, null, now);
    }

    /**
     * Sets an event's capacity and, when {@code types} is not null, its ticket types (matched by key:
     * new keys are added, missing ones removed, the others changed), under the event lock. Each
     * capacity keeps the rule: down to the seats taken, never below. A type that still has
     * registrations cannot be removed ({@link TypeInUse}); removing a type drops its unused codes.
     * Freed or raised seats go to the waitlists at once ({@link #promote}).
     */
    @Transactional
    public void changeSeats(Event event, int capacity, List<TicketType.Draft> types, Instant now) {
        Event locked = Event.getEntityManager().contains(event) ? event : Event.lock(event.id);
        if (!locked.allowsCapacity(capacity)) throw new CapacityBelowTaken(locked.seatsTaken);
        locked.capacity = capacity;
        if (types != null) {
            Map<String, TicketType> current = new HashMap<>();
            locked.ticketTypes.forEach(t -> current.put(t.key, t));
            List<TicketType> kept = new ArrayList<>();
            for (TicketType.Draft d : types) {
                TicketType t = current.remove(d.key());
                if (t == null) {
                    t = new TicketType();
                    t.event = locked;
                    t.key = d.key();
                } else if (!t.allowsCapacity(d.capacity())) {
                    throw new CapacityBelowTaken(t.seatsTaken);
                }
                t.name = d.name();
                t.nameKo = d.nameKo();
                t.capacity = d.capacity();
                t.held = d.held();
                t.approvalRequired = d.approvalRequired();
                t.sortOrder = kept.size();
                if (!t.isPersistent()) t.persist();
                kept.add(t);
            }
            for (TicketType gone : current.values()) {
                if (Registration.count("ticketType", gone) > 0) throw new TypeInUse(gone.key);
                InvitationCode.delete("ticketType", gone);
                gone.delete();
            }
            locked.ticketTypes.clear();
            locked.ticketTypes.addAll(kept);
        }
        // A deadline moved into the future holds the unused seats again.
        if (!locked.heldDueAt(now)) locked.ticketTypes.forEach(t -> t.heldReleasedAt = null);
        settle(locked, now);
        promote(locked, null, now);
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
        holds.forEach(r -> release(r, EXPIRED, now, true));
        return holds.size();
    }

    /** Releases held seats whose deadline ({@code heldUntil}) has come, to their types' waitlists. */
    @Scheduled(every = "${eventdesk.expiry-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "7s")
    void releaseHeldJob() {
        if (stopping) return;
        Instant now = Instant.now(clock);
        for (Long eventId : TicketType.eventsWithDueHeld(now)) {
            try {
                releaseHeld(eventId, now);
            } catch (RuntimeException e) {
                Log.errorf(e, "Releasing held seats of event %d failed; the next run retries", eventId);
            }
        }
    }

    /** Releases one event's held seats if their deadline has come by {@code now}; returns how many seats. */
    @Transactional
    public int releaseHeld(long eventId, Instant now) {
        return settle(Event.lock(eventId), now);
    }

    /**
     * Under the event lock: once the held seats' deadline has come, every type's unused held seats
     * are released (for good, unless the deadline moves again) and offered to that type's waitlist
     * first. Runs before every decision on the event's seats, so nobody who signs up after the
     * deadline gets ahead of people already waiting, even before the scheduled job has run.
     */
    private int settle(Event event, Instant now) {
        if (!event.heldDueAt(now)) return 0;
        List<TicketType> released = new ArrayList<>();
        int seats = 0;
        for (TicketType t : event.ticketTypes) {
            if (t.heldReleasedAt != null) continue;
            int held = t.heldRemaining();
            t.heldReleasedAt = now;
            if (held > 0) {
                seats += held;
                released.add(t);
            }
        }
        released.forEach(t -> promote(event, t, now));
        return seats;
    }

    /**
     * Approves an application: it takes a seat through the same rule as a sign-up of its type (a
     * free seat and nobody of the type waiting: PENDING with a hold and a confirm mail; else the end
     * of the type's waitlist, or {@link SoldOut} without a waitlist, which leaves it APPLIED).
     * Anything but APPLIED is refused ({@link NotApplied}), and so is any registration of a draw
     * event ({@link SeatsByDraw}): there the draw alone gives the seats.
     */
    @Transactional
    public Registration approve(long id, Instant now) {
        Registration r = lockAndReload(byId(id));
        settle(r.event, now);
        approveLocked(r, now);
        return r;
    }

    /**
     * Declines an application (APPLIED to DECLINED, final) and sends a kind note in the person's
     * language. A draw event's applications are refused ({@link SeatsByDraw}): the draw decides them.
     */
    @Transactional
    public Registration decline(long id, Instant now) {
        Registration r = lockAndReload(byId(id));
        declineLocked(r, now);
        return r;
    }

    /** What a batch of approvals or declines did. */
    public record Decided(int approved, int waitlisted, int declined, int skipped) {
    }

    /**
     * Approves or declines many applications of one event at once, under one lock, oldest first.
     * Ids of other events, or registrations that are no longer APPLIED, are skipped, as are
     * approvals that find the event sold out without a waitlist. A draw event refuses the whole
     * batch ({@link SeatsByDraw}).
     */
    @Transactional
    public Decided decideApplications(String slug, List<Long> ids, boolean approve, Instant now) {
        Event event = Event.lockBySlug(slug).orElseThrow(RegistrationException.UnknownEvent::new);
        if (event.isDraw()) throw new SeatsByDraw(event.slug);
        settle(event, now);
        int approved = 0, waitlisted = 0, declined = 0, skipped = 0;
        List<Registration> chosen = ids.isEmpty() ? List.of()
                : Registration.list("event = ?1 and id in ?2 order by createdAt, id", event, ids);
        skipped += ids.size() - chosen.size();
        for (Registration r : chosen) {
            try {
                if (approve) {
                    approveLocked(r, now);
                    if (r.status == WAITLISTED) waitlisted++;
                    else approved++;
                } else {
                    declineLocked(r, now);
                    declined++;
                }
            } catch (NotApplied | SoldOut | Closed notNow) {
                skipped++;
            }
        }
        return new Decided(approved, waitlisted, declined, skipped);
    }

    private void approveLocked(Registration r, Instant now) {
        if (r.event.isDraw()) throw new SeatsByDraw(r.event.slug);
        if (r.status != APPLIED) throw new NotApplied(r.status);
        Event event = r.event;
        if (event.status == EventStatus.cancelled) throw new Closed(Event.Closure.CANCELLED, event.slug);
        TicketType type = r.ticketType;
        if (event.hasPublicSeat(type) && event.waitlistedOf(type) == 0) {
            r.approvedAt = now;
            giveSeat(r, now, RegistrationMails.Kind.APPROVED);
        } else if (event.waitlistEnabled) {
            r.approvedAt = now;
            joinWaitlist(r, now);
        } else {
            throw new SoldOut(event.slug);
        }
        metrics.counter("eventdesk.approvals").increment();
    }

    private void declineLocked(Registration r, Instant now) {
        if (r.event.isDraw()) throw new SeatsByDraw(r.event.slug);
        if (r.status != APPLIED) throw new NotApplied(r.status);
        move(r, DECLINED);
        r.declinedAt = now;
        mails.declined(r);
    }

    /**
     * Makes invitation codes for an event (and one of its types), single use, optionally for one
     * email and with an expiry; returns them as people type them. Only their hashes are stored.
     */
    @Transactional
    public List<String> createCodes(long eventId, String typeKey, int count, String email, Instant expiresAt, Instant now) {
        Event event = Event.findById(eventId);
        TicketType type = typeKey == null ? null : event.type(typeKey).orElseThrow();
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) codes.add(InvitationCode.create(event, type, email, expiresAt, now));
        return codes;
    }

    /**
     * The one way to a seat: PENDING with a hold and a fresh confirm link, and the mail that says so
     * ({@code kind}); {@code seatedAt} keeps when the registration first got a seat. A drawn
     * applicant's hold lasts the draw's confirm window; any other lasts eventdesk.hold-duration.
     */
    private void giveSeat(Registration r, Instant now, RegistrationMails.Kind kind) {
        move(r, PENDING);
        if (r.seatedAt == null) r.seatedAt = now;
        r.holdExpiresAt = holdUntil(r.event, now,
                kind == RegistrationMails.Kind.DRAWN ? confirmWindow(r.event) : config.holdDuration());
        persistNew(r);
        mails.seatHeld(r, AccessToken.issue(r, Purpose.CONFIRM, now), AccessToken.issue(r, Purpose.MANAGE, now), kind);
    }

    /** The end of its type's waitlist: the next sequence number, and the mail with the position. */
    private void joinWaitlist(Registration r, Instant now) {
        move(r, WAITLISTED);
        r.waitlistSeq = ++r.event.waitlistSeq;
        persistNew(r);
        mails.waitlisted(r, r.event.waitlistedOf(r.ticketType), AccessToken.issue(r, Purpose.MANAGE, now), r.drawRank != null);
    }

    /**
     * A draw application: APPLIED (no seat), a public reference code unique in the event, and the mail
     * with the verify link, the reference and the draw's commitment.
     */
    private void apply(Registration r, Instant now) {
        move(r, APPLIED);
        String reference;
        do {
            reference = Draw.newReference();
        } while (Registration.referenceTaken(r.event, reference));
        r.reference = reference;
        persistNew(r);
        mails.drawApplied(r, AccessToken.issue(r, Purpose.VERIFY, now), AccessToken.issue(r, Purpose.MANAGE, now));
    }

    /**
     * Verifies the email of the application behind an emailed verify link (the POST). Checked under
     * the event lock: only an application of a draw that has not run, strictly before {@code drawAt},
     * can be verified (at drawAt verifications close with the applications, even before the draw job
     * has run); verifying twice changes nothing.
     */
    @Transactional
    public Registration verify(String verifyToken, Instant now) {
        Registration r = lockAndReload(AccessToken.resolve(verifyToken, Purpose.VERIFY).orElseThrow(InvalidLink::unknown));
        if (r.status == APPLIED && r.verifiedAt == null && r.event.applicationsOpenAt(now)) {
            r.verifiedAt = now;
            metrics.counter("eventdesk.verifications").increment();
        }
        return r;
    }

    /**
     * Runs a due draw once: under the event lock, and only while the event is not drawn,
     * so two schedulers or instances firing together draw once. Verified applications are ordered by
     * {@link Draw#order} (HMAC-SHA256 of the seed over the reference): walking that order, each gets a
     * seat of their ticket type held for the confirm window while the type (and the event) has a
     * public seat, else joins their type's waitlist, so later freed seats go on in draw order. Each
     * type is thus its own draw pool, ordered by the same HMAC (the order restricted to one type is
     * that type's own HMAC order). Unverified applications are not drawn and end EXPIRED.
     *
     * @return whether this call ran the draw (false when it was not due or had already run)
     */
    @Transactional
    public boolean draw(long eventId, Instant now) {
        Event event = Event.lock(eventId);
        if (event == null || !event.drawDueAt(now)) return false;
        settle(event, now);
        List<Registration> applications = Registration.applications(event);
        List<Registration> verified = applications.stream().filter(r -> r.verifiedAt != null).toList();
        int rank = 0;
        for (Registration r : Draw.order(event.drawSeed, verified, reg -> reg.reference)) {
            r.drawRank = ++rank;
            if (event.hasPublicSeat(r.ticketType)) giveSeat(r, now, RegistrationMails.Kind.DRAWN);
            else joinWaitlist(r, now);
        }
        for (Registration r : applications) {
            if (r.verifiedAt != null) continue;
            move(r, EXPIRED);
            r.expiredAt = now;
            AccessToken.revoke(r, Purpose.VERIFY);
        }
        event.drawnAt = now;
        metrics.counter("eventdesk.draws").increment();
        Log.infof("Drew %d of %d applications for %s (%d unverified)", verified.size(), applications.size(), event.slug,
                applications.size() - verified.size());
        return true;
    }

    /** Runs every due draw; the scheduler calls it, each event in its own transaction. */
    @Scheduled(every = "${eventdesk.draw-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s")
    void drawJob() {
        if (stopping) return;
        Instant now = Instant.now(clock);
        for (Long eventId : Event.drawsDue(now)) {
            try {
                draw(eventId, now);
            } catch (RuntimeException e) {
                Log.errorf(e, "The draw of event %d failed; the next run retries", eventId);
            }
        }
    }

    /**
     * The one way out (CANCELLED or EXPIRED): the confirm link dies, the person is mailed (unless the
     * caller mails them itself), and a freed seat goes to the waitlist at once.
     */
    private void release(Registration r, RegistrationStatus end, Instant now, boolean mail) {
        boolean freesSeat = r.status.holdsSeat();
        boolean application = r.status == APPLIED;
        move(r, end);
        r.holdExpiresAt = null;
        AccessToken.revoke(r, Purpose.CONFIRM);
        if (application) AccessToken.revoke(r, Purpose.VERIFY);
        if (end == CANCELLED) {
            r.cancelledAt = now;
            if (application) mails.withdrawn(r);
            else if (mail) mails.cancelled(r);
        } else {
            r.expiredAt = now;
            mails.expired(r);
            metrics.counter("eventdesk.expiries").increment();
        }
        if (freesSeat) promote(r.event, r.ticketType, now);
    }

    /**
     * Gives every free seat to the first WAITLISTED person, in order. Callers hold the event lock,
     * so two seats freed at once promote two different people, each exactly once. Once
     * registration has closed (or the event is cancelled) nobody is offered a seat any more.
     *
     * <p>With ticket types, a seat freed in type {@code freed} (a cancel, an expiry, released held
     * seats) goes first to that type's waitlist, as long as the type and the event's cap both have a
     * public seat. Seats left over in the event's cap (the capacity raised, or a type whose waitlist
     * is empty) go to whoever has waited longest among the types that still have a free seat of
     * their own, so the event's cap is never left unused while someone who fits is waiting.
     */
    private void promote(Event event, TicketType freed, Instant now) {
        if (!event.promotesAt(now)) return;
        if (!event.hasTypes()) {
            int free = event.seatsLeft();
            if (free == 0) return;
            for (Registration r : Registration.waitlist(event, free)) offerSeat(r, now);
            return;
        }
        if (freed != null) {
            while (freed.waitlisted > 0 && event.hasPublicSeat(freed)) {
                List<Registration> first = Registration.waitlist(freed, 1);
                if (first.isEmpty()) break;
                offerSeat(first.get(0), now);
            }
        }
        while (event.publicRoom() > 0) {
            Registration next = null;
            for (TicketType t : event.ticketTypes) {
                if (t.waitlisted == 0 || !event.hasPublicSeat(t)) continue;
                List<Registration> first = Registration.waitlist(t, 1);
                if (!first.isEmpty() && (next == null || first.get(0).waitlistSeq < next.waitlistSeq)) next = first.get(0);
            }
            if (next == null) return;
            offerSeat(next, now);
        }
    }

    private void offerSeat(Registration r, Instant now) {
        giveSeat(r, now, RegistrationMails.Kind.SEAT_OFFERED);
        metrics.counter("eventdesk.promotions").increment();
    }

    /**
     * Every status change goes through here, so the event's counters and its ticket type's always
     * equal their registrations.
     */
    private static void move(Registration r, RegistrationStatus next) {
        Event e = r.event;
        TicketType t = r.ticketType;
        if (r.status != null && r.status.holdsSeat()) {
            e.seatsTaken--;
            if (t != null) t.seatsTaken--;
        }
        if (r.status == WAITLISTED) {
            e.waitlisted--;
            if (t != null) t.waitlisted--;
        }
        if (r.status == APPLIED) e.applied--;
        if (next == APPLIED) e.applied++;
        if (next.holdsSeat()) {
            e.seatsTaken++;
            if (t != null) t.seatsTaken++;
        }
        if (next == WAITLISTED) {
            e.waitlisted++;
            if (t != null) t.waitlisted++;
        }
        r.setStatus(next);
    }

    /** A new registration is written once its status is set (one INSERT, no UPDATE after it). */
    private static void persistNew(Registration r) {
        if (!r.isPersistent()) r.persist();
    }

    /** A hold lasts its duration, but never past the start of the event. */
    private static Instant holdUntil(Event event, Instant now, Duration duration) {
        Instant hold = now.plus(duration);
        return hold.isAfter(event.startsAt) ? event.startsAt : hold;
    }

    /** How long drawn applicants have to confirm: the event's own window, else eventdesk.draw.confirm-window. */
    Duration confirmWindow(Event event) {
        return event.confirmWindow(config.draw().confirmWindow());
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
