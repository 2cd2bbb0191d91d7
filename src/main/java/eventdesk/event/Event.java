package eventdesk.event;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An event people sign up for. {@link #seatsTaken}, {@link #waitlisted} and {@link #waitlistSeq} are
 * counters kept by the registration seat path under this row's lock, in the same transaction as the
 * registrations they count; everybody else only reads them.
 */
@Entity
public class Event extends PanacheEntity {

    public String slug;
    public String title;
    @Column(name = "title_ko")
    public String titleKo;
    @Column(length = 4000)
    public String description;
    @Column(name = "description_ko", length = 4000)
    public String descriptionKo;
    public String venue;
    public String address;
    public Instant startsAt;
    public Instant endsAt;
    public int capacity;
    public boolean waitlistEnabled;
    public Instant registrationOpensAt;
    public Instant registrationClosesAt;
    @Enumerated(EnumType.STRING)
    public EventStatus status;
    public Instant createdAt;
    /** PENDING + CONFIRMED registrations. */
    public int seatsTaken;
    /** WAITLISTED registrations. */
    public int waitlisted;
    /** The last waitlist sequence number handed out (the waitlist is ordered by it). */
    public long waitlistSeq;
    /** "Still coming?" mail this long before the start; null: eventdesk.reconfirm-before; zero: off. */
    @Convert(converter = IsoDuration.class)
    public Duration reconfirmBefore;
    /** Reminder with the ticket this long before the start; null: eventdesk.reminder-before; zero: off. */
    @Convert(converter = IsoDuration.class)
    public Duration reminderBefore;
    /** Release confirmed people who did not answer "still coming?" by start minus {@link #reconfirmDeadlineBefore}. */
    public boolean autoReleaseUnanswered;
    /** The answer deadline before the start; null: the attendance default. */
    @Convert(converter = IsoDuration.class)
    public Duration reconfirmDeadlineBefore;

    public static Optional<Event> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The published event, or empty for unknown and draft events (drafts are not public). */
    public static Optional<Event> publicBySlug(String slug) {
        return bySlug(slug).filter(e -> e.status != EventStatus.draft);
    }

    /**
     * Locks the event row: every change to its seats or waitlist happens under this lock. The row is
     * (re)read under the lock, so its counters are the committed ones even when this persistence
     * context had loaded the event before.
     */
    public static Optional<Event> lockBySlug(String slug) {
        return find("slug", slug).<Event>firstResultOptional().map(e -> lock(e.id));
    }

    public static Event lock(long id) {
        Event e = getEntityManager().find(Event.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e != null) getEntityManager().refresh(e);
        return e;
    }

    /** Public events that have not ended, soonest first. */
    public static List<Event> upcoming(Instant now) {
        return list("status <> ?1 and endsAt > ?2 order by startsAt", EventStatus.draft, now);
    }

    /** How many ended events the public list shows: enough that it is never empty, not an archive. */
    public static final int PAST_LISTED = 20;

    /** Public events that have ended, the most recently ended first, at most {@link #PAST_LISTED}. */
    public static List<Event> past(Instant now) {
        return find("status <> ?1 and endsAt <= ?2 order by endsAt desc, id desc", EventStatus.draft, now)
                .page(0, PAST_LISTED).list();
    }

    public static List<Event> allByStart() {
        return list("order by startsAt desc");
    }

    public int seatsLeft() {
        return Math.max(0, capacity - seatsTaken);
    }

    public boolean hasFreeSeat() {
        return seatsTaken < capacity;
    }

    /** The capacity rule: it may drop to the seats already taken, never below (nobody is cancelled). */
    public boolean allowsCapacity(int newCapacity) {
        return newCapacity >= seatsTaken;
    }

    public boolean isOpenAt(Instant now) {
        return status == EventStatus.published
                && !now.isBefore(registrationOpensAt)
                && now.isBefore(registrationClosesAt);
    }

    /** Why the form takes nothing right now, or empty when it is open. */
    public Optional<Closure> closureAt(Instant now) {
        if (status == EventStatus.cancelled) return Optional.of(Closure.CANCELLED);
        if (status == EventStatus.draft) return Optional.of(Closure.NOT_PUBLISHED);
        if (now.isBefore(registrationOpensAt)) return Optional.of(Closure.NOT_YET_OPEN);
        if (!now.isBefore(registrationClosesAt)) return Optional.of(Closure.CLOSED);
        return Optional.empty();
    }

    public String title(Locale locale) {
        return pick(locale, title, titleKo);
    }

    public String description(Locale locale) {
        return pick(locale, description, descriptionKo);
    }

    private static String pick(Locale locale, String en, String ko) {
        String first = "ko".equals(locale.getLanguage()) ? ko : en;
        String other = "ko".equals(locale.getLanguage()) ? en : ko;
        return first == null || first.isBlank() ? other : first;
    }

    public enum Closure {
        CANCELLED, NOT_PUBLISHED, NOT_YET_OPEN, CLOSED
    }
}
