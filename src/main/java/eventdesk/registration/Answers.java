package eventdesk.registration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventdesk.event.Question;
import eventdesk.event.QuestionType;
import eventdesk.web.PlainText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place answers to an event's custom questions are checked, for the form and the API alike,
 * and how they are stored: a JSON object {@code {questionKey: value}} on the registration, where a
 * value is a string (TEXT, LONG_TEXT, CHOICE key), an array of choice keys (MULTI_CHOICE), true or
 * false (YES_NO) or a number (NUMBER). Keys of removed questions stay in stored answers forever.
 */
public final class Answers {

    /** Errors are keyed {@code answers.<questionKey>}, like the form field and the API's field errors. */
    public static final String FIELD_PREFIX = "answers.";
    static final BigDecimal NUMBER_LIMIT = new BigDecimal("1000000000000");
    static final int NUMBER_MAX_CHARS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {
    }

    /** The answers as they are stored (normalized, blanks left out) and the problems as field → error code. */
    public record Checked(Map<String, Object> values, Map<String, String> errors) {
    }

    /**
     * Checks {@code given} (raw values from the form or JSON) against the event's current questions for
     * a sign-up of {@code ticketType}: required questions that apply must be answered, choices must
     * exist, numbers must parse, texts stay within their length. Answers to questions that do not apply
     * to the ticket type, or that were removed meanwhile, are dropped; keys no question ever had are errors.
     *
     * @param removedKeys keys of the event's removed questions (answers to them are dropped, not refused)
     */
    public static Checked check(List<Question> questions, Collection<String> removedKeys, Map<String, ?> given,
                                String ticketType) {
        Map<String, ?> raw = given == null ? Map.of() : given;
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Question q : questions) {
            if (!q.appliesTo(ticketType)) continue;
            String field = FIELD_PREFIX + q.key;
            try {
                Object value = normalize(q, raw.get(q.key));
                if (value != null) values.put(q.key, value);
                else if (q.required) errors.put(field, "required");
            } catch (IllegalArgumentException bad) {
                errors.put(field, bad.getMessage());
            }
        }
        for (String key : raw.keySet()) {
            boolean known = key != null && (removedKeys.contains(key) || questions.stream().anyMatch(q -> q.key.equals(key)));
            if (!known) errors.put(FIELD_PREFIX + key, "unknown_question");
        }
        return new Checked(values, errors);
    }

    /** The stored form of one answer, null when blank; an {@link IllegalArgumentException} whose message is the error code. */
    static Object normalize(Question q, Object raw) {
        if (raw == null) return null;
        return switch (q.type) {
            case TEXT -> text(raw, Question.TEXT_MAX, false);
            case LONG_TEXT -> text(raw, Question.LONG_TEXT_MAX, true);
            case CHOICE -> {
                String key = scalar(raw);
                if (key == null) yield null;
                if (q.choice(key).isEmpty()) throw new IllegalArgumentException("invalid_choice");
                yield key;
            }
            case MULTI_CHOICE -> {
                List<?> picked = raw instanceof List<?> list ? list : List.of(raw);
                List<String> keys = new ArrayList<>();
                for (Object item : picked) {
                    if (item instanceof List<?> || item instanceof Map<?, ?>) throw new IllegalArgumentException("invalid_choice");
                    String key = scalar(item);
                    if (key == null) continue;
                    if (q.choice(key).isEmpty()) throw new IllegalArgumentException("invalid_choice");
                    keys.add(key);
                }
                // In the question's order, each once.
                List<String> ordered = q.choices.stream().map(Question.Choice::key).filter(keys::contains).toList();
                yield ordered.isEmpty() ? null : ordered;
            }
            case YES_NO -> {
                if (raw instanceof Boolean b) yield b;
                String s = scalar(raw);
                if (s == null) yield null;
                yield switch (s.toLowerCase(Locale.ROOT)) {
                    case "true", "yes" -> true;
                    case "false", "no" -> false;
                    default -> throw new IllegalArgumentException("invalid_choice");
                };
            }
            case NUMBER -> {
                String s = scalar(raw);
                if (s == null) yield null;
                if (s.length() > NUMBER_MAX_CHARS) throw new IllegalArgumentException("number");
                try {
                    BigDecimal n = new BigDecimal(s);
                    if (n.abs().compareTo(NUMBER_LIMIT) > 0 || n.scale() > 6) throw new IllegalArgumentException("number");
                    yield new BigDecimal(n.toPlainString());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("number");
                }
            }
        };
    }

    private static String text(Object raw, int max, boolean multiLine) {
        String s = scalar(raw);
        if (s == null) return null;
        if (s.length() > max) throw new IllegalArgumentException("too_long");
        if (PlainText.hasForbidden(s, multiLine)) throw new IllegalArgumentException("control_chars");
        // Only invisible characters is no answer (a required question then says it is required).
        return PlainText.hasVisible(s) ? s : null;
    }

    /** A string, number or boolean as trimmed text; null when blank; arrays and objects are not one value. */
    private static String scalar(Object raw) {
        if (raw instanceof List<?> list && list.size() == 1) return scalar(list.get(0));
        if (raw instanceof List<?> || raw instanceof Map<?, ?>) throw new IllegalArgumentException("invalid_choice");
        if (raw instanceof BigDecimal n) return n.toPlainString();
        String s = raw.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** The stored JSON of normalized answers; null when there are none. */
    public static String toJson(Map<String, Object> values) {
        if (values == null || values.isEmpty()) return null;
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stored answers by question key: String, Boolean, BigDecimal or List of choice keys. */
    public static Map<String, Object> fromJson(String json) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (json == null || json.isBlank()) return values;
        try {
            JsonNode tree = JSON.readTree(json);
            if (!(tree instanceof ObjectNode object)) return values;
            object.fields().forEachRemaining(e -> values.put(e.getKey(), value(e.getValue())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable answers", e);
        }
        return values;
    }

    private static Object value(JsonNode node) {
        if (node.isArray()) {
            List<String> keys = new ArrayList<>();
            node.forEach(n -> keys.add(n.asText()));
            return keys;
        }
        if (node.isBoolean()) return node.booleanValue();
        if (node.isNumber()) return node.decimalValue();
        return node.asText();
    }

    /**
     * One answer as people read it: choice labels in {@code locale} (a choice removed since shows its
     * key), several joined with "; ", yes/no words given by the caller, numbers as written.
     */
    public static String display(Question q, Object value, Locale locale, String yes, String no) {
        if (value == null) return "";
        if (value instanceof Boolean b) return b ? yes : no;
        if (value instanceof BigDecimal n) return n.toPlainString();
        if (value instanceof List<?> keys) {
            List<String> labels = new ArrayList<>();
            for (Object k : keys) labels.add(choiceLabel(q, String.valueOf(k), locale));
            return String.join("; ", labels);
        }
        String s = value.toString();
        return q != null && q.type == QuestionType.CHOICE ? choiceLabel(q, s, locale) : s;
    }

    private static String choiceLabel(Question q, String key, Locale locale) {
        if (q == null) return key;
        return q.choice(key).map(c -> c.label(locale)).filter(l -> l != null && !l.isBlank()).orElse(key);
    }
}
