package eventdesk.admin;

import eventdesk.admin.EventInput.TypeInput;
import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.registration.Registration;
import eventdesk.web.Kst;
import eventdesk.web.PlainText;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an {@link EventInput} must be before it is saved, as field name → problem code (the page and
 * the API word the codes). Titles, venue and address are one line, since they go into mail subjects;
 * the window, the draw and the reminders must fit the event's times; capacities may not drop below
 * the seats taken; a ticket type with registrations cannot go, nor can types come once people signed
 * up without one.
 */
final class EventChecks {

    /** The most ticket types an event has. */
    static final int MAX_TYPES = 20;

    private EventChecks() {
    }

    /**
     * Empty when the input can be saved. {@code current} is the event as locked for the edit (its
     * capacity rule applies), or null when creating (the slug is checked). Reminder leads are checked
     * against the server's defaults where the input leaves them blank.
     */
    static Map<String, String> problems(EventInput in, Event current, Instant now, Duration defaultReconfirm,
                                        Duration defaultDeadline) {
        Map<String, String> p = new LinkedHashMap<>(in.unreadable);
        if (current == null) {
            if (in.slug == null || !in.slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || in.slug.length() > 64) p.put("slug", "slug");
            else if (Event.bySlug(in.slug).isPresent()) p.put("slug", "slug_taken");
        }
        if (blank(in.title) && blank(in.titleKo)) p.put("title", "required");
        text(p, "title", in.title, 200, false);
        text(p, "titleKo", in.titleKo, 200, false);
        text(p, "description", in.description, 4000, true);
        text(p, "descriptionKo", in.descriptionKo, 4000, true);
        if (blank(in.venue)) p.put("venue", "required");
        text(p, "venue", in.venue, 200, false);
        if (blank(in.address)) p.put("address", "required");
        text(p, "address", in.address, 300, false);
        if (!plausible(in.startsAt)) p.putIfAbsent("startsAt", "datetime");
        if (!plausible(in.endsAt)) p.putIfAbsent("endsAt", "datetime");
        if (in.registrationOpensAt != null && !plausible(in.registrationOpensAt)) p.putIfAbsent("registrationOpensAt", "datetime");
        if (in.registrationClosesAt != null && !plausible(in.registrationClosesAt)) p.putIfAbsent("registrationClosesAt", "datetime");
        if (in.startsAt != null && in.endsAt != null && in.endsAt.isBefore(in.startsAt)) p.put("endsAt", "ends_before");
        if (in.capacity == null || in.capacity < 0 || in.capacity > 100_000
                || (current != null && !current.allowsCapacity(in.capacity))) {
            p.put("capacity", "capacity");
        }
        Instant opens = in.opens(now);
        Instant closes = in.closes();
        if (closes != null && opens != null && !closes.isAfter(opens)) p.put("registrationClosesAt", "closes_before");
        if (!blank(in.status) && !in.status.matches("draft|published|cancelled")) p.put("status", "invalid_choice");
        drawProblems(p, in, current, opens, closes);
        if (!readable(in.reconfirmBefore)) p.put("reconfirmBefore", "duration");
        if (!readable(in.reminderBefore)) p.put("reminderBefore", "duration");
        if (!readable(in.reconfirmDeadlineBefore)) p.put("reconfirmDeadlineBefore", "duration");
        if (in.heldUntil != null && !plausible(in.heldUntil)) p.putIfAbsent("heldUntil", "datetime");
        typeProblems(p, in, current);
        if (!deadlineFits(in, defaultReconfirm, defaultDeadline)) p.putIfAbsent("reconfirmDeadlineBefore", "deadline");
        return p;
    }

    /**
     * A draw needs its time inside the window (after opening, no later than the start) and a sensible
     * confirm window. The allocation is chosen before applications arrive: it cannot change once the
     * event has registrations, nor can a draw's time change after it ran.
     */
    private static void drawProblems(Map<String, String> p, EventInput in, Event current, Instant opens, Instant closes) {
        if (!blank(in.allocation) && !in.allocation.matches("FIRST_COME|DRAW")) p.put("allocation", "invalid_choice");
        if (!blank(in.lateApplications) && !in.lateApplications.matches("CLOSED|WAITLIST")) {
            p.put("lateApplications", "invalid_choice");
        }
        if (!blank(in.drawConfirmWindow) && in.confirmWindow().isEmpty()) p.put("drawConfirmWindow", "confirm_window");
        boolean draw = "DRAW".equals(in.allocation);
        if (current != null && current.allocation != (draw ? Event.Allocation.DRAW : Event.Allocation.FIRST_COME)
                && !blank(in.allocation)
                && (current.seatsTaken + current.waitlisted + current.applied > 0 || current.drawnAt != null)) {
            p.put("allocation", "allocation_locked");
        }
        if (!draw) return;
        if (current != null && current.drawnAt != null) {
            if (in.drawAt == null || !in.drawAt.toInstant().equals(current.drawAt)) p.put("drawAt", "drawn");
            return;
        }
        if (!plausible(in.drawAt)) p.putIfAbsent("drawAt", "datetime");
        else if (opens != null && !in.drawAt.toInstant().isAfter(opens)) p.put("drawAt", "draw_before_open");
        else if (in.startsAt != null && in.drawAt.toInstant().isAfter(in.startsAt.toInstant())) p.put("drawAt", "draw_after_start");
        else if (closes != null && closes.isBefore(in.drawAt.toInstant())) p.putIfAbsent("registrationClosesAt", "closes_before_draw");
    }

    /**
     * The automatic release needs "still coming?" on and a deadline after it was sent. A blank lead is
     * the server's: {@code defaultReconfirm} (eventdesk.reconfirm-before) or {@code defaultDeadline}.
     */
    private static boolean deadlineFits(EventInput in, Duration defaultReconfirm, Duration defaultDeadline) {
        if (!Boolean.TRUE.equals(in.autoReleaseUnanswered) || !readable(in.reconfirmBefore)
                || !readable(in.reconfirmDeadlineBefore)) {
            return true;
        }
        Duration reconfirm = blank(in.reconfirmBefore) ? defaultReconfirm : EventInput.lead(in.reconfirmBefore).orElseThrow();
        Duration deadline = blank(in.reconfirmDeadlineBefore) ? defaultDeadline
                : EventInput.lead(in.reconfirmDeadlineBefore).orElseThrow();
        return !reconfirm.isZero() && deadline.compareTo(reconfirm) < 0;
    }

    /** The ticket types' problems, keyed {@code ticketTypes[i].field} (or {@code ticketTypes} for the list). */
    private static void typeProblems(Map<String, String> p, EventInput in, Event current) {
        if (in.ticketTypes == null) return;
        List<TypeInput> saved = in.saved();
        if (saved.size() > MAX_TYPES) p.put("ticketTypes", "too_many");
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < in.ticketTypes.size(); i++) {
            TypeInput t = in.ticketTypes.get(i);
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
        for (TicketType t : current.ticketTypes) {
            if (!kept.contains(t.key) && Registration.anyOfType(t)) p.put(removedField(in, t.key), "type_in_use");
        }
        if (!current.hasTypes() && !saved.isEmpty() && Registration.anyActiveWithoutType(current)) {
            p.put("ticketTypes", "types_after_signups");
        }
    }

    /** Where the form shows that a type cannot go: its row's remove box, or the list. */
    private static String removedField(EventInput in, String key) {
        for (int i = 0; i < in.ticketTypes.size(); i++) {
            TypeInput t = in.ticketTypes.get(i);
            if (t != null && t.removed && key.equals(t.key)) return "ticketTypes[" + i + "].remove";
        }
        return "ticketTypes";
    }

    /** Titles, venue and address are one line (they go into mail subjects and headers); descriptions may break lines. */
    private static void text(Map<String, String> p, String field, String value, int max, boolean multiLine) {
        if (value == null) return;
        if (value.length() > max) p.putIfAbsent(field, "too_long");
        else if (PlainText.hasForbidden(value, multiLine)) p.putIfAbsent(field, "invalid_chars");
    }

    /** A lead the event can keep: blank (the server's default) or one {@link EventInput#lead} reads. */
    static boolean readable(String lead) {
        return blank(lead) || EventInput.lead(lead).isPresent();
    }

    private static boolean plausible(OffsetDateTime t) {
        return t != null && Kst.plausible(t);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
