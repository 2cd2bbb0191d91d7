package eventdesk.web;

import jakarta.ws.rs.core.MultivaluedMap;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A submitted HTML form, read field by field the same way everywhere: text as typed, a checkbox
 * ticked when it sends "true", whole numbers, and date-times as {@code datetime-local} values in KST.
 * A value that is given but cannot be read is read as null and its field's problem is remembered
 * ({@link #unreadable}), so the form can be shown again with the error next to that field.
 */
public final class FormReader {

    private final MultivaluedMap<String, String> form;
    private final Map<String, String> unreadable = new LinkedHashMap<>();

    public FormReader(MultivaluedMap<String, String> form) {
        this.form = form;
    }

    public String text(String name) {
        return form.getFirst(name);
    }

    public boolean ticked(String name) {
        return "true".equals(form.getFirst(name));
    }

    /** Whether any field's name starts with {@code prefix}, e.g. the rows {@code ticketTypes[0].key} … */
    public boolean has(String prefix) {
        return form.keySet().stream().anyMatch(name -> name.startsWith(prefix));
    }

    /** A whole number, or null when blank (then also the problem {@code problem} when {@code required}). */
    public Integer number(String name, String problem, boolean required) {
        String value = form.getFirst(name);
        if (value != null && value.isBlank() && required) {
            unreadable.put(name, problem);
            return null;
        }
        return number(name, name, problem);
    }

    /** A whole number read from {@code name}, or null when blank; the problem of text is kept for {@code field}. */
    public Integer number(String name, String field, String problem) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) return null;
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            unreadable.put(field, problem);
            return null;
        }
    }

    /** A KST date-time; null when blank (the problem "datetime" when {@code required}) or unreadable ("datetime"). */
    public OffsetDateTime time(String name, boolean required) {
        String value = form.getFirst(name);
        if (value == null || value.isBlank()) {
            if (required) unreadable.put(name, "datetime");
            return null;
        }
        try {
            return Kst.offset(Kst.parseInput(value.strip()));
        } catch (DateTimeParseException e) {
            unreadable.put(name, "datetime");
            return null;
        }
    }

    /** Field name to problem code of every value read so far that could not be read, in reading order. */
    public Map<String, String> unreadable() {
        return unreadable;
    }
}
