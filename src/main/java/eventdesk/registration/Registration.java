package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.TicketType;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One person's sign-up for one event. Status changes only through the seat path ({@link SeatPath}). */
@Entity
public class Registration extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    /** The ticket type, or null in an event without types. */
    @ManyToOne(fetch = FetchType.LAZY)
    public TicketType ticketType;
    @Enumerated(EnumType.STRING)
    public RegistrationStatus status;
    public String name;
    public String email;
    public String emailNormalized;
    /** The normalized email while active, else null: backs the one-active-per-email constraint. */
    public String activeEmail;
    public String affiliation;
    @Enumerated(EnumType.STRING)
    public Role role;
    public String locale;
    public Instant consentAt;
    /** SHA-256 of the sign-up notice the person consented to (the texts are kept per version). */
    public String consentVersion;
    public boolean marketingConsent;
    public Instant marketingConsentAt;
    /** When the person withdrew marketing consent (their page, or the unsubscribe link); null while given or never given. */
    public Instant marketingWithdrawnAt;
    /** When the person's data was erased on their request: the row keeps only what counts, charts and the draw need. */
    public Instant erasedAt;
    public Instant createdAt;
    public Instant holdExpiresAt;
    public Long waitlistSeq;
    public Instant confirmedAt;
    public Instant cancelledAt;
    public Instant expiredAt;
    public Instant checkedInAt;
    /** When a repeated sign-up last sent this registration's email again. */
    public Instant resentAt;
    /** A draw application's public reference code (no personal data; the draw orders by it). */
    public String reference;
    /** When the applicant opened the emailed verify link and pressed Verify (only verified applications are drawn). */
    public Instant verifiedAt;
    /** Place in the draw order, 1 = drawn first; null when not drawn. */
    public Integer drawRank;
    /** When the "still coming?" mail was written (the attendance job's sent marker). */
    public Instant reconfirmSentAt;
    /** The answer deadline that mail named; null when it named none (then no automatic release). */
    public Instant reconfirmDeadline;
    /** When the person answered "I'll be there". */
    public Instant reconfirmedAt;
    /** When the reminder with the ticket was written (the attendance job's sent marker). */
    public Instant reminderSentAt;
    /**
     * When the seat path first gave this registration a seat (PENDING: at sign-up, by approval, by the
     * draw, with a code, or from the waitlist); null while it never held one.
     */
    public Instant seatedAt;
    /** When the organizer approved this application (APPLIED to PENDING or WAITLISTED). */
    public Instant approvedAt;
    public Instant declinedAt;
    /** Answers to the event's custom questions, JSON {questionKey: value} ({@link Answers}); null when none. */
    public String answers;

    /**
     * A new registration of the person who filled in {@code form}, who agreed to the sign-up notice of
     * {@code consentVersion} ({@link ConsentNotice}) now; it has no status until the seat path gives it one.
     */
    static Registration of(Event event, SignUp form, String consentVersion, Instant now) {
        Registration r = new Registration();
        r.event = event;
        r.name = form.name;
        r.email = form.email;
        r.emailNormalized = personKey(event, form.email);
        r.affiliation = form.affiliation;
        r.role = Role.valueOf(form.role);
        r.locale = form.locale == null ? "ko" : form.locale;
        r.consentAt = now;
        r.consentVersion = consentVersion;
        r.marketingConsent = form.marketingConsent;
        r.marketingConsentAt = form.marketingConsent ? now : null;
        r.createdAt = now;
        return r;
    }

    /** Whether promotional mail may go to this person now: they agreed to it and have not withdrawn (nor been erased). */
    public boolean hasMarketingConsent() {
        return marketingConsent && marketingWithdrawnAt == null && erasedAt == null;
    }

    /** Withdraws marketing consent (once: a second withdrawal keeps the first time). */
    public void withdrawMarketing(Instant now) {
        if (marketingConsent) {
            marketingConsent = false;
            marketingWithdrawnAt = now;
        }
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Who a sign-up is, for "one active registration per person": the normalized email; in a draw
     * event also without the dots and {@code +tag} of a Gmail address (googlemail.com is gmail.com),
     * since Gmail delivers all of those to one mailbox and a draw must not take extra tickets.
     */
    static String personKey(Event event, String email) {
        String normalized = normalizeEmail(email);
        if (normalized == null || !event.isDraw()) return normalized;
        return drawKey(normalized);
    }

    /** A normalized Gmail address without its dots and {@code +tag}; any other address as it is. */
    private static String drawKey(String normalized) {
        int at = normalized.lastIndexOf('@');
        if (at < 0) return normalized;
        String local = normalized.substring(0, at), domain = normalized.substring(at + 1);
        if (!domain.equals("gmail.com") && !domain.equals("googlemail.com")) return normalized;
        int plus = local.indexOf('+');
        if (plus >= 0) local = local.substring(0, plus);
        return local.replace(".", "") + "@gmail.com";
    }

    /**
     * Every registration of the person with this address, in every event and status, oldest first, with
     * event and ticket type loaded: those stored under its normalized form, and in draw events under the
     * Gmail mailbox that form reaches ({@link #personKey}), the same mailbox. Erased ones no longer carry
     * the address, so they are never found.
     */
    public static List<Registration> ofPerson(String email) {
        String normalized = normalizeEmail(eventdesk.web.EmailAddress.normalize(email).orElse(email));
        if (normalized == null || normalized.isEmpty()) return List.of();
        return getEntityManager().createQuery("select r from Registration r join fetch r.event left join fetch r.ticketType"
                        + " where r.emailNormalized in ?1 and r.erasedAt is null order by r.createdAt, r.id", Registration.class)
                .setParameter(1, List.of(normalized, drawKey(normalized)).stream().distinct().toList()).getResultList();
    }

    /** Whether the person's data was erased (on their request, or by retention after the event). */
    public boolean erased() {
        return erasedAt != null;
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    /** Only the seat path ({@link SeatPath}) changes a status, together with the event's counters. */
    void setStatus(RegistrationStatus next) {
        status = next;
        activeEmail = next.isActive() ? emailNormalized : null;
    }

    /**
     * Locks the registration's event row, then reads the registration as it is now: every change to an
     * existing registration starts here, so it runs after any other change to the same event's seats.
     */
    static Registration lock(Registration r) {
        Event.lock(r.event.id);
        getEntityManager().refresh(r);
        return r;
    }

    /** {@link #lock} by id; an unknown id is {@link RegistrationException.UnknownRegistration}. */
    static Registration lockById(long id) {
        return lock(Registration.<Registration>findByIdOptional(id).orElseThrow(RegistrationException.UnknownRegistration::new));
    }

    /**
     * The active registrations of these (normalized) emails in this event, by normalized email: one query for a
     * whole batch. An active registration's {@link #activeEmail} is its {@link #emailNormalized}, so the query asks
     * the email index for these addresses' active registrations (in any event, a few each) and the event is picked
     * here: given the event too, H2 chose the (event, active email) index and compared the list with every
     * registration of the event, a cost that grew with each sign-up.
     */
    static Map<String, Registration> activeByEmail(Event event, Collection<String> normalizedEmails) {
        Map<String, Registration> found = new HashMap<>();
        if (normalizedEmails.isEmpty()) return found;
        for (Object[] row : getEntityManager().createQuery("select r.event.id, r from Registration r"
                + " where r.emailNormalized in ?1 and r.activeEmail is not null", Object[].class)
                .setParameter(1, normalizedEmails).getResultList()) {
            Registration r = (Registration) row[1];
            if (event.id.equals(row[0]) && normalizedEmails.contains(r.activeEmail)) found.put(r.activeEmail, r);
        }
        return found;
    }

    /**
     * 1-based place in the queue: WAITLISTED people ahead of this one, plus one. Each ticket type has
     * its own queue, so with types it is the place among people of the same type.
     */
    public long waitlistPosition() {
        if (status != RegistrationStatus.WAITLISTED) return 0;
        if (ticketType != null) {
            return count("ticketType = ?1 and status = ?2 and waitlistSeq <= ?3", ticketType, RegistrationStatus.WAITLISTED, waitlistSeq);
        }
        return count("event = ?1 and status = ?2 and waitlistSeq <= ?3", event, RegistrationStatus.WAITLISTED, waitlistSeq);
    }

    /** Every WAITLISTED registration's position (registration id to 1-based place in its type's queue), in one query. */
    public static Map<Long, Long> waitlistPositions(Event event) {
        Map<Long, Long> positions = new HashMap<>();
        Map<Long, Long> lastOfType = new HashMap<>();
        for (Object[] row : getEntityManager().createQuery("select r.id, r.ticketType.id from Registration r"
                        + " where r.event = ?1 and r.status = ?2 order by r.waitlistSeq", Object[].class)
                .setParameter(1, event).setParameter(2, RegistrationStatus.WAITLISTED).getResultList()) {
            positions.put((Long) row[0], lastOfType.merge(row[1] == null ? 0L : (Long) row[1], 1L, Long::sum));
        }
        return positions;
    }

    /** The waitlist in order: first come, first served (all types together). */
    public static List<Registration> waitlist(Event event, int limit) {
        return find("event = ?1 and status = ?2 order by waitlistSeq", event, RegistrationStatus.WAITLISTED)
                .page(0, limit).list();
    }

    /** A draw event's APPLIED registrations, oldest first (the draw orders them itself). */
    static List<Registration> applications(Event event) {
        return list("event = ?1 and status = ?2 order by id", event, RegistrationStatus.APPLIED);
    }

    /** How many of a draw event's applications are verified. */
    public static long verifiedApplications(Event event) {
        return count("event = ?1 and status = ?2 and verifiedAt is not null", event, RegistrationStatus.APPLIED);
    }

    /** The draw record: every drawn registration of the event in draw order. */
    public static List<Registration> drawOrder(Event event) {
        return list("event = ?1 and drawRank is not null order by drawRank", event);
    }

    /** Whether a reference code is already taken in this event. */
    static boolean referenceTaken(Event event, String reference) {
        return count("event = ?1 and reference = ?2", event, reference) > 0;
    }

    /** One ticket type's waitlist in order. */
    public static List<Registration> waitlist(TicketType type, int limit) {
        return find("ticketType = ?1 and status = ?2 order by waitlistSeq", type, RegistrationStatus.WAITLISTED)
                .page(0, limit).list();
    }

    /** The applications awaiting the organizer (of one ticket type unless {@code type} is null), oldest first. */
    public static List<Registration> awaitingDecision(Event event, TicketType type) {
        if (type == null) return list("event = ?1 and status = ?2 order by createdAt, id", event, RegistrationStatus.APPLIED);
        return list("event = ?1 and ticketType = ?2 and status = ?3 order by createdAt, id", event, type, RegistrationStatus.APPLIED);
    }

    /** Those of the registrations {@code ids} that are applications of the event awaiting the organizer, oldest first. */
    public static List<Registration> applications(Event event, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return list("event = ?1 and id in ?2 and status = ?3 order by createdAt, id", event, ids, RegistrationStatus.APPLIED);
    }

    /** Whether anybody ever registered for this ticket type (in any status: the type then stays). */
    public static boolean anyOfType(TicketType type) {
        return count("ticketType", type) > 0;
    }

    /** Whether the event has active registrations without a ticket type (then types cannot be added). */
    public static boolean anyActiveWithoutType(Event event) {
        return count("event = ?1 and ticketType is null and activeEmail is not null", event) > 0;
    }

    public static List<Long> eventsWithExpiredHolds(Instant now) {
        return find("select distinct r.event.id from Registration r where r.status = ?1 and r.holdExpiresAt <= ?2",
                RegistrationStatus.PENDING, now).project(Long.class).list();
    }

    public static List<Registration> expiredHolds(Event event, Instant now) {
        return list("event = ?1 and status = ?2 and holdExpiresAt <= ?3 order by id",
                event, RegistrationStatus.PENDING, now);
    }

    public boolean holdExpiredAt(Instant now) {
        return status == RegistrationStatus.PENDING && holdExpiresAt != null && !now.isBefore(holdExpiresAt);
    }

    /** An event's registrations matching a search text (name, email, affiliation) and status, oldest first. */
    public static PanacheQuery<Registration> search(Event event, String text, RegistrationStatus status) {
        return search(event, text, status, null);
    }

    /** The same, of one ticket type only when {@code type} is not null. */
    public static PanacheQuery<Registration> search(Event event, String text, RegistrationStatus status, TicketType type) {
        return search(event, text, status, type, true);
    }

    /** The same; the text is looked for in email addresses only when {@code byEmail} (not at the door). */
    public static PanacheQuery<Registration> search(Event event, String text, RegistrationStatus status, TicketType type, boolean byEmail) {
        StringBuilder q = new StringBuilder("event = :event");
        Parameters params = Parameters.with("event", event);
        if (type != null) {
            q.append(" and ticketType = :type");
            params.and("type", type);
        }
        if (text != null && !text.isBlank()) {
            q.append(" and (lower(name) like :text escape '!' or lower(affiliation) like :text escape '!'"
                    + " or lower(reference) like :text escape '!'");
            if (byEmail) q.append(" or emailNormalized like :text escape '!' or lower(email) like :text escape '!'");
            q.append(")");
            String escaped = text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            params.and("text", "%" + escaped + "%");
        }
        if (status != null) {
            q.append(" and status = :status");
            params.and("status", status);
        }
        return find(q + " order by createdAt, id", params);
    }

    /** Live counts per event id, read in one grouped query. */
    public static Map<Long, Counts> countsByEvent() {
        return counts(getEntityManager().createQuery(
                "select r.event.id, r.status, count(r), count(r.checkedInAt), count(r.reconfirmedAt) from Registration r"
                        + " group by r.event.id, r.status",
                Object[].class).getResultList());
    }

    public static Counts counts(Event event) {
        return counts(getEntityManager().createQuery(
                "select r.event.id, r.status, count(r), count(r.checkedInAt), count(r.reconfirmedAt) from Registration r where r.event = ?1"
                        + " group by r.event.id, r.status", Object[].class).setParameter(1, event).getResultList())
                .getOrDefault(event.id, new Counts());
    }

    /** Counts of one ticket type's registrations. */
    public static Counts counts(TicketType type) {
        return counts(getEntityManager().createQuery(
                "select r.event.id, r.status, count(r), count(r.checkedInAt), count(r.reconfirmedAt) from Registration r where r.ticketType = ?1"
                        + " group by r.event.id, r.status", Object[].class).setParameter(1, type).getResultList())
                .values().stream().findFirst().orElseGet(Counts::new);
    }

    private static Map<Long, Counts> counts(List<Object[]> rows) {
        Map<Long, Counts> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.computeIfAbsent((Long) row[0], id -> new Counts())
                    .add((RegistrationStatus) row[1], (Long) row[2], (Long) row[3], (Long) row[4]);
        }
        return counts;
    }

    /** Registrations of one event by status, plus how many are checked in and how many CONFIRMED answered "I'll be there". */
    public static final class Counts {
        public long pending, confirmed, waitlisted, applied, cancelled, expired, declined, checkedIn, reconfirmed;

        void add(RegistrationStatus status, long n, long checkedIn, long reconfirmed) {
            switch (status) {
                case PENDING -> pending += n;
                case CONFIRMED -> confirmed += n;
                case WAITLISTED -> waitlisted += n;
                case APPLIED -> applied += n;
                case CANCELLED -> cancelled += n;
                case EXPIRED -> expired += n;
                case DECLINED -> declined += n;
            }
            this.checkedIn += checkedIn;
            if (status == RegistrationStatus.CONFIRMED) this.reconfirmed += reconfirmed;
        }

        public long seatsTaken() {
            return pending + confirmed;
        }

        public int percentFull(Event event) {
            return event.capacity == 0 ? 100 : (int) Math.min(100, seatsTaken() * 100 / event.capacity);
        }
    }
}
