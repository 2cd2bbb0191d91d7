package eventdesk.event;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One kind of ticket of an event ("Founder", "Developer") with seats of its own inside the event's
 * capacity, its own first-come, first-served waitlist, and seats held back for invitation codes.
 *
 * <p>Seat arithmetic: a type has {@link #capacity} seats, of which {@link #heldRemaining()} are kept
 * for codes; public sign-ups see the rest ({@link #publicFree()}). The event's capacity stays the
 * overall cap: {@link Event#seatsLeft(TicketType)} counts both. {@link #seatsTaken},
 * {@link #waitlisted} and {@link #heldUsed} are counters kept by the registration seat path under the
 * event's row lock, in the same transaction as the registrations they count; everybody else only
 * reads them.
 */
@Entity
public class TicketType extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    /** The type's id in the API and the form ({@code founder}); unique within the event. */
    @Column(name = "type_key")
    public String key;
    public String name;
    @Column(name = "name_ko")
    public String nameKo;
    public int capacity;
    /** Seats of this type kept for invitation codes (the organizer's number). */
    public int held;
    /** Codes that took one of the held seats. */
    public int heldUsed;
    /** When the unused held seats were released to the waitlist; none are held after that. */
    public Instant heldReleasedAt;
    /** Sign-ups of this type wait as APPLIED for an organizer (also when the event itself does not ask). */
    public boolean approvalRequired;
    public int sortOrder;
    /** PENDING + CONFIRMED registrations of this type. */
    public int seatsTaken;
    /** WAITLISTED registrations of this type. */
    public int waitlisted;

    /** The shape of a type as an organizer sets it; the seat path applies it under the event lock. */
    public record Draft(String key, String name, String nameKo, int capacity, int held, boolean approvalRequired) {
    }

    /** Events whose held seats' deadline has come while some type still holds them (or was never released). */
    public static List<Long> eventsWithDueHeld(Instant now) {
        return find("select distinct t.event.id from TicketType t where t.heldReleasedAt is null and t.event.heldUntil <= ?1",
                now).project(Long.class).list();
    }

    /** Held seats not yet taken by a code and not released. */
    public int heldRemaining() {
        return heldReleasedAt != null ? 0 : Math.max(0, held - heldUsed);
    }

    /** Seats of this type a sign-up without a code may take (the event's cap aside). */
    public int publicFree() {
        return Math.max(0, capacity - seatsTaken - heldRemaining());
    }

    /** The capacity rule of the event, per type: down to the seats already taken, never below. */
    public boolean allowsCapacity(int newCapacity) {
        return newCapacity >= seatsTaken;
    }

    public String name(Locale locale) {
        String first = "ko".equals(locale.getLanguage()) ? nameKo : name;
        return first == null || first.isBlank() ? ("ko".equals(locale.getLanguage()) ? name : nameKo) : first;
    }
}
