package eventdesk.registration;

import eventdesk.event.Draw;
import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.registration.AccessToken.Purpose;
import eventdesk.registration.Availability.Request;
import eventdesk.registration.Availability.Status;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Secrets;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static eventdesk.registration.RegistrationStatus.APPLIED;
import static eventdesk.registration.RegistrationStatus.CANCELLED;
import static eventdesk.registration.RegistrationStatus.CONFIRMED;
import static eventdesk.registration.RegistrationStatus.DECLINED;
import static eventdesk.registration.RegistrationStatus.EXPIRED;
import static eventdesk.registration.RegistrationStatus.PENDING;
import static eventdesk.registration.RegistrationStatus.WAITLISTED;

/**
 * The seat path: every status change of a registration goes through here, and nothing else writes the
 * seat counters ({@code seatsTaken}, {@code waitlisted}, {@code applied} and {@code waitlistSeq} of the
 * event, {@code seatsTaken}, {@code waitlisted}, {@code heldUsed} and {@code heldReleasedAt} of its
 * ticket types). Each change moves the counters with the status ({@link #move}), so they always equal
 * the registrations: PENDING + CONFIRMED never exceed a type's or the event's capacity, and every
 * waitlist stays strictly first come, first served, without gaps.
 *
 * <p>Callers own the use case: they lock the event row ({@link Event#lock}, {@link Registration#lock})
 * and ask {@link Availability} in their transaction; this class runs inside it and never commits. A seat
 * is given only on an {@link Availability} answer that offers one. Mails go to the outbox in the same
 * transaction, so a committed change always mails.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SeatPath {

    @Inject
    EventdeskConfig config;
    @Inject
    RegistrationMails mails;
    @Inject
    MeterRegistry metrics;

    /**
     * The one way to a seat: PENDING with a hold and a fresh confirm link, and the mail that says so
     * ({@code kind}); a {@link Status#HELD_SEAT} uses up one of the type's held seats. {@code seatedAt}
     * keeps when the registration first got a seat. A drawn applicant's hold lasts the draw's confirm
     * window (the event's own, else eventdesk.draw.confirm-window); any other lasts eventdesk.hold-duration.
     * A hold never lasts past the start of the event.
     */
    /** Until when a seat given now holds (eventdesk.hold-duration, never past the start of the event). */
    Instant holdUntil(Event event, Instant now) {
        return holdUntil(event, config.holdDuration(), now);
    }

    private static Instant holdUntil(Event event, Duration hold, Instant now) {
        Instant until = now.plus(hold);
        return until.isAfter(event.startsAt) ? event.startsAt : until;
    }

    void give(Registration r, Availability seat, RegistrationMails.Kind kind, Instant now) {
        take(r, seat, PENDING, now);
        r.holdExpiresAt = kind == RegistrationMails.Kind.DRAWN
                ? holdUntil(r.event, r.event.confirmWindow(config.draw().confirmWindow()), now) : holdUntil(r.event, now);
        persistNew(r);
        mails.seatHeld(r, AccessToken.issue(r, Purpose.CONFIRM, now), AccessToken.issue(r, Purpose.MANAGE, now), kind);
    }

    /**
     * A new registration the organizer adds as attending: the seat {@link Availability} offered, taken
     * straight as CONFIRMED (no hold, no confirm link: the organizer's word stands for the person's
     * confirmation), and the ticket mailed as a confirmation mails it.
     */
    void giveConfirmed(Registration r, Availability seat, Instant now) {
        take(r, seat, CONFIRMED, now);
        r.confirmedAt = now;
        persistNew(r);
        ticket(r, now, Secrets.newSecret());
    }

    /**
     * For a preview on a detached copy of the event: moves the copy's counters as {@link #giveConfirmed} (or
     * {@link #give}) would for {@code r}, which is never saved, and mails nothing.
     */
    static void pretend(Registration r, Availability seat, boolean confirmed, Instant now) {
        if (r.event.isPersistent()) throw new IllegalStateException("a preview moves only a detached copy's counters");
        take(r, seat, confirmed ? CONFIRMED : PENDING, now);
    }

    /** Takes the offered seat for {@code r} in status {@code seated}, a held one using up one of its type's held seats. */
    private static void take(Registration r, Availability seat, RegistrationStatus seated, Instant now) {
        if (!seat.status().givesSeat()) throw new IllegalStateException("no seat to give: " + seat);
        if (seat.status() == Status.HELD_SEAT) r.ticketType.heldUsed++;
        move(r, seated);
        if (r.seatedAt == null) r.seatedAt = now;
    }

    /** The end of its type's waitlist: the next sequence number, and the mail with the position. */
    void joinWaitlist(Registration r, Instant now) {
        move(r, WAITLISTED);
        r.waitlistSeq = ++r.event.waitlistSeq;
        persistNew(r);
        mails.waitlisted(r, r.event.waitlistedOf(r.ticketType), AccessToken.issue(r, Purpose.MANAGE, now), r.drawRank != null);
    }

    /** A sign-up that waits for the organizer: APPLIED (no seat), and the mail with the manage link. */
    void awaitApproval(Registration r, Instant now) {
        move(r, APPLIED);
        persistNew(r);
        mails.applied(r, AccessToken.issue(r, Purpose.MANAGE, now));
    }

    /**
     * A draw application: APPLIED (no seat), a public reference code unique in the event, and the mail
     * with the verify link, the reference and the draw's commitment.
     */
    void enterDraw(Registration r, Instant now) {
        move(r, APPLIED);
        String reference;
        do {
            reference = Draw.newReference();
        } while (Registration.referenceTaken(r.event, reference));
        r.reference = reference;
        persistNew(r);
        mails.drawApplied(r, AccessToken.issue(r, Purpose.VERIFY, now), AccessToken.issue(r, Purpose.MANAGE, now));
    }

    /** A PENDING hold becomes CONFIRMED (the same seat, counted once) and the ticket is mailed. */
    void confirm(Registration r, Instant now) {
        confirm(r, now, Secrets.newSecret());
    }

    /** {@link #confirm(Registration, Instant)} with the ticket's manage link secret chosen by the caller. */
    void confirm(Registration r, Instant now, String manageSecret) {
        move(r, CONFIRMED);
        r.confirmedAt = now;
        r.holdExpiresAt = null;
        ticket(r, now, manageSecret);
    }

    /** The ticket mail: a manage link with this secret, and the check-in code derived from it. */
    private void ticket(Registration r, Instant now, String manageSecret) {
        String manage = AccessToken.issue(r, Purpose.MANAGE, manageSecret, now);
        mails.ticket(r, AccessToken.checkInCode(manage), manage);
    }

    /** An application is declined for good (DECLINED) and the person gets a kind note. */
    void decline(Registration r, Instant now) {
        move(r, DECLINED);
        r.declinedAt = now;
        mails.declined(r);
    }

    /** A draw application never verified is not drawn: EXPIRED, and its verify link dies. */
    void leaveUndrawn(Registration r, Instant now) {
        move(r, EXPIRED);
        r.expiredAt = now;
        AccessToken.revoke(r, Purpose.VERIFY);
    }

    /**
     * The one way out (CANCELLED or EXPIRED): the confirm link dies, the person is mailed (unless the
     * caller mails them itself), and a freed seat goes to the waitlist at once ({@link #promote}).
     */
    void release(Registration r, RegistrationStatus end, Instant now, boolean mail) {
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
     * Gives every free seat to the first WAITLISTED person, in order, for as long as
     * {@link Availability} offers the head of a waitlist a seat ({@link Request#PROMOTION}: not once
     * registration has closed or the event is cancelled). Callers hold the event lock, so two seats
     * freed at once promote two different people, each exactly once.
     *
     * <p>With ticket types, a seat freed in type {@code freed} (a cancel, an expiry, released held
     * seats) goes first to that type's waitlist. Seats left over in the event's cap (the capacity
     * raised, or a type whose waitlist is empty) go to whoever has waited longest among the types that
     * still have a free seat of their own, so the event's cap is never left unused while someone who
     * fits is waiting.
     */
    void promote(Event event, TicketType freed, Instant now) {
        if (!event.hasTypes()) {
            Availability seats = Availability.of(event, null, Request.PROMOTION, now);
            if (seats.status() != Status.SEAT) return;
            for (Registration r : Registration.waitlist(event, seats.available())) offerSeat(r, seats, now);
            return;
        }
        if (freed != null) {
            for (Optional<Offer> next = headOf(event, freed, now); next.isPresent(); next = headOf(event, freed, now)) {
                offerSeat(next.get().registration(), next.get().seat(), now);
            }
        }
        for (Optional<Offer> next = longestWaiting(event, now); next.isPresent(); next = longestWaiting(event, now)) {
            offerSeat(next.get().registration(), next.get().seat(), now);
        }
    }

    /** The first of a type's waitlist and the seat it may take now. */
    private record Offer(Registration registration, Availability seat) {
    }

    /** The first WAITLISTED person of the type, when the type has a seat for them now. */
    private static Optional<Offer> headOf(Event event, TicketType type, Instant now) {
        if (type.waitlisted == 0) return Optional.empty();
        Availability seat = Availability.of(event, type, Request.PROMOTION, now);
        if (seat.status() != Status.SEAT) return Optional.empty();
        return Registration.waitlist(type, 1).stream().findFirst().map(r -> new Offer(r, seat));
    }

    /** Among the types that have a seat for the first of their waitlist now, the one who has waited longest. */
    private static Optional<Offer> longestWaiting(Event event, Instant now) {
        Optional<Offer> longest = Optional.empty();
        for (TicketType t : event.ticketTypes) {
            Optional<Offer> head = headOf(event, t, now);
            if (head.isPresent() && (longest.isEmpty()
                    || head.get().registration().waitlistSeq < longest.get().registration().waitlistSeq)) {
                longest = head;
            }
        }
        return longest;
    }

    private void offerSeat(Registration r, Availability seat, Instant now) {
        give(r, seat, RegistrationMails.Kind.SEAT_OFFERED, now);
        metrics.counter("eventdesk.promotions").increment();
    }

    /**
     * Once the held seats' deadline has come, every type's unused held seats are released (for good,
     * unless the deadline moves again) and offered to that type's waitlist first. Runs before every
     * decision on the event's seats, so nobody who signs up after the deadline gets ahead of people
     * already waiting, even before the scheduled job has run. Returns how many seats it released.
     */
    int settle(Event event, Instant now) {
        if (!event.heldDueAt(now)) return 0;
        List<TicketType> released = new ArrayList<>();
        int seats = 0;
        for (TicketType t : event.ticketTypes) {
            if (t.heldReleasedAt != null) continue;
            int held = t.heldRemaining();
            t.heldReleasedAt = now;
            event.touch();
            if (held > 0) {
                seats += held;
                released.add(t);
            }
        }
        released.forEach(t -> promote(event, t, now));
        return seats;
    }

    /** Seats released at the held seats' deadline are held again once the deadline has moved into the future. */
    void restoreHeld(Event event, Instant now) {
        if (!event.heldDueAt(now)) event.ticketTypes.forEach(t -> t.heldReleasedAt = null);
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
}
