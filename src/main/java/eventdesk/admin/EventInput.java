package eventdesk.admin;

import com.fasterxml.jackson.annotation.JsonIgnore;
import eventdesk.event.Event;
import eventdesk.event.EventStatus;
import eventdesk.event.TicketType;
import eventdesk.registration.Registration;
import eventdesk.web.Kst;
import eventdesk.web.PlainText;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** {@code FIRST_COME} (default) or {@code DRAW}. */
    public String allocation;
    /** A DRAW event's end of applications and time of the draw. */
    public OffsetDateTime drawAt;
    /** ISO-8601 duration drawn applicants have to confirm; empty = eventdesk.draw.confirm-window. */
    public String drawConfirmWindow;
    /** After the draw: {@code CLOSED} (default) or {@code WAITLIST} (late sign-ups join the end of the waitlist). */
    public String lateApplications;
    /** "Still coming?" lead before the start: an ISO-8601 duration (the form also takes whole hours); "" = the server's default; PT0S = off. */
    public String reconfirmBefore;
    /** Reminder lead before the start, as {@link #reconfirmBefore}. */
    public String reminderBefore;
    /** Release confirmed people who did not answer "still coming?" by the deadline. */
    public Boolean autoReleaseUnanswered;
    /** The answer deadline's lead before the start, as {@link #reconfirmBefore}; "" = 48 hours. */
    public String reconfirmDeadlineBefore;
    @Schema(description = "Every sign-up waits as APPLIED until an organizer approves or declines it")
    public Boolean approvalRequired;
    @Schema(description = "When the ticket types' unused held seats go to their waitlists (ISO-8601 with offset); none: held until changed")
    public OffsetDateTime heldUntil;
    @Schema(description = "Ticket types, in the order the form shows them. On update the list replaces the event's types: "
            + "listed keys are added or changed (fields left out keep their value), types left out are removed, which "
            + "only works while they have no registrations. Left out entirely: the types stay as they are.")
    public List<TypeInput> ticketTypes;
    /** The custom questions, in form order; null leaves them as they are (see {@link QuestionEditor#replaceAll}). */
    public List<QuestionInput> questions;

    /** Form fields that could not be parsed, e.g. "startsAt" → "datetime". */
    transient Map<String, String> unreadable = new LinkedHashMap<>();

    /** One ticket type as an organizer sets it (SPEC §4: {@code {key, name, nameKo, capacity, held}}). */
    public static class TypeInput {
        @Schema(description = "Lowercase letters, digits and hyphens; the sign-up names the type by it")
        public String key;
        public String name;
        public String nameKo;
        @Schema(description = "Seats of this type, inside the event's capacity")
        public Integer capacity;
        @Schema(description = "Seats of this type kept for invitation codes (default 0)")
        public Integer held;
        @Schema(description = "Sign-ups of this type wait for approval even when the event does not ask for it")
        public Boolean approvalRequired;
        /** The edit form's row of a type that exists (its key cannot change there). */
        @JsonIgnore
        public transient boolean existing;
        /** The edit form's "remove" box was ticked for this row. */
        @JsonIgnore
        public transient boolean removed;

        static TypeInput of(TicketType t) {
            TypeInput in = new TypeInput();
            in.key = t.key;
            in.name = t.name;
            in.nameKo = t.nameKo;
            in.capacity = t.capacity;
            in.held = t.held;
            in.approvalRequired = t.approvalRequired;
            in.existing = true;
            return in;
        }

        /** This entry's given fields over the current type's. */
        TypeInput over(TypeInput base) {
            TypeInput m = new TypeInput();
            m.key = key;
            m.name = name != null ? name : base.name;
            m.nameKo = nameKo != null ? nameKo : base.nameKo;
            m.capacity = capacity != null ? capacity : base.capacity;
            m.held = held != null ? held : base.held;
            m.approvalRequired = approvalRequired != null ? approvalRequired : base.approvalRequired;
            m.existing = true;
            return m;
        }

        boolean blank() {
            return EventInput.blank(key) && EventInput.blank(name) && EventInput.blank(nameKo) && capacity == null
                    && (held == null || held == 0) && !Boolean.TRUE.equals(approvalRequired);
        }

        TicketType.Draft draft() {
            String en = strip(name), ko = strip(nameKo);
            return new TicketType.Draft(key.strip(), en == null ? ko : en, ko == null ? en : ko, capacity,
                    held == null ? 0 : held, Boolean.TRUE.equals(approvalRequired));
        }
    }

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
        in.allocation = e.allocation.name();
        in.drawAt = kst(e.drawAt);
        in.drawConfirmWindow = e.drawConfirmWindow;
        in.lateApplications = e.lateApplications.name();
        in.reconfirmBefore = e.reconfirmBefore == null ? "" : e.reconfirmBefore.toString();
        in.reminderBefore = e.reminderBefore == null ? "" : e.reminderBefore.toString();
        in.autoReleaseUnanswered = e.autoReleaseUnanswered;
        in.reconfirmDeadlineBefore = e.reconfirmDeadlineBefore == null ? "" : e.reconfirmDeadlineBefore.toString();
        in.approvalRequired = e.approvalRequired;
        in.heldUntil = kst(e.heldUntil);
        in.ticketTypes = new ArrayList<>(e.ticketTypes.stream().map(TypeInput::of).toList());
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
        if (allocation != null) m.allocation = allocation;
        if (drawAt != null) m.drawAt = drawAt;
        if (drawConfirmWindow != null) m.drawConfirmWindow = drawConfirmWindow;
        if (lateApplications != null) m.lateApplications = lateApplications;
        if (reconfirmBefore != null) m.reconfirmBefore = reconfirmBefore;
        if (reminderBefore != null) m.reminderBefore = reminderBefore;
        if (autoReleaseUnanswered != null) m.autoReleaseUnanswered = autoReleaseUnanswered;
        if (reconfirmDeadlineBefore != null) m.reconfirmDeadlineBefore = reconfirmDeadlineBefore;
        if (approvalRequired != null) m.approvalRequired = approvalRequired;
        if (heldUntil != null) m.heldUntil = heldUntil;
        if (ticketTypes != null) {
            Map<String, TypeInput> current = new LinkedHashMap<>();
            if (m.ticketTypes != null) m.ticketTypes.forEach(t -> current.put(t.key, t));
            List<TypeInput> merged = new ArrayList<>();
            for (TypeInput t : ticketTypes) {
                TypeInput was = t == null || t.key == null ? null : current.get(t.key);
                merged.add(was == null ? t : t.over(was));
            }
            m.ticketTypes = merged;
        }
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
        in.allocation = f.getFirst("allocation");
        in.drawAt = in.time(f, "drawAt", false);
        String hours = f.getFirst("drawConfirmHours");
        if (hours != null && !hours.isBlank()) {
            in.drawConfirmWindow = hours.strip().matches("\\d{1,4}") ? "PT" + hours.strip() + "H" : "?";
        } else {
            in.drawConfirmWindow = "";
        }
        in.lateApplications = f.getFirst("lateApplications");
        in.reconfirmBefore = f.getFirst("reconfirmBefore");
        in.reminderBefore = f.getFirst("reminderBefore");
        in.autoReleaseUnanswered = "true".equals(f.getFirst("autoReleaseUnanswered"));
        in.reconfirmDeadlineBefore = f.getFirst("reconfirmDeadlineBefore");
        in.approvalRequired = "true".equals(f.getFirst("approvalRequired"));
        in.heldUntil = in.time(f, "heldUntil", false);
        in.ticketTypes = typesFromForm(f, in.unreadable);
        return in;
    }

    /**
     * The edit form's ticket type rows ({@code ticketTypes[0].key}, ...). Empty rows are skipped; a
     * row whose "remove" box is ticked is kept aside (shown again, not saved). Null when the form has
     * no type rows at all: the types stay as they are.
     */
    static List<TypeInput> typesFromForm(MultivaluedMap<String, String> f, Map<String, String> unreadable) {
        if (f.keySet().stream().noneMatch(k -> k.startsWith("ticketTypes["))) return null;
        List<TypeInput> types = new ArrayList<>();
        for (int i = 0; i < MAX_TYPES + 10; i++) {
            String p = "ticketTypes[" + i + "].";
            if (f.keySet().stream().noneMatch(k -> k.startsWith(p))) continue;
            TypeInput t = new TypeInput();
            t.key = f.getFirst(p + "key");
            t.name = f.getFirst(p + "name");
            t.nameKo = f.getFirst(p + "nameKo");
            t.capacity = number(f.getFirst(p + "capacity"), "ticketTypes[" + types.size() + "].capacity", unreadable);
            t.held = number(f.getFirst(p + "held"), "ticketTypes[" + types.size() + "].held", unreadable);
            t.approvalRequired = "true".equals(f.getFirst(p + "approvalRequired"));
            t.existing = "true".equals(f.getFirst(p + "existing"));
            t.removed = "true".equals(f.getFirst(p + "remove"));
            boolean typed = !blank(f.getFirst(p + "capacity")) || !blank(f.getFirst(p + "held")) && !"0".equals(f.getFirst(p + "held").strip());
            if (!t.blank() || typed || t.existing) types.add(t);
        }
        return types;
    }

    private static Integer number(String value, String field, Map<String, String> unreadable) {
        if (value == null || value.isBlank()) return null;
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            unreadable.put(field, field.endsWith(".held") ? "type_held" : "type_capacity:0");
            return null;
        }
    }

    /** The most ticket types an event has. */
    static final int MAX_TYPES = 20;

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
        drawProblems(p, current, opens, closes);
        for (String field : new String[]{"reconfirmBefore", "reminderBefore", "reconfirmDeadlineBefore"}) {
            if (!readable(durationText(field))) p.put(field, "duration");
        }
        if (heldUntil != null && !plausible(heldUntil)) p.putIfAbsent("heldUntil", "datetime");
        typeProblems(p, current);
        return p;
    }

    /**
     * A draw needs its time inside the window (after opening, no later than the start) and a sensible
     * confirm window. The allocation is chosen before applications arrive: it cannot change once the
     * event has registrations, nor can a draw's time change after it ran.
     */
    private void drawProblems(Map<String, String> p, Event current, Instant opens, Instant closes) {
        if (allocation != null && !allocation.isBlank() && !allocation.matches("FIRST_COME|DRAW")) p.put("allocation", "invalid_choice");
        if (lateApplications != null && !lateApplications.isBlank() && !lateApplications.matches("CLOSED|WAITLIST")) {
            p.put("lateApplications", "invalid_choice");
        }
        if (drawConfirmWindow != null && !drawConfirmWindow.isBlank() && confirmWindow() == null) p.put("drawConfirmWindow", "confirm_window");
        boolean draw = "DRAW".equals(allocation);
        if (current != null && current.allocation != (draw ? Event.Allocation.DRAW : Event.Allocation.FIRST_COME)
                && allocation != null && !allocation.isBlank()
                && (current.seatsTaken + current.waitlisted + current.applied > 0 || current.drawnAt != null)) {
            p.put("allocation", "allocation_locked");
        }
        if (!draw) return;
        if (current != null && current.drawnAt != null) {
            if (drawAt == null || !drawAt.toInstant().equals(current.drawAt)) p.put("drawAt", "drawn");
            return;
        }
        if (drawAt == null || !plausible(drawAt)) p.putIfAbsent("drawAt", "datetime");
        else if (opens != null && !drawAt.toInstant().isAfter(opens)) p.put("drawAt", "draw_before_open");
        else if (startsAt != null && drawAt.toInstant().isAfter(startsAt.toInstant())) p.put("drawAt", "draw_after_start");
        else if (closes != null && closes.isBefore(drawAt.toInstant())) p.putIfAbsent("registrationClosesAt", "closes_before_draw");
    }

    /** The confirm window when one is given and between one hour and 30 days, else null. */
    java.time.Duration confirmWindow() {
        try {
            java.time.Duration d = java.time.Duration.parse(drawConfirmWindow.strip());
            return d.compareTo(java.time.Duration.ofHours(1)) < 0 || d.compareTo(java.time.Duration.ofDays(30)) > 0 ? null : d;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The automatic release needs "still coming?" on and a deadline after it was sent. {@code
     * defaultReconfirm} is eventdesk.reconfirm-before, {@code defaultDeadline} the deadline's default.
     */
    public Map<String, String> attendanceProblems(java.time.Duration defaultReconfirm, java.time.Duration defaultDeadline) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!Boolean.TRUE.equals(autoReleaseUnanswered) || !readable(reconfirmBefore) || !readable(reconfirmDeadlineBefore)) return p;
        java.time.Duration reconfirm = duration(reconfirmBefore) != null ? duration(reconfirmBefore) : defaultReconfirm;
        java.time.Duration deadline = duration(reconfirmDeadlineBefore) != null ? duration(reconfirmDeadlineBefore) : defaultDeadline;
        if (reconfirm.isZero() || deadline.compareTo(reconfirm) >= 0) p.put("reconfirmDeadlineBefore", "deadline");
        return p;
    }

    private String durationText(String field) {
        return switch (field) {
            case "reconfirmBefore" -> reconfirmBefore;
            case "reminderBefore" -> reminderBefore;
            default -> reconfirmDeadlineBefore;
        };
    }

    private static boolean readable(String text) {
        try {
            duration(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A lead before the start: blank is null (the default); whole hours ("72") or an ISO-8601
     * duration ("P3D", "PT0S" = off), from zero up to a year.
     *
     * @throws IllegalArgumentException for anything else
     */
    static java.time.Duration duration(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        java.time.Duration d;
        if (t.matches("\\d{1,4}")) {
            d = java.time.Duration.ofHours(Integer.parseInt(t));
        } else {
            try {
                d = java.time.Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new IllegalArgumentException("not a duration: " + t);
            }
        }
        if (d.isNegative() || d.compareTo(java.time.Duration.ofDays(365)) > 0) throw new IllegalArgumentException("out of range: " + t);
        return d;
    }

    /** For the form: whole hours when the lead is a whole number of hours, else its ISO-8601 text. */
    private static String hoursInput(String text) {
        if (text == null || text.isBlank() || !readable(text)) return text == null ? "" : text;
        java.time.Duration d = duration(text);
        return d.toSeconds() % 3600 == 0 ? Long.toString(d.toHours()) : d.toString();
    }

    public String reconfirmInput() {
        return hoursInput(reconfirmBefore);
    }

    public String reminderInput() {
        return hoursInput(reminderBefore);
    }

    public String deadlineInput() {
        return hoursInput(reconfirmDeadlineBefore);
    }

    /** The ticket types' problems, keyed {@code ticketTypes[i].field} (or {@code ticketTypes} for the list). */
    private void typeProblems(Map<String, String> p, Event current) {
        if (ticketTypes == null) return;
        List<TypeInput> saved = saved();
        if (saved.size() > MAX_TYPES) p.put("ticketTypes", "too_many");
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < ticketTypes.size(); i++) {
            TypeInput t = ticketTypes.get(i);
            String f = "ticketTypes[" + i + "].";
            if (t == null) {
                p.put("ticketTypes", "required");
                continue;
            }
            if (t.removed) continue;
            if (t.key == null || !t.key.strip().matches("[a-z0-9]+(-[a-z0-9]+)*") || t.key.strip().length() > 32
                    || !keys.add(t.key.strip())) {
                p.putIfAbsent(f + "key", "type_key");
            }
            if (blank(t.name) && blank(t.nameKo)) p.putIfAbsent(f + "name", "required");
            text(p, f + "name", t.name, 100, false);
            text(p, f + "nameKo", t.nameKo, 100, false);
            TicketType existing = current == null || t.key == null ? null : current.type(t.key.strip()).orElse(null);
            if (t.capacity == null || t.capacity < 0 || t.capacity > 100_000
                    || existing != null && !existing.allowsCapacity(t.capacity)) {
                p.putIfAbsent(f + "capacity", "type_capacity:" + (existing == null ? 0 : existing.seatsTaken));
            }
            if (t.held != null && (t.held < 0 || t.capacity != null && t.held > t.capacity)) p.putIfAbsent(f + "held", "type_held");
        }
        if (current == null) return;
        Set<String> kept = new HashSet<>();
        saved.forEach(t -> kept.add(t.key == null ? "" : t.key.strip()));
        for (int i = 0; i < current.ticketTypes.size(); i++) {
            TicketType t = current.ticketTypes.get(i);
            if (!kept.contains(t.key) && Registration.count("ticketType", t) > 0) {
                p.put(removedField(t.key), "type_in_use");
            }
        }
        if (!current.hasTypes() && !saved.isEmpty()
                && Registration.count("event = ?1 and ticketType is null and activeEmail is not null", current) > 0) {
            p.put("ticketTypes", "types_after_signups");
        }
    }

    /** Where the form shows that a type cannot go: its row's remove box, or the list. */
    private String removedField(String key) {
        for (int i = 0; i < ticketTypes.size(); i++) {
            TypeInput t = ticketTypes.get(i);
            if (t != null && t.removed && key.equals(t.key)) return "ticketTypes[" + i + "].remove";
        }
        return "ticketTypes";
    }

    /** The types to save: the list without rows marked for removal. */
    private List<TypeInput> saved() {
        return ticketTypes.stream().filter(t -> t != null && !t.removed).toList();
    }

    /** What the seat path applies: the types to keep, or null to leave them as they are. */
    List<TicketType.Draft> drafts() {
        return ticketTypes == null ? null : saved().stream().map(TypeInput::draft).toList();
    }

    /** One row of the edit form's ticket types: field names start with {@code p}; each error sits next to its field. */
    public record TypeFormRow(int n, String p, String key, String name, String nameKo, String capacity, String held,
                          boolean approval, boolean existing, boolean removed, String keyError, String nameError,
                          String nameKoError, String capacityError, String heldError, String removeError) {
    }

    /** The edit form's rows: the types, then empty rows for new ones, with {@code errors} by field name. */
    public List<TypeFormRow> typeRows(Map<String, String> errors) {
        List<TypeInput> types = new ArrayList<>(ticketTypes == null ? List.of() : ticketTypes);
        int blanks = types.size() < 2 ? 3 - types.size() : 1;
        for (int i = 0; i < blanks && types.size() < MAX_TYPES; i++) types.add(new TypeInput());
        List<TypeFormRow> rows = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            TypeInput t = types.get(i) == null ? new TypeInput() : types.get(i);
            String p = "ticketTypes[" + i + "].";
            rows.add(new TypeFormRow(i + 1, p, t.key, t.name, t.nameKo, t.capacity == null ? "" : t.capacity.toString(),
                    t.held == null ? "" : t.held.toString(), Boolean.TRUE.equals(t.approvalRequired), t.existing, t.removed,
                    errors.get(p + "key"), errors.get(p + "name"), errors.get(p + "nameKo"), errors.get(p + "capacity"),
                    errors.get(p + "held"), errors.get(p + "remove")));
        }
        return rows;
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

    static boolean blank(String s) {
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
        if ("DRAW".equals(allocation)) {
            e.makeDraw();
            e.drawAt = drawAt.toInstant();
        } else if (allocation != null && !allocation.isBlank()) {
            e.allocation = Event.Allocation.FIRST_COME;
            e.drawAt = null;
        }
        if (drawConfirmWindow != null) e.drawConfirmWindow = drawConfirmWindow.isBlank() ? null : confirmWindow().toString();
        if (lateApplications != null && !lateApplications.isBlank()) {
            e.lateApplications = Event.LateApplications.valueOf(lateApplications);
        }
        e.reconfirmBefore = duration(reconfirmBefore);
        e.reminderBefore = duration(reminderBefore);
        e.autoReleaseUnanswered = Boolean.TRUE.equals(autoReleaseUnanswered);
        e.reconfirmDeadlineBefore = duration(reconfirmDeadlineBefore);
        e.approvalRequired = Boolean.TRUE.equals(approvalRequired);
        e.heldUntil = heldUntil == null ? null : heldUntil.toInstant();
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

    public String drawInput() {
        return drawAt == null ? "" : Kst.input(drawAt.toInstant());
    }

    /** The confirm window in whole hours for the form, or empty for the default. */
    public String confirmHoursInput() {
        return drawConfirmWindow == null || drawConfirmWindow.isBlank() || confirmWindow() == null ? ""
                : Long.toString(confirmWindow().toHours());
    }

    public String closesInput() {
        return registrationClosesAt == null ? "" : Kst.input(registrationClosesAt.toInstant());
    }

    public String heldUntilInput() {
        return heldUntil == null ? "" : Kst.input(heldUntil.toInstant());
    }
}
