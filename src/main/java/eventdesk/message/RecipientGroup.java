package eventdesk.message;

import eventdesk.event.Event;
import eventdesk.registration.RegistrationStatus;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who a message goes to: registrations of one event with one of these statuses, optionally narrowed
 * by check-in. {@link MessageService} reads the recipients and the preview's count through one
 * condition ({@link #where}), so the count shown is the count sent.
 *
 * <p>Ticket-type groups (once ticket types are merged): one constant per kind of narrowing is
 * enough, e.g. {@code TICKET_TYPE(ACTIVE_STATUSES, null)} with the type's key as a parameter
 * added in {@link #where} ({@code and r.ticketType.key = :ticketType}); the form lists a
 * "ticket type: …" option per type of the event.
 */
public enum RecipientGroup {
    /** Everyone who holds a seat or waits for one. */
    ACTIVE(EnumSet.of(RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED), null),
    PENDING(EnumSet.of(RegistrationStatus.PENDING), null),
    CONFIRMED(EnumSet.of(RegistrationStatus.CONFIRMED), null),
    WAITLISTED(EnumSet.of(RegistrationStatus.WAITLISTED), null),
    /**
     * Applicants whose registration waits for the organizer's approval (APPLIED): offered while the event
     * asks for approval (or still has applications waiting), never for a draw event, whose applicants wait
     * for the draw instead.
     */
    APPLIED(EnumSet.of(RegistrationStatus.APPLIED), null),
    /** Checked in at the door (they were CONFIRMED then), whatever happened after. */
    CHECKED_IN(EnumSet.allOf(RegistrationStatus.class), true),
    /** CONFIRMED and never checked in: offered once the event has started. */
    NOT_CHECKED_IN(EnumSet.of(RegistrationStatus.CONFIRMED), false),
    /**
     * The people the organizer ticked on the attendee table (or all matching its filters), by registration id
     * (parameter {@code :ids}), whatever their status: never in the form's list of groups, only reached from there.
     */
    SELECTED(EnumSet.allOf(RegistrationStatus.class), null);

    /** How many people one message to selected people may name. */
    public static final int MAX_SELECTED = 5_000;

    final Set<RegistrationStatus> statuses;
    /** true: checked in; false: not checked in; null: either. */
    final Boolean checkedIn;

    RecipientGroup(Set<RegistrationStatus> statuses, Boolean checkedIn) {
        this.statuses = statuses;
        this.checkedIn = checkedIn;
    }

    /**
     * The HQL condition on {@code r} (a Registration) with parameters {@code :event} and {@code :statuses}
     * (and {@code :ids} for {@link #SELECTED}).
     * Erased registrations have no address to write to: they are in no group.
     */
    String where() {
        String base = "r.event = :event and r.status in :statuses and r.erasedAt is null";
        if (this == SELECTED) return base + " and r.id in :ids";
        if (checkedIn == null) return base;
        return base + (checkedIn ? " and r.checkedInAt is not null" : " and r.checkedInAt is null");
    }

    /**
     * Whether the organizer may choose this group now: "not checked in" only once the event has started;
     * applicants only in an event that is no draw and asks for approval (of all or of one ticket type) or
     * still has applications waiting.
     */
    public boolean offeredFor(Event event, Instant now) {
        return switch (this) {
            case NOT_CHECKED_IN -> !now.isBefore(event.startsAt);
            case SELECTED -> false;
            case APPLIED -> !event.isDraw() && (event.applied > 0 || event.approvalRequired
                    || event.ticketTypes.stream().anyMatch(t -> t.approvalRequired));
            default -> true;
        };
    }

    /** The groups offered for this event now, in the form's order. */
    public static java.util.List<RecipientGroup> offered(Event event, Instant now) {
        return java.util.Arrays.stream(values()).filter(g -> g.offeredFor(event, now)).toList();
    }

    /** The group of this name, or null for anything else (blank, unknown, other case). */
    public static RecipientGroup parse(String name) {
        if (name == null) return null;
        for (RecipientGroup g : values()) if (g.name().equals(name)) return g;
        return null;
    }
}
