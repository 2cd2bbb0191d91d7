package eventdesk.team;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role an organizer route needs, declared on the route's method (or on its class, for all its methods),
 * and where the route's event comes from when the role is scoped to events. Every route under
 * {@code /admin} and {@code /api/admin} carries this or {@link BeforeSignIn}; one request filter enforces it
 * before the route runs, so a refused request changes nothing (403 page or problem+json). A route that
 * declares neither is refused to everybody, and the role matrix test fails on it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Needs {

    Role value();

    /** Where the event the route acts on comes from. */
    EventFrom event() default EventFrom.SLUG;

    enum EventFrom {
        /** The path parameter {@code slug}; a route without one belongs to no single event and the role alone decides. */
        SLUG,
        /** The path parameter {@code id}, a registration: its event. */
        REGISTRATION,
        /** A new event: only who may act on every event (an OWNER, or a role given all events). */
        NEW,
        /**
         * No single event: the route belongs to none (the caller's own account, the team) or shows several and
         * keeps to the caller's events itself ({@link Access#may} with each one), like the check-in screen.
         */
        NONE
    }
}
