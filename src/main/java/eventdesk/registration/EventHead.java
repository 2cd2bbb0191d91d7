package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.web.Lang;

/**
 * An event as an organizer page heads it: title, when, seats and the live counts of its registrations
 * (of one ticket type, with that type's seats, when the page shows only that type).
 */
public record EventHead(String slug, String title, String when, long capacity, Registration.Counts counts) {

    public static EventHead of(Event e, Lang lang) {
        return of(e, e.capacity, Registration.counts(e), lang);
    }

    public static EventHead of(Event e, TicketType type, Lang lang) {
        return of(e, type.capacity, Registration.counts(type), lang);
    }

    /** With counts already read, e.g. for many events at once ({@link Registration#countsByEvent}). */
    public static EventHead of(Event e, long capacity, Registration.Counts counts, Lang lang) {
        return new EventHead(e.slug, e.title(lang.locale()), lang.range(e.startsAt, e.endsAt), capacity, counts);
    }
}
