package eventdesk.admin;

import eventdesk.admin.EventInput.TypeInput;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The event form's folded parts, each with the one line its summary shows (what is on) and whether it
 * opens by itself (it holds an error, or a warning: "still coming?" releases unanswered seats). The first part (title, when, where, capacity, status) is always
 * open: a simple event needs nothing else.
 */
public record EventFormSections(Section types, Section allocation, Section approval, Section window,
                                Section attendance) {

    /** A folded part: its summary line, and open when one of its fields has an error. */
    public record Section(String state, boolean open) {
    }

    /** Where the form's error keys fall. */
    private static final List<String> TYPE_KEYS = List.of("ticketTypes", "heldUntil");
    private static final List<String> DRAW_KEYS = List.of("allocation", "drawAt", "drawConfirmWindow", "lateApplications");
    private static final List<String> WINDOW_KEYS = List.of("registrationOpensAt", "registrationClosesAt");
    private static final List<String> ATTENDANCE_KEYS = List.of("reconfirmBefore", "reminderBefore", "reconfirmDeadlineBefore");

    record Words(EventFormTexts txt, Locale locale,
                 long defaultReconfirmHours, long defaultReminderHours) {
    }

    EventFormSections withTypesOpen() {
        return new EventFormSections(new Section(types.state(), true), allocation, approval, window, attendance);
    }

    static EventFormSections of(EventInput in, EventFormView form, Map<String, String> errors, Words w) {
        return new EventFormSections(
                new Section(types(in, w), errors.keySet().stream().anyMatch(k -> k.startsWith("ticketTypes") || TYPE_KEYS.contains(k))),
                new Section(allocation(in, form, w), has(errors, DRAW_KEYS)),
                new Section(Boolean.TRUE.equals(in.approvalRequired) ? w.txt().approval_on()
                        : w.txt().approval_off(), false),
                new Section(window(form, w), has(errors, WINDOW_KEYS)),
                new Section(attendance(in, form, w), has(errors, ATTENDANCE_KEYS) || Boolean.TRUE.equals(in.autoReleaseUnanswered)));
    }

    private static boolean has(Map<String, String> errors, List<String> keys) {
        return keys.stream().anyMatch(errors::containsKey);
    }

    private static String types(EventInput in, Words w) {
        List<TypeInput> types = in.ticketTypes == null ? List.of()
                : in.ticketTypes.stream().filter(Objects::nonNull).filter(t -> !t.removed && !t.blank()).toList();
        if (types.isEmpty()) return w.txt().types_none();
        boolean ko = "ko".equals(w.locale().getLanguage());
        String list = String.join(", ", types.stream().map(t -> {
            String name = ko && t.nameKo != null && !t.nameKo.isBlank() ? t.nameKo : t.name != null && !t.name.isBlank() ? t.name : t.key;
            return t.capacity == null ? name : name + " " + t.capacity;
        }).toList());
        return w.txt().types(types.size(), list);
    }

    private static String allocation(EventInput in, EventFormView form, Words w) {
        if (!"DRAW".equals(in.allocation)) return w.txt().first_come();
        return form.drawAt().isBlank() ? w.txt().draw() : w.txt().draw_at(form.drawAt().replace('T', ' '));
    }

    private static String window(EventFormView form, Words w) {
        if (form.opensAt().isBlank() && form.closesAt().isBlank()) return w.txt().window_default();
        String opens = form.opensAt().isBlank() ? w.txt().window_now() : form.opensAt().replace('T', ' ');
        String closes = form.closesAt().isBlank() ? w.txt().window_start() : form.closesAt().replace('T', ' ');
        return w.txt().window(opens, closes);
    }

    private static String attendance(EventInput in, EventFormView form, Words w) {
        String ask = hours(form.reconfirm(), w.defaultReconfirmHours(), w);
        String remind = hours(form.reminder(), w.defaultReminderHours(), w);
        String line = w.txt().attendance(ask, remind);
        return Boolean.TRUE.equals(in.autoReleaseUnanswered) ? line + " · " + w.txt().attendance_release() : line;
    }

    /** "72 h", "off" for 0, the default when blank, as typed otherwise. */
    private static String hours(String typed, long fallback, Words w) {
        if (typed == null || typed.isBlank()) return w.txt().hours(fallback);
        if ("0".equals(typed.strip()) || "PT0S".equals(typed.strip())) return w.txt().off();
        return typed.strip().matches("\\d{1,5}") ? w.txt().hours(Long.parseLong(typed.strip())) : typed.strip();
    }
}
