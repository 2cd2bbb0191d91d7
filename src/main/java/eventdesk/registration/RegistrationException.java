package eventdesk.registration;

import eventdesk.event.Event;

/**
 * Every way a sign-up, an emailed link or an organizer's action on a registration can be refused.
 * One sealed family: {@link RegistrationFailures} turns each into a page in the visitor's language or
 * a problem+json answer under /api, never a stack trace. Services return values or throw one of these;
 * they never return null.
 */
public abstract sealed class RegistrationException extends RuntimeException {

    RegistrationException(String message) {
        super(message, null, false, false);
    }

    /** Outside the registration window, or the event is cancelled. */
    public static final class Closed extends RegistrationException {
        public final Event.Closure closure;
        public final String eventSlug;

        public Closed(Event.Closure closure, String eventSlug) {
            super("registration closed: " + closure);
            this.closure = closure;
            this.eventSlug = eventSlug;
        }
    }

    /** Every seat is taken and the event has no waitlist. */
    public static final class SoldOut extends RegistrationException {
        public final String eventSlug;

        public SoldOut(String eventSlug) {
            super("sold out");
            this.eventSlug = eventSlug;
        }
    }

    /**
     * Answers to the event's custom questions are missing or invalid ({@link Answers#check}): field
     * ({@code answers.<key>}) to error code. Carries the sign-up so the form re-renders with what was typed.
     */
    public static final class InvalidAnswers extends RegistrationException {
        public final String eventSlug;
        public final SignUp form;
        public final java.util.Map<String, String> errors;

        public InvalidAnswers(String eventSlug, SignUp form, java.util.Map<String, String> errors) {
            super("invalid answers: " + errors);
            this.eventSlug = eventSlug;
            this.form = form;
            this.errors = errors;
        }
    }

    /** The slug names no public event. */
    public static final class UnknownEvent extends RegistrationException {
        public UnknownEvent() {
            super("unknown event");
        }
    }

    /** An emailed link whose token is unknown, used up, or whose hold has expired ({@code eventSlug} then names the event). */
    public static final class InvalidLink extends RegistrationException {
        public final boolean expired;
        public final String eventSlug;

        private InvalidLink(boolean expired, String eventSlug) {
            super(expired ? "hold expired" : "invalid link");
            this.expired = expired;
            this.eventSlug = eventSlug;
        }

        public static InvalidLink unknown() {
            return new InvalidLink(false, null);
        }

        public static InvalidLink expired(String eventSlug) {
            return new InvalidLink(true, eventSlug);
        }
    }

    /** An organizer named a registration id that does not exist. */
    public static final class UnknownRegistration extends RegistrationException {
        public UnknownRegistration() {
            super("unknown registration");
        }
    }

    /** A capacity below the seats already taken: nobody is ever cancelled to make room. */
    public static final class CapacityBelowTaken extends RegistrationException {
        public final long taken;

        public CapacityBelowTaken(long taken) {
            super("capacity below seats taken: " + taken);
            this.taken = taken;
        }
    }

    /**
     * A sign-up's ticket type or invitation code that the event cannot take: {@code field} is
     * {@code ticketType} or {@code code}, {@code problem} says why ({@code required},
     * {@code invalid_choice}, or an {@link InvitationCode.Refusal}). Nothing was taken; the form shows
     * the message next to the field, the API a 400 field error. {@code form} is what was typed.
     */
    public static final class InvalidField extends RegistrationException {
        public final String field;
        public final String problem;
        public final transient SignUp form;
        public final String eventSlug;

        public InvalidField(String field, String problem, SignUp form, String eventSlug) {
            super("invalid " + field + ": " + problem);
            this.field = field;
            this.problem = problem;
            this.form = form;
            this.eventSlug = eventSlug;
        }
    }

    /** Approve or decline on a registration that is not an application awaiting the organizer. */
    public static final class NotApplied extends RegistrationException {
        public final RegistrationStatus status;

        public NotApplied(RegistrationStatus status) {
            super("not an application: " + status);
            this.status = status;
        }
    }

    /**
     * Approve or decline on an application of a draw event: its seats are given by the draw alone
     * (and by invitation codes for held seats), never by the organizer's hand.
     */
    public static final class SeatsByDraw extends RegistrationException {
        public final String eventSlug;

        public SeatsByDraw(String eventSlug) {
            super("seats given by the draw: " + eventSlug);
            this.eventSlug = eventSlug;
        }
    }

    /** A ticket type that still has registrations cannot be removed. */
    public static final class TypeInUse extends RegistrationException {
        public final String key;

        public TypeInUse(String key) {
            super("ticket type in use: " + key);
            this.key = key;
        }
    }
}
