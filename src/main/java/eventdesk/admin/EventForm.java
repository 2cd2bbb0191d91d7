package eventdesk.admin;

import eventdesk.admin.EventInput.TypeInput;
import eventdesk.web.FormReader;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.List;

/**
 * The event form as submitted, read into an {@link EventInput}: times are KST {@code datetime-local}
 * values, checkboxes are on or off, the confirm window is whole hours, and the ticket types are rows
 * {@code ticketTypes[i].field}. What cannot be read stays in {@link EventInput#unreadable}.
 */
final class EventForm {

    private EventForm() {
    }

    static EventInput read(MultivaluedMap<String, String> form) {
        FormReader f = new FormReader(form);
        EventInput in = new EventInput();
        in.slug = f.text("slug");
        in.title = f.text("title");
        in.titleKo = f.text("titleKo");
        in.description = f.text("description");
        in.descriptionKo = f.text("descriptionKo");
        in.venue = f.text("venue");
        in.address = f.text("address");
        in.startsAt = f.time("startsAt", true);
        in.endsAt = f.time("endsAt", true);
        in.registrationOpensAt = f.time("registrationOpensAt", false);
        in.registrationClosesAt = f.time("registrationClosesAt", false);
        in.capacity = f.number("capacity", "capacity", false);
        in.waitlistEnabled = f.ticked("waitlistEnabled");
        in.status = f.text("status");
        in.allocation = f.text("allocation");
        in.drawAt = f.time("drawAt", false);
        in.drawConfirmWindow = confirmWindow(f.text("drawConfirmHours"));
        in.lateApplications = f.text("lateApplications");
        in.reconfirmBefore = f.text("reconfirmBefore");
        in.reminderBefore = f.text("reminderBefore");
        in.autoReleaseUnanswered = f.ticked("autoReleaseUnanswered");
        in.reconfirmDeadlineBefore = f.text("reconfirmDeadlineBefore");
        in.approvalRequired = f.ticked("approvalRequired");
        in.heldUntil = f.time("heldUntil", false);
        in.ticketTypes = types(f);
        in.unreadable.putAll(f.unreadable());
        return in;
    }

    /** The organizer pressed "Add another ticket type": show the form again with one more row, save nothing. */
    static boolean addsTypeRow(MultivaluedMap<String, String> form) {
        return form.containsKey("addType");
    }

    /** How many type rows the submitted form showed (0 when unknown). */
    static int typeRowCount(MultivaluedMap<String, String> form) {
        String n = form.getFirst("typeRowCount");
        return n != null && n.matches("\\d{1,2}") ? Integer.parseInt(n) : 0;
    }

    /** Whole hours as an ISO-8601 duration; blank is the default (""), anything else cannot be read ("?"). */
    private static String confirmWindow(String hours) {
        if (hours == null || hours.isBlank()) return "";
        return hours.strip().matches("\\d{1,4}") ? "PT" + hours.strip() + "H" : "?";
    }

    /**
     * The ticket type rows ({@code ticketTypes[0].key}, ...). Empty rows are skipped; a row whose
     * "remove" box is ticked is kept aside (shown again, not saved). Null when the form has no type rows
     * at all: the types stay as they are.
     */
    private static List<TypeInput> types(FormReader f) {
        if (!f.has("ticketTypes[")) return null;
        List<TypeInput> types = new ArrayList<>();
        for (int i = 0; i < EventChecks.MAX_TYPES + 10; i++) {
            String p = "ticketTypes[" + i + "].";
            if (!f.has(p)) continue;
            String at = "ticketTypes[" + types.size() + "].";
            TypeInput t = new TypeInput();
            t.key = f.text(p + "key");
            t.name = f.text(p + "name");
            t.nameKo = f.text(p + "nameKo");
            t.capacity = f.number(p + "capacity", at + "capacity", "type_capacity:0");
            t.held = f.number(p + "held", at + "held", "type_held");
            t.approvalRequired = f.ticked(p + "approvalRequired");
            t.existing = f.ticked(p + "existing");
            t.removed = f.ticked(p + "remove");
            String held = f.text(p + "held");
            boolean typed = !EventChecks.blank(f.text(p + "capacity")) || !EventChecks.blank(held) && !"0".equals(held.strip());
            if (!t.blank() || typed || t.existing) types.add(t);
        }
        return types;
    }
}
