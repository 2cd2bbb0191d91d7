package eventdesk.admin;

import eventdesk.event.Event;
import eventdesk.event.EventStatus;
import eventdesk.web.Kst;
import eventdesk.web.PlainText;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event as an organizer creates or edits it: JSON from the admin API (times ISO-8601 with
 * offset) or the HTML form (times as KST datetime-local). {@link #problems} lists what is wrong.
 */
public class EventInput {

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2200;

    public String slug;
    public String title;
    public String titleKo;
    public String description;
    public String descriptionKo;
    public String venue;
    public String address;
    public OffsetDateTime startsAt;
    public OffsetDateTime endsAt;
    public Integer capacity;
    public Boolean waitlistEnabled;
    public OffsetDateTime registrationOpensAt;
    public OffsetDateTime registrationClosesAt;
    public String status;
    /** The custom questions, in form order; null leaves them as they are (see {@link QuestionEditor#replaceAll}). */
    public List<QuestionInput> questions;

    /** Form fields that could not be parsed, e.g. "startsAt" → "datetime". */
    transient Map<String, String> unreadable = new LinkedHashMap<>();

    public static EventInput of(Event e) {
        EventInput in = new EventInput();
        in.slug = e.slug;
        in.title = e.title;
        in.titleKo = e.titleKo;
        in.description = e.description;
        in.descriptionKo = e.descriptionKo;
        in.venue = e.venue;
        in.address = e.address;
        in.startsAt = kst(e.startsAt);
        in.endsAt = kst(e.endsAt);
        in.capacity = e.capacity;
        in.waitlistEnabled = e.waitlistEnabled;
        in.registrationOpensAt = kst(e.registrationOpensAt);
        in.registrationClosesAt = kst(e.registrationClosesAt);
        in.status = e.status.name();
        return in;
    }

    /** This input's given fields over {@code base}: a PUT may send only what changes. */
    public EventInput over(EventInput base) {
        EventInput m = base;
        if (title != null) m.title = title;
        if (titleKo != null) m.titleKo = titleKo;
        if (description != null) m.description = description;
        if (descriptionKo != null) m.descriptionKo = descriptionKo;
        if (venue != null) m.venue = venue;
        if (address != null) m.address = address;
        if (startsAt != null) m.startsAt = startsAt;
        if (endsAt != null) m.endsAt = endsAt;
        if (capacity != null) m.capacity = capacity;
        if (waitlistEnabled != null) m.waitlistEnabled = waitlistEnabled;
        if (registrationOpensAt != null) m.registrationOpensAt = registrationOpensAt;
        if (registrationClosesAt != null) m.registrationClosesAt = registrationClosesAt;
        if (status != null) m.status = status;
        if (questions != null) m.questions = questions;
        return m;
    }

    public static EventInput fromForm(MultivaluedMap<String, String> f) {
        EventInput in = new EventInput();
        in.slug = f.getFirst("slug");
        in.title = f.getFirst("title");
        in.titleKo = f.getFirst("titleKo");
        in.description = f.getFirst("description");
        in.descriptionKo = f.getFirst("descriptionKo");
        in.venue = f.getFirst("venue");
        in.address = f.getFirst("address");
        in.startsAt = in.time(f, "startsAt", true);
        in.endsAt = in.time(f, "endsAt", true);
        in.registrationOpensAt = in.time(f, "registrationOpensAt", false);
        in.registrationClosesAt = in.time(f, "registrationClosesAt", false);
        try {
            String capacity = f.getFirst("capacity");
            in.capacity = capacity == null || capacity.isBlank() ? null : Integer.valueOf(capacity.strip());
        } catch (NumberFormatException e) {
            in.unreadable.put("capacity", "capacity");
        }
        in.waitlistEnabled = "true".equals(f.getFirst("waitlistEnabled"));
        in.status = f.getFirst("status");
        return in;
    }

    private OffsetDateTime time(MultivaluedMap<String, String> f, String field, boolean required) {
        String value = f.getFirst(field);
        if (value == null || value.isBlank()) {
            if (required) unreadable.put(field, "datetime");
            return null;
        }
        try {
            return kst(Kst.parseInput(value.strip()));
        } catch (DateTimeParseException e) {
            unreadable.put(field, "datetime");
            return null;
        }
    }

    private static OffsetDateTime kst(Instant i) {
        return i == null ? null : i.atZone(Kst.ZONE).toOffsetDateTime();
    }

    /**
     * Field name → problem code; empty when the input can be saved. {@code current} is the event as
     * locked for the edit (its capacity rule applies), or null when creating (the slug is checked).
     */
    public Map<String, String> problems(Event current, Instant now) {
        boolean creating = current == null;
        Map<String, String> p = new LinkedHashMap<>(unreadable);
        if (creating) {
            if (slug == null || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 64) p.put("slug", "slug");
            else if (Event.bySlug(slug).isPresent()) p.put("slug", "slug_taken");
        }
        if (blank(title) && blank(titleKo)) p.put("title", "required");
        text(p, "title", title, 200, false);
        text(p, "titleKo", titleKo, 200, false);
        text(p, "description", description, 4000, true);
        text(p, "descriptionKo", descriptionKo, 4000, true);
        if (blank(venue)) p.put("venue", "required");
        text(p, "venue", venue, 200, false);
        if (blank(address)) p.put("address", "required");
        text(p, "address", address, 300, false);
        if (startsAt == null || !plausible(startsAt)) p.putIfAbsent("startsAt", "datetime");
        if (endsAt == null || !plausible(endsAt)) p.putIfAbsent("endsAt", "datetime");
        if (registrationOpensAt != null && !plausible(registrationOpensAt)) p.putIfAbsent("registrationOpensAt", "datetime");
        if (registrationClosesAt != null && !plausible(registrationClosesAt)) p.putIfAbsent("registrationClosesAt", "datetime");
        if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) p.put("endsAt", "ends_before");
        if (capacity == null || capacity < 0 || capacity > 100_000 || (current != null && !current.allowsCapacity(capacity))) {
            p.put("capacity", "capacity");
        }
        Instant opens = opens(now);
        Instant closes = closes();
        if (closes != null && opens != null && !closes.isAfter(opens)) p.put("registrationClosesAt", "closes_before");
        if (status != null && !status.isBlank() && !status.matches("draft|published|cancelled")) p.put("status", "invalid_choice");
        return p;
    }

    /** Titles, venue and address are one line (they go into mail subjects and headers); descriptions may break lines. */
    private static void text(Map<String, String> p, String field, String value, int max, boolean multiLine) {
        if (value == null) return;
        if (value.length() > max) p.putIfAbsent(field, "too_long");
        else if (PlainText.hasForbidden(value, multiLine)) p.putIfAbsent(field, "invalid_chars");
    }

    /** Events happen in this century or the next; +999999999 is a typo or an attack, not a date. */
    static boolean plausible(OffsetDateTime t) {
        return t.getYear() >= MIN_YEAR && t.getYear() <= MAX_YEAR;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Default window: open from now until the event starts. */
    Instant opens(Instant now) {
        return registrationOpensAt != null ? registrationOpensAt.toInstant() : now;
    }

    Instant closes() {
        return registrationClosesAt != null ? registrationClosesAt.toInstant()
                : startsAt != null ? startsAt.toInstant() : null;
    }

    /** Copies everything but the capacity (which only the registration service changes). */
    void applyTo(Event e, Instant now) {
        e.title = strip(title);
        e.titleKo = strip(titleKo);
        e.description = strip(description) == null ? "" : strip(description);
        e.descriptionKo = strip(descriptionKo) == null ? "" : strip(descriptionKo);
        if (e.title == null) e.title = e.titleKo;
        if (e.titleKo == null) e.titleKo = e.title;
        e.venue = strip(venue);
        e.address = strip(address);
        e.startsAt = startsAt.toInstant();
        e.endsAt = endsAt.toInstant();
        e.waitlistEnabled = Boolean.TRUE.equals(waitlistEnabled);
        e.registrationOpensAt = registrationOpensAt != null ? registrationOpensAt.toInstant()
                : e.registrationOpensAt != null ? e.registrationOpensAt : now;
        e.registrationClosesAt = closes();
        e.status = status == null || status.isBlank() ? (e.status == null ? EventStatus.published : e.status)
                : EventStatus.valueOf(status);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // Values for the HTML form.
    public String startsInput() {
        return startsAt == null ? "" : Kst.input(startsAt.toInstant());
    }

    public String endsInput() {
        return endsAt == null ? "" : Kst.input(endsAt.toInstant());
    }

    public String opensInput() {
        return registrationOpensAt == null ? "" : Kst.input(registrationOpensAt.toInstant());
    }

    public String closesInput() {
        return registrationClosesAt == null ? "" : Kst.input(registrationClosesAt.toInstant());
    }
}
