package eventdesk.registration;

import eventdesk.event.Event;
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

/** One person's sign-up for one event. Status changes only through {@link RegistrationService}. */
@Entity
public class Registration extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
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
    public boolean marketingConsent;
    public Instant marketingConsentAt;
    public Instant createdAt;
    public Instant holdExpiresAt;
    public Long waitlistSeq;
    public Instant confirmedAt;
    public Instant cancelledAt;
    public Instant expiredAt;
    public Instant checkedInAt;
    /** When a repeated sign-up last sent this registration's email again. */
    public Instant resentAt;
    /** Answers to the event's custom questions, JSON {questionKey: value} ({@link Answers}); null when none. */
    public String answers;

    /** A new registration of the person who filled in {@code form}; it has no status until the seat path gives it one. */
    static Registration of(Event event, SignUp form, Instant now) {
        Registration r = new Registration();
        r.event = event;
        r.name = form.name;
        r.email = form.email;
        r.emailNormalized = normalizeEmail(form.email);
        r.affiliation = form.affiliation;
        r.role = Role.valueOf(form.role);
        r.locale = form.locale == null ? "ko" : form.locale;
        r.consentAt = now;
        r.marketingConsent = form.marketingConsent;
        r.marketingConsentAt = form.marketingConsent ? now : null;
        r.createdAt = now;
        return r;
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    /** Only the seat path ({@link RegistrationService}) changes a status, together with the event's counters. */
    void setStatus(RegistrationStatus next) {
        status = next;
        activeEmail = next.isActive() ? emailNormalized : null;
    }

    /** The active registrations of these (normalized) emails, by normalized email: one query for a whole batch. */
    static Map<String, Registration> activeByEmail(Event event, Collection<String> normalizedEmails) {
        Map<String, Registration> found = new HashMap<>();
        if (normalizedEmails.isEmpty()) return found;
        for (Registration r : Registration.<Registration>list("event = ?1 and activeEmail in ?2", event, normalizedEmails)) {
            found.put(r.activeEmail, r);
        }
        return found;
    }

    /** 1-based place in the queue: WAITLISTED people ahead of this one, plus one. */
    public long waitlistPosition() {
        if (status != RegistrationStatus.WAITLISTED) return 0;
        return count("event = ?1 and status = ?2 and waitlistSeq <= ?3", event, RegistrationStatus.WAITLISTED, waitlistSeq);
    }

    /** Every WAITLISTED registration's position (registration id to 1-based place), in one query. */
    public static Map<Long, Long> waitlistPositions(Event event) {
        Map<Long, Long> positions = new HashMap<>();
        long position = 0;
        for (Long id : find("select r.id from Registration r where r.event = ?1 and r.status = ?2 order by r.waitlistSeq",
                event, RegistrationStatus.WAITLISTED).project(Long.class).list()) {
            positions.put(id, ++position);
        }
        return positions;
    }

    /** The waitlist in order: first come, first served. */
    public static List<Registration> waitlist(Event event, int limit) {
        return find("event = ?1 and status = ?2 order by waitlistSeq", event, RegistrationStatus.WAITLISTED)
                .page(0, limit).list();
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
        StringBuilder q = new StringBuilder("event = :event");
        Parameters params = Parameters.with("event", event);
        if (text != null && !text.isBlank()) {
            q.append(" and (lower(name) like :text escape '!' or emailNormalized like :text escape '!'"
                    + " or lower(affiliation) like :text escape '!')");
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
                "select r.event.id, r.status, count(r), count(r.checkedInAt) from Registration r group by r.event.id, r.status",
                Object[].class).getResultList());
    }

    public static Counts counts(Event event) {
        return counts(getEntityManager().createQuery(
                "select r.event.id, r.status, count(r), count(r.checkedInAt) from Registration r where r.event = ?1"
                        + " group by r.event.id, r.status", Object[].class).setParameter(1, event).getResultList())
                .getOrDefault(event.id, new Counts());
    }

    private static Map<Long, Counts> counts(List<Object[]> rows) {
        Map<Long, Counts> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.computeIfAbsent((Long) row[0], id -> new Counts())
                    .add((RegistrationStatus) row[1], (Long) row[2], (Long) row[3]);
        }
        return counts;
    }

    /** Registrations of one event by status, plus how many are checked in. */
    public static final class Counts {
        public long pending, confirmed, waitlisted, cancelled, expired, checkedIn;

        void add(RegistrationStatus status, long n, long checkedIn) {
            switch (status) {
                case PENDING -> pending += n;
                case CONFIRMED -> confirmed += n;
                case WAITLISTED -> waitlisted += n;
                case CANCELLED -> cancelled += n;
                case EXPIRED -> expired += n;
            }
            this.checkedIn += checkedIn;
        }

        public long seatsTaken() {
            return pending + confirmed;
        }

        public int percentFull(Event event) {
            return event.capacity == 0 ? 100 : (int) Math.min(100, seatsTaken() * 100 / event.capacity);
        }
    }
}
