package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.web.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An invitation: a code that takes one seat of its ticket type, held back for invitations (or a
 * public one when none is held), with no approval. Single use: {@link #usedAt} is set by the seat
 * path under the event's row lock, so of many sign-ups racing with one code exactly one gets the seat.
 * Optionally tied to one email and with an expiry.
 *
 * <p>A code is {@value #LENGTH} characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * shown in groups of four ({@code K7QM-3XPA-9HRT-WD4N}, about 79 random bits). Only its SHA-256 is
 * stored, with the first four characters as a hint the organizer can recognize it by.
 */
@Entity
public class InvitationCode extends PanacheEntity {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    /** The type whose seat the code takes; null in an event without types. */
    @ManyToOne(fetch = FetchType.LAZY)
    public TicketType ticketType;
    public String codeHash;
    public String hint;
    /** Only this (normalized) email may use the code, when set. */
    public String email;
    public Instant expiresAt;
    public Instant createdAt;
    public Instant usedAt;
    /** Who used the code. */
    @ManyToOne(fetch = FetchType.LAZY)
    public Registration registration;

    /** Why a code takes no seat; each has its own message next to the code field. */
    public enum Refusal { UNKNOWN, USED, EXPIRED, OTHER_EMAIL, OTHER_TYPE, NO_SEAT }

    /** Makes a code and returns it as people type it (groups of four); only its hash is stored. */
    static String create(Event event, TicketType type, String email, Instant expiresAt, Instant now) {
        StringBuilder raw = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) raw.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        InvitationCode c = new InvitationCode();
        c.event = event;
        c.ticketType = type;
        c.codeHash = hash(raw.toString());
        c.hint = raw.substring(0, 4);
        c.email = Registration.normalizeEmail(email);
        c.expiresAt = expiresAt;
        c.createdAt = now;
        c.persist();
        return raw.toString().replaceAll("(.{4})(?!$)", "$1-");
    }

    /**
     * A code as typed: case, spaces and hyphens do not matter. Empty when it cannot be a code at all
     * (wrong length or characters), so nothing is looked up for it.
     */
    public static Optional<String> canonical(String typed) {
        if (typed == null) return Optional.empty();
        String c = typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        if (c.length() != LENGTH) return Optional.empty();
        for (int i = 0; i < c.length(); i++) if (ALPHABET.indexOf(c.charAt(i)) < 0) return Optional.empty();
        return Optional.of(c);
    }

    /** The event's code with this text, if any. */
    public static Optional<InvitationCode> find(Event event, String typed) {
        return canonical(typed).flatMap(c -> InvitationCode.<InvitationCode>find("codeHash = ?1 and event = ?2", hash(c), event)
                .firstResultOptional());
    }

    /** Why this code cannot be used by {@code email} now, or empty when it can. */
    Optional<Refusal> refusalFor(String normalizedEmail, Instant now) {
        if (usedAt != null) return Optional.of(Refusal.USED);
        if (expiresAt != null && !now.isBefore(expiresAt)) return Optional.of(Refusal.EXPIRED);
        if (email != null && !email.equals(normalizedEmail)) return Optional.of(Refusal.OTHER_EMAIL);
        return Optional.empty();
    }

    /** Whether the event has a code that is neither used nor expired at {@code now}. */
    static boolean usableExist(Event event, Instant now) {
        return count("event = ?1 and usedAt is null and (expiresAt is null or expiresAt > ?2)", event, now) > 0;
    }

    /** When the next of the event's unused codes expires after {@code now} (then the form may lose its code field). */
    static Optional<Instant> nextExpiry(Event event, Instant now) {
        return Optional.ofNullable(find("select min(expiresAt) from InvitationCode where event = ?1 and usedAt is null and expiresAt > ?2",
                event, now).project(Instant.class).firstResult());
    }

    /** Which of these (normalized) addresses have a personal code of the event that is neither used nor expired at {@code now}. */
    static Set<String> openFor(Event event, Collection<String> emails, Instant now) {
        if (emails.isEmpty()) return Set.of();
        return InvitationCode.<InvitationCode>list("event = ?1 and email in ?2 and usedAt is null and (expiresAt is null or expiresAt > ?3)",
                event, emails, now).stream().map(c -> c.email).collect(Collectors.toSet());
    }

    /** The event's codes, newest first. */
    public static List<InvitationCode> ofEvent(Event event, int limit) {
        return find("event = ?1 order by createdAt desc, id desc", event).page(0, limit).list();
    }

    public String shownHint() {
        return hint + "-…";
    }

    static String hash(String canonical) {
        return Secrets.sha256Hex(canonical);
    }
}
