package eventdesk.registration;

import eventdesk.event.Question;
import eventdesk.event.QuestionType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A custom question as the sign-up form shows it: wording in the visitor's language, what they typed
 * or ticked (kept on a re-render) and the error next to it. The field is named {@code answers.<key>}.
 */
public record QuestionView(String key, QuestionType type, String label, String hint, boolean required,
                           List<String> onlyFor, List<ChoiceView> choices, String value, List<String> picked,
                           String error) {

    public record ChoiceView(String key, String label) {
    }

    public static List<QuestionView> of(List<Question> questions, Locale locale, SignUp form, Map<String, String> errors) {
        Map<String, Object> given = form == null || form.answers == null ? Map.of() : form.answers;
        return questions.stream().map(q -> {
            Object raw = given.get(q.key);
            List<String> picked = raw instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : raw == null ? List.of() : List.of(String.valueOf(raw));
            return new QuestionView(q.key, q.type, q.label(locale), q.hint(locale), q.required, List.copyOf(q.ticketTypes),
                    q.choices.stream().map(c -> new ChoiceView(c.key(), c.label(locale))).toList(),
                    picked.isEmpty() ? "" : String.join(", ", picked), picked, errors.get(field(q.key)));
        }).toList();
    }

    static String field(String key) {
        return Answers.FIELD_PREFIX + key;
    }

    /** The form field's name and id. */
    public String field() {
        return field(key);
    }

    /** Required in every case: questions limited to some ticket types are required only of those, so the browser must not insist. */
    public boolean requiredAlways() {
        return required && onlyFor.isEmpty();
    }

    public String onlyForText() {
        return String.join(", ", onlyFor);
    }

    public boolean isPicked(String choiceKey) {
        return picked.contains(choiceKey);
    }

    public boolean yes() {
        return picked.size() == 1 && List.of("true", "yes").contains(picked.get(0).toLowerCase(Locale.ROOT));
    }

    public boolean no() {
        return picked.size() == 1 && List.of("false", "no").contains(picked.get(0).toLowerCase(Locale.ROOT));
    }

    /** The ids the field is described by: its hint and its error. */
    public String describedBy() {
        String ids = (hint != null ? field() + "-hint " : "") + (!onlyFor.isEmpty() ? field() + "-only " : "")
                + (error != null ? field() + "-error" : "");
        return ids.strip();
    }
}
