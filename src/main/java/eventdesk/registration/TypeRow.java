package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.TicketType;

import java.util.List;
import java.util.Locale;

/** A ticket type's seats as the organizer sees them, read from its counters. */
public record TypeRow(String key, String name, long capacity, long taken, long heldRemaining, long held,
                      long waitlisted, boolean approvalRequired) {

    public static TypeRow of(TicketType t, Locale locale) {
        return new TypeRow(t.key, t.name(locale), t.capacity, t.seatsTaken, t.heldRemaining(), t.held, t.waitlisted,
                t.approvalRequired);
    }

    /** The event's ticket types in the order its form shows them. */
    public static List<TypeRow> of(Event e, Locale locale) {
        return e.ticketTypes.stream().map(t -> of(t, locale)).toList();
    }
}
