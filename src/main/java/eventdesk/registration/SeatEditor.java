package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.registration.RegistrationException.CapacityBelowTaken;
import eventdesk.registration.RegistrationException.TypeInUse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An organizer's change to an event's seats: its capacity and its ticket types (with their held seats).
 * Under the event lock, a capacity may drop to the seats already taken but never below, so nobody is
 * cancelled; seats freed or added go to the waitlists at once.
 */
@ApplicationScoped
public class SeatEditor {

    @Inject
    SeatPath seats;

    /**
     * Sets an event's capacity and, when {@code types} is not null, its ticket types (matched by key:
     * new keys are added, missing ones removed, the others changed), under the event lock (the caller's,
     * or taken here for a detached event). Each capacity keeps the rule: down to the seats taken, never
     * below ({@link CapacityBelowTaken}). A type that still has registrations cannot be removed
     * ({@link TypeInUse}); removing a type drops its unused codes. A held seats' deadline moved into the
     * future holds the unused seats again. Freed or raised seats go to the waitlists at once.
     */
    @Transactional
    public void changeSeats(Event event, int capacity, List<TicketType.Draft> types, Instant now) {
        Event locked = Event.getEntityManager().contains(event) ? event : Event.lock(event.id);
        if (!locked.allowsCapacity(capacity)) throw new CapacityBelowTaken(locked.seatsTaken);
        locked.capacity = capacity;
        if (types != null) replaceTypes(locked, types);
        seats.restoreHeld(locked, now);
        seats.settle(locked, now);
        seats.promote(locked, null, now);
    }

    private static void replaceTypes(Event locked, List<TicketType.Draft> types) {
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
}
