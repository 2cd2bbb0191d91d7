package eventdesk.question;

import eventdesk.event.Question;
import eventdesk.event.QuestionType;
import eventdesk.web.FormReader;
import eventdesk.web.PlainText;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A custom question as an organizer writes it: JSON in the admin API (inside the event's
 * {@code questions}) or one small HTML form on the questions page, where choices are lines
 * {@code key|English|한국어} and ticket types a comma-separated list. {@link #problems} says what is wrong.
 */
public class QuestionInput {

    public String key;
    public String type;
    public String label;
    public String labelKo;
    public String hint;
    public String hintKo;
    public Boolean required;
    public List<ChoiceInput> choices;
    public List<String> ticketTypes;
    /** Form order; the API orders questions as listed. */
    public Integer sortOrder;

    public static class ChoiceInput {
        public String key;
        public String label;
        public String labelKo;

        public ChoiceInput() {
        }

        ChoiceInput(String key, String label, String labelKo) {
            this.key = key;
            this.label = label;
            this.labelKo = labelKo;
        }
    }

    /** Lines of the choices textarea that could not be read (the HTML form only). */
    transient boolean unreadableChoices;
    /** The choices as typed, for a re-render. */
    transient String choicesText;

    public static QuestionInput of(Question q) {
        QuestionInput in = new QuestionInput();
        in.key = q.key;
        in.type = q.type.name();
        in.label = q.label;
        in.labelKo = q.labelKo;
        in.hint = q.hint;
        in.hintKo = q.hintKo;
        in.required = q.required;
        in.choices = q.choices.stream().map(c -> new ChoiceInput(c.key(), c.label(), c.labelKo())).collect(Collectors.toList());
        in.ticketTypes = new ArrayList<>(q.ticketTypes);
        in.sortOrder = q.sortOrder;
        return in;
    }

    /** The questions page's form of one question: choices as lines {@code key|English|한국어}, types comma-separated. */
    public static QuestionInput fromForm(MultivaluedMap<String, String> form) {
        FormReader f = new FormReader(form);
        QuestionInput in = new QuestionInput();
        in.key = f.text("key");
        in.type = f.text("type");
        in.label = f.text("label");
        in.labelKo = f.text("labelKo");
        in.hint = f.text("hint");
        in.hintKo = f.text("hintKo");
        in.required = f.ticked("required");
        in.choicesText = f.text("choices") == null ? "" : f.text("choices");
        in.choices = new ArrayList<>();
        for (String line : in.choicesText.split("\\R")) {
            if (line.isBlank()) continue;
            String[] parts = line.split("\\|", -1);
            if (parts.length < 2 || parts.length > 3) {
                in.unreadableChoices = true;
                continue;
            }
            in.choices.add(new ChoiceInput(parts[0].strip(), parts[1].strip(), parts.length == 3 ? parts[2].strip() : ""));
        }
        String types = f.text("ticketTypes");
        in.ticketTypes = types == null ? new ArrayList<>() : Arrays.stream(types.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
        String order = f.text("sortOrder");
        in.sortOrder = order != null && order.strip().matches("-?\\d{1,6}") ? Integer.valueOf(order.strip()) : null;
        return in;
    }

    /**
     * Field ({@code key}, {@code label}, {@code choices}, ...) → problem code; empty when the question can
     * be saved. {@code existing} is the stored question of this key (null for a new one); its type cannot
     * change once the event has registrations ({@code answered}), since stored answers follow the type.
     */
    Map<String, String> problems(Question existing, boolean answered) {
        Map<String, String> p = new LinkedHashMap<>();
        if (key == null || !key.matches(Question.KEY_PATTERN)) p.put("key", "question_key");
        Optional<QuestionType> t = type();
        if (t.isEmpty()) p.put("type", "invalid_choice");
        else if (existing != null && answered && existing.type != t.get()) p.put("type", "question_type_locked");
        if (blank(label) && blank(labelKo)) p.put("label", "required");
        text(p, "label", label, 300);
        text(p, "labelKo", labelKo, 300);
        text(p, "hint", hint, 500);
        text(p, "hintKo", hintKo, 500);
        if (t.isPresent() && t.get().hasChoices()) {
            List<ChoiceInput> cs = choices == null ? List.of() : choices;
            Set<String> keys = new HashSet<>();
            boolean ok = !unreadableChoices && !cs.isEmpty() && cs.size() <= Question.MAX_CHOICES;
            for (ChoiceInput c : cs) {
                ok &= c != null && c.key != null && c.key.matches(Question.KEY_PATTERN) && keys.add(c.key)
                        && !(blank(c.label) && blank(c.labelKo)) && fits(c.label, 200) && fits(c.labelKo, 200);
            }
            if (!ok) p.put("choices", "question_choices");
        }
        if (ticketTypes != null) {
            for (String tt : ticketTypes) {
                if (tt == null || !tt.matches(Question.KEY_PATTERN)) p.put("ticketTypes", "question_ticket_types");
            }
        }
        return p;
    }

    /** The type named, if it is one. */
    Optional<QuestionType> type() {
        return type == null ? Optional.empty()
                : Arrays.stream(QuestionType.values()).filter(t -> t.name().equals(type.strip())).findFirst();
    }

    /** Copies the wording, choices and rules; the key and event are the caller's. */
    void applyTo(Question q) {
        q.type = type().orElseThrow();
        q.label = strip(label) == null ? strip(labelKo) : strip(label);
        q.labelKo = strip(labelKo) == null ? strip(label) : strip(labelKo);
        q.hint = strip(hint);
        q.hintKo = strip(hintKo);
        q.required = Boolean.TRUE.equals(required);
        q.choices = q.type.hasChoices() && choices != null ? choices.stream()
                .map(c -> new Question.Choice(c.key, strip(c.label) == null ? strip(c.labelKo) : strip(c.label),
                        strip(c.labelKo) == null ? strip(c.label) : strip(c.labelKo)))
                .collect(Collectors.toList()) : new ArrayList<>();
        q.ticketTypes = ticketTypes == null ? new ArrayList<>() : ticketTypes.stream().distinct().collect(Collectors.toList());
    }

    /** The choices as the textarea shows them: one {@code key|English|한국어} per line. */
    public String choicesInput() {
        if (choicesText != null) return choicesText;
        if (choices == null) return "";
        return choices.stream().map(c -> c.key + "|" + nz(c.label) + "|" + nz(c.labelKo)).collect(Collectors.joining("\n"));
    }

    public String ticketTypesInput() {
        return ticketTypes == null ? "" : String.join(", ", ticketTypes);
    }

    private static void text(Map<String, String> p, String field, String value, int max) {
        if (value == null) return;
        if (value.length() > max) p.putIfAbsent(field, "too_long");
        else if (PlainText.hasForbidden(value, false)) p.putIfAbsent(field, "invalid_chars");
    }

    private static boolean fits(String value, int max) {
        return value == null || (value.length() <= max && !PlainText.hasForbidden(value, false) && !value.contains("|"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
