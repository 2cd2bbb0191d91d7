package eventdesk.admin;

import eventdesk.admin.EventInput.TypeInput;
import eventdesk.web.Kst;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the event form shows for an {@link EventInput}, beside its plain text fields: times as KST
 * {@code datetime-local} values, the confirm window and reminder leads in whole hours where they are
 * whole hours, and the ticket type rows (the types, then an empty row for a new one, more when asked for) with each error
 * next to its field. A value that could not be read is shown as typed.
 */
public record EventFormView(String startsAt, String endsAt, String opensAt, String closesAt, String drawAt,
                            String heldUntil, String confirmHours, String reconfirm, String reminder, String deadline,
                            List<TypeFormRow> typeRows) {

    /** One row of ticket types: field names start with {@code p}; each error sits next to its field. */
    public record TypeFormRow(int n, String p, String key, String name, String nameKo, String capacity, String held,
                              boolean approval, boolean existing, boolean removed, String keyError, String nameError,
                              String nameKoError, String capacityError, String heldError, String removeError) {
    }

    static EventFormView of(EventInput in, Map<String, String> errors) {
        return of(in, errors, 0);
    }

    /** {@code rows}: at least this many type rows (the organizer asked for another one), else the types and one empty row. */
    static EventFormView of(EventInput in, Map<String, String> errors, int rows) {
        return new EventFormView(input(in.startsAt), input(in.endsAt), input(in.registrationOpensAt),
                input(in.registrationClosesAt), input(in.drawAt), input(in.heldUntil),
                EventChecks.blank(in.drawConfirmWindow) ? "" : in.confirmWindow().map(d -> Long.toString(d.toHours())).orElse(""),
                hours(in.reconfirmBefore), hours(in.reminderBefore), hours(in.reconfirmDeadlineBefore), typeRows(in, errors, rows));
    }

    private static String input(OffsetDateTime t) {
        return t == null ? "" : Kst.input(t.toInstant());
    }

    /** Whole hours when the lead is a whole number of hours, else its ISO-8601 text; as typed when unreadable. */
    private static String hours(String lead) {
        if (EventChecks.blank(lead) || !EventChecks.readable(lead)) return lead == null ? "" : lead;
        Duration d = EventInput.lead(lead).orElseThrow();
        return d.toSeconds() % 3600 == 0 ? Long.toString(d.toHours()) : d.toString();
    }

    private static List<TypeFormRow> typeRows(EventInput in, Map<String, String> errors, int wanted) {
        List<TypeInput> types = new ArrayList<>(in.ticketTypes == null ? List.of() : in.ticketTypes);
        int total = Math.min(EventChecks.MAX_TYPES, Math.max(types.size() + 1, wanted));
        while (types.size() < total) types.add(new TypeInput());
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
}
