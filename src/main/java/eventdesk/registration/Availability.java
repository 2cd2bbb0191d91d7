package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.EventStatus;
import eventdesk.event.TicketType;

import java.time.Instant;

/**
 * The one answer to "may this request take a seat of this type now, and which": a {@link Status} and
 * how many such seats are available. Every path that seats someone asks it under the event's lock
 * (sign-up, invitation code, approval, draw, promotion from the waitlist, confirm, a guest the organizer
 * adds) and acts on the answer; nobody derives it again. The seat path only gives a seat that an answer offered.
 *
 * <p>The rule. A public seat of a type is one free in the type and in the event's capacity (the
 * overall cap) that is not held for invitation codes ({@link Event#seatsLeft(TicketType)}); an
 * event without types is one implicit type (type {@code null}). Then, by who asks:
 * <ul>
 * <li>{@link Request#SIGN_UP} (no code): a draw event before its draw takes an {@link Status#APPLICATION}.
 *     Otherwise, without a public seat, a waitlist or a draw: {@link Status#SOLD_OUT}. When the event or
 *     the type asks for approval (never in a draw event): {@link Status#APPROVAL}. Else a public
 *     {@link Status#SEAT} while one is free, else the end of the type's {@link Status#WAITLIST}.</li>
 * <li>{@link Request#CODE}: one of the type's {@link Status#HELD_SEAT}s while one is left and the type and
 *     the cap have room; else a public {@link Status#SEAT} (not in a draw event before its draw, whose
 *     public seats only the draw gives); else {@link Status#SOLD_OUT}. A code never waits for approval.</li>
 * <li>{@link Request#APPROVAL}: a public {@link Status#SEAT} when one is free and nobody of the type is
 *     waiting (approval never jumps the queue); else the {@link Status#WAITLIST} if the event has one; else
 *     {@link Status#SOLD_OUT}. A cancelled event is {@link Status#CLOSED}.</li>
 * <li>{@link Request#DRAWN}: a public {@link Status#SEAT} while one is free, else the {@link Status#WAITLIST}
 *     (the draw's reserve list, in draw order).</li>
 * <li>{@link Request#PROMOTION} (the head of a waitlist): a public {@link Status#SEAT} while one is free,
 *     else it keeps its {@link Status#WAITLIST} place. Once the event promotes no more (registration
 *     closed, or not published) it is {@link Status#CLOSED}.</li>
 * <li>{@link Request#CONFIRM} (a PENDING registration): the seat it holds is its own
 *     ({@link Status#OWN_SEAT}, counted once); in a cancelled event {@link Status#CLOSED}.</li>
 * <li>{@link Request#GUEST} (a person the organizer adds by hand): a public {@link Status#SEAT} while one is
 *     free, whatever the registration window says (a walk-in on the day); never a seat held for codes, never
 *     the waitlist or an application: else {@link Status#SOLD_OUT}, as in a draw event before its draw, whose
 *     public seats only the draw gives. A cancelled event is {@link Status#CLOSED}.</li>
 * </ul>
 *
 * @param available how many seats of the offered kind are free now: public seats for {@link Status#SEAT},
 *                  seats held for codes for {@link Status#HELD_SEAT}, 1 for {@link Status#OWN_SEAT}; 0 otherwise
 */
public record Availability(Status status, int available) {

    /** Who asks for a seat. */
    public enum Request { SIGN_UP, CODE, APPROVAL, DRAWN, PROMOTION, CONFIRM, GUEST }

    /** What the request gets now. */
    public enum Status {
        /** A public seat: PENDING with a hold. */
        SEAT,
        /** One of the type's seats held for invitation codes: PENDING with a hold. */
        HELD_SEAT,
        /** The seat the registration already holds. */
        OWN_SEAT,
        /** No seat now: the end of the type's waitlist. */
        WAITLIST,
        /** No seat yet: an application to the draw (APPLIED). */
        APPLICATION,
        /** No seat yet: the sign-up waits for the organizer's approval (APPLIED). */
        APPROVAL,
        /** No seat and nowhere to wait. */
        SOLD_OUT,
        /** The event gives no seat now. */
        CLOSED;

        /** Whether this answer is a seat the seat path may give. */
        public boolean givesSeat() {
            return this == SEAT || this == HELD_SEAT;
        }
    }

    private static final Availability WAITLIST = new Availability(Status.WAITLIST, 0);
    private static final Availability APPLICATION = new Availability(Status.APPLICATION, 0);
    private static final Availability APPROVAL = new Availability(Status.APPROVAL, 0);
    private static final Availability SOLD_OUT = new Availability(Status.SOLD_OUT, 0);
    private static final Availability CLOSED = new Availability(Status.CLOSED, 0);

    /**
     * What {@code request} may take of {@code type} ({@code null} in an event without types) at {@code now}.
     * Ask under the event's lock, after held seats due by {@code now} were released, and act in the same
     * transaction: the answer is only true while the counters it read stay as they are.
     */
    public static Availability of(Event event, TicketType type, Request request, Instant now) {
        int free = event.seatsLeft(type);
        return switch (request) {
            case SIGN_UP -> {
                if (event.takesApplications()) yield APPLICATION;
                if (free == 0 && !event.waitlistEnabled && !event.isDraw()) yield SOLD_OUT;
                if (event.requiresApproval(type) && !event.isDraw()) yield APPROVAL;
                yield free > 0 ? seats(free) : WAITLIST;
            }
            case CODE -> {
                int held = heldLeft(event, type);
                if (held > 0) yield new Availability(Status.HELD_SEAT, held);
                yield free > 0 && !event.takesApplications() ? seats(free) : SOLD_OUT;
            }
            case APPROVAL -> {
                if (event.status == EventStatus.cancelled) yield CLOSED;
                if (free > 0 && event.waitlistedOf(type) == 0) yield seats(free);
                yield event.waitlistEnabled ? WAITLIST : SOLD_OUT;
            }
            case DRAWN -> free > 0 ? seats(free) : WAITLIST;
            case PROMOTION -> !event.promotesAt(now) ? CLOSED : free > 0 ? seats(free) : WAITLIST;
            case CONFIRM -> event.status == EventStatus.cancelled ? CLOSED : new Availability(Status.OWN_SEAT, 1);
            case GUEST -> event.status == EventStatus.cancelled ? CLOSED
                    : free > 0 && !event.takesApplications() ? seats(free) : SOLD_OUT;
        };
    }

    private static Availability seats(int free) {
        return new Availability(Status.SEAT, free);
    }

    /** Seats of the type held for codes that a code can take now: unused, and room in the type and the cap. */
    private static int heldLeft(Event event, TicketType type) {
        if (type == null) return 0;
        return Math.max(0, Math.min(type.heldRemaining(),
                Math.min(type.capacity - type.seatsTaken, event.capacity - event.seatsTaken)));
    }
}
