package eventdesk.registration;

import eventdesk.event.Event;

/** A sign-up or link that cannot proceed; pages and the API turn each into a message, not a trace. */
public abstract class RegistrationException extends RuntimeException {

    RegistrationException(String message) {
        super(message, null, false, false);
    }

    /** Outside the registration window, or the event is cancelled. */
    public static final class Closed extends RegistrationException {
        public final Event.Closure closure;

        public Closed(Event.Closure closure) {
            super("registration closed: " + closure);
            this.closure = closure;
        }
    }

    /** Every seat is taken and the event has no waitlist. */
    public static final class SoldOut extends RegistrationException {
        public SoldOut() {
            super("sold out");
        }
    }

    /** The slug names no public event. */
    public static final class UnknownEvent extends RegistrationException {
        public UnknownEvent() {
            super("unknown event");
        }
    }
}
