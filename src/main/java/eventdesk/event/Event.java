package eventdesk.event;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PreUpdate;
import org.hibernate.Hibernate;
import org.hibernate.annotations.BatchSize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An event people sign up for. {@link #seatsTaken}, {@link #waitlisted} and {@link #waitlistSeq} are
 * counters kept by the registration seat path under this row's lock, in the same transaction as the
 * registrations they count; everybody else only reads them. {@link #revision} grows with every change
 * to what the public sees of the event, so caches of public pages know when to render again.
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
    /** APPLIED registrations (a draw's applications before the draw). */
    public int applied;
    /**
     * Grows with every change to what the public sees of this event, in the transaction of the change: every
     * update of this row ({@link #changed}), and every lock of it ({@link #lock}), which every change to its
     * ticket types, questions and invitation codes takes. Readers compare it for equality only.
     */
    public long revision;

    /** How seats are given: first come, first served, or by a draw at {@link #drawAt}, whose seed is published with the result. */
    @Enumerated(EnumType.STRING)
    public Allocation allocation = Allocation.FIRST_COME;
    /** A DRAW event takes applications from registrationOpensAt until this instant, then draws. */
    public Instant drawAt;
    /** ISO-8601 duration drawn applicants have to confirm; null = eventdesk.draw.confirm-window. */
    public String drawConfirmWindow;
    /** The draw's secret 256-bit seed (hex); made when the event becomes a draw, public once drawn. */
    public String drawSeed;
    /** SHA-256 of the seed (hex), public from the start: the seed cannot be changed afterwards unseen. */
    public String drawCommitment;
    /** When the draw ran; null until then. The draw runs once: only while this is null. */
    public Instant drawnAt;
    /** What a sign-up after the draw gets: refused, or the end of the waitlist (first come). */
    @Enumerated(EnumType.STRING)
    public LateApplications lateApplications = LateApplications.CLOSED;

    public enum Allocation { FIRST_COME, DRAW }

    public enum LateApplications { CLOSED, WAITLIST }
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
    /** Every sign-up waits as APPLIED until an organizer approves or declines it. */
    public boolean approvalRequired;
    /** When the ticket types' unused held seats go to their waitlists; null: held until changed. */
    public Instant heldUntil;
    /**
     * The event's ticket types in the order the form shows them; none means one implicit type (the
     * event's own seats and waitlist, as before types existed). Refreshed with the event when it is
     * locked ({@link #lock}), so their counters are the committed ones too.
     */
    @OneToMany(mappedBy = "event", cascade = CascadeType.REFRESH)
    @OrderBy("sortOrder, id")
    @BatchSize(size = 50)
    public List<TicketType> ticketTypes = new ArrayList<>();

    public static Optional<Event> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The event with its ticket types read, so that both can be used after the transaction that read them. */
    public static Optional<Event> bySlugWithTypes(String slug) {
        Optional<Event> event = bySlug(slug);
        event.ifPresent(e -> Hibernate.initialize(e.ticketTypes));
        return event;
    }

    /** The published event, or empty for unknown and draft events (drafts are not public). */
    public static Optional<Event> publicBySlug(String slug) {
        return bySlug(slug).filter(e -> e.status != EventStatus.draft);
    }

    /**
     * Locks the event row: every change to its seats or waitlist happens under this lock. The row is
     * (re)read under the lock, so its counters are the committed ones even when this persistence
     * context had loaded the event before. Whoever locks may change what the public sees, so the lock
     * moves {@link #revision} on.
     */
    public static Optional<Event> lockBySlug(String slug) {
        return find("slug", slug).<Event>firstResultOptional().map(e -> lock(e.id));
    }

    public static Event lock(long id) {
        Event e = lockUnchanged(id);
        if (e != null) e.touch();
        return e;
    }

    /**
     * The lock for a batch of sign-ups, which leaves {@link #revision} alone: in a rush most batches are
     * refusals that change nothing, and every seat, waitlist place or application a batch gives changes the
     * counters on this row, which moves the revision on when the row is written ({@link #changed}). A batch
     * starts its own transaction, so one locking read by slug reads the committed row; were the event
     * already loaded in this persistence context, it is read again under the lock.
     */
    public static Optional<Event> lockForSignUps(String slug) {
        boolean loadedBefore = getSession().getStatistics().getEntityCount() > 0;
        Optional<Event> e = find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).singleResultOptional();
        if (loadedBefore) e.ifPresent(getEntityManager()::refresh);
        return e;
    }

    private static Event lockUnchanged(long id) {
        Event e = getEntityManager().find(Event.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e != null) getEntityManager().refresh(e);
        return e;
    }

    /** Marks a change to what the public sees that is not on this row (ticket types, questions, codes). */
    public void touch() {
        revision++;
    }

    @PreUpdate
    void changed() {
        revision++;
    }

    /**
     * The instants at which what the public sees of this event changes by the clock alone (registration
     * opens or closes, the draw's application window ends, the event ends, held seats are due); a cache of
     * a public page holds between two of them.
     */
    public List<Instant> changesAt() {
        List<Instant> at = new ArrayList<>(6);
        for (Instant i : new Instant[]{registrationOpensAt, registrationClosesAt, drawAt, startsAt, endsAt, heldUntil}) {
            if (i != null) at.add(i);
        }
        return at;
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

    /** Ids of published draw events whose draw is due and has not run. */
    public static List<Long> drawsDue(Instant now) {
        return find("select e.id from Event e where e.allocation = ?1 and e.drawnAt is null and e.drawAt <= ?2 and e.status = ?3",
                Allocation.DRAW, now, EventStatus.published).project(Long.class).list();
    }

    public static List<Event> allByStart() {
        return list("order by startsAt desc");
    }

    /**
     * Every event (drafts included) for the organizer's dashboard: those not ended yet soonest first,
     * then the ended ones, the most recent first.
     */
    public static List<Event> soonestFirst(Instant now) {
        List<Event> events = new ArrayList<>(list("endsAt > ?1 order by startsAt, id", now));
        events.addAll(list("endsAt <= ?1 order by startsAt desc, id desc", now));
        return events;
    }

    /**
     * Seats a sign-up without an invitation code can take now. Without types that is capacity minus
     * seats taken; with types, the seats free in some type and in the event's cap, not counting the
     * seats held for codes.
     */
    public int seatsLeft() {
        if (ticketTypes.isEmpty()) return Math.max(0, capacity - seatsTaken);
        int inTypes = 0;
        for (TicketType t : ticketTypes) inTypes += t.publicFree();
        return Math.min(publicRoom(), inTypes);
    }

    public boolean hasFreeSeat() {
        return seatsLeft() > 0;
    }

    public boolean hasTypes() {
        return !ticketTypes.isEmpty();
    }

    public Optional<TicketType> type(String key) {
        return ticketTypes.stream().filter(t -> t.key.equals(key)).findFirst();
    }

    /** Seats held for invitation codes in all types, not yet used or released. */
    public int heldOpen() {
        int held = 0;
        for (TicketType t : ticketTypes) held += t.heldRemaining();
        return held;
    }

    /** The event's cap minus seats taken and seats held for codes: what public sign-ups of all types share. */
    public int publicRoom() {
        return Math.max(0, capacity - seatsTaken - heldOpen());
    }

    /**
     * Seats of this type free to everyone now: free in the type and in the event's cap, not counting
     * seats held for codes. {@code type} is null for an event without types (then the event's own).
     */
    public int seatsLeft(TicketType type) {
        return type == null ? publicRoom() : Math.min(type.publicFree(), publicRoom());
    }

    /** The length of the waitlist a sign-up of this type joins (the event's, without types). */
    public int waitlistedOf(TicketType type) {
        return type == null ? waitlisted : type.waitlisted;
    }

    /** Whether sign-ups of this type wait as APPLIED for the organizer (per event or per type). */
    public boolean requiresApproval(TicketType type) {
        return approvalRequired || type != null && type.approvalRequired;
    }

    /** Whether the held seats' deadline has come. */
    public boolean heldDueAt(Instant now) {
        return heldUntil != null && !now.isBefore(heldUntil);
    }

    /** The capacity rule: it may drop to the seats already taken, never below (nobody is cancelled). */
    public boolean allowsCapacity(int newCapacity) {
        return newCapacity >= seatsTaken;
    }

    public boolean isOpenAt(Instant now) {
        return closureAt(now).isEmpty();
    }

    /** Why the form takes nothing right now, or empty when it is open. */
    public Optional<Closure> closureAt(Instant now) {
        if (status == EventStatus.cancelled) return Optional.of(Closure.CANCELLED);
        if (status == EventStatus.draft) return Optional.of(Closure.NOT_PUBLISHED);
        if (now.isBefore(registrationOpensAt)) return Optional.of(Closure.NOT_YET_OPEN);
        if (isDraw() && drawnAt == null && !now.isBefore(drawAt)) return Optional.of(Closure.DRAW_UNDER_WAY);
        if (isDraw() && drawnAt != null && lateApplications == LateApplications.CLOSED) return Optional.of(Closure.CLOSED);
        if (!now.isBefore(registrationClosesAt)) return Optional.of(Closure.CLOSED);
        return Optional.empty();
    }

    /**
     * Whether a freed seat is still offered to the waitlist: until registration closes, also when a
     * draw event takes no late applications (its drawn reserve list keeps moving).
     */
    public boolean promotesAt(Instant now) {
        return status == EventStatus.published && now.isBefore(registrationClosesAt);
    }

    public boolean isDraw() {
        return allocation == Allocation.DRAW;
    }

    /** A draw event before its draw: a sign-up is an application (APPLIED), not a seat. */
    public boolean takesApplications() {
        return isDraw() && drawnAt == null;
    }

    /**
     * Whether a draw event still takes applications and verifications at {@code now}: before the draw
     * ran and strictly before {@link #drawAt}. At drawAt both close, even while the draw has not run yet.
     */
    public boolean applicationsOpenAt(Instant now) {
        return takesApplications() && drawAt != null && now.isBefore(drawAt);
    }

    /** The draw is due: a draw event, published, its application window over, not drawn yet. */
    public boolean drawDueAt(Instant now) {
        return takesApplications() && status == EventStatus.published && !now.isBefore(drawAt);
    }

    /** Makes this a draw event with a fresh secret seed, unless it already has one. */
    public void makeDraw() {
        allocation = Allocation.DRAW;
        if (drawSeed == null) {
            drawSeed = Draw.newSeed();
            drawCommitment = Draw.commitment(drawSeed);
        }
    }

    /** How long drawn applicants have to confirm: this event's own window, else {@code fallback}. */
    public java.time.Duration confirmWindow(java.time.Duration fallback) {
        return drawConfirmWindow == null ? fallback : java.time.Duration.parse(drawConfirmWindow);
    }

    /** The seed, once the draw has run (before that it is secret). */
    public Optional<String> revealedSeed() {
        return drawnAt == null ? Optional.empty() : Optional.ofNullable(drawSeed);
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
        CANCELLED, NOT_PUBLISHED, NOT_YET_OPEN, CLOSED,
        /** A draw event's application window has ended; the draw is (about to be) run. */
        DRAW_UNDER_WAY
    }
}
