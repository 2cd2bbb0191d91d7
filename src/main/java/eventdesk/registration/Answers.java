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
import java.util.Optional;
import java.util.function.Function;

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
            Read read = read(q, raw.get(q.key));
            if (read.error().isPresent()) errors.put(field, read.error().get());
            else if (read.value().isPresent()) values.put(q.key, read.value().get());
            else if (q.required) errors.put(field, "required");
        }
        for (String key : raw.keySet()) {
            boolean known = key != null && (removedKeys.contains(key) || questions.stream().anyMatch(q -> q.key.equals(key)));
            if (!known) errors.put(FIELD_PREFIX + key, "unknown_question");
        }
        return new Checked(values, errors);
    }

    /** One raw answer read against its question: the value to store (none when blank), or the error code that refuses it. */
    record Read(Optional<Object> value, Optional<String> error) {
        static final Read BLANK = new Read(Optional.empty(), Optional.empty());

        static Read of(Object value) {
            return new Read(Optional.of(value), Optional.empty());
        }

        static Read refused(String error) {
            return new Read(Optional.empty(), Optional.of(error));
        }
    }

    /** Reads one answer: its stored form, blank, or refused with an error code. */
    static Read read(Question q, Object raw) {
        if (raw == null) return Read.BLANK;
        return switch (q.type) {
            case TEXT -> single(raw, s -> text(s, Question.TEXT_MAX, false));
            case LONG_TEXT -> single(raw, s -> text(s, Question.LONG_TEXT_MAX, true));
            case CHOICE -> single(raw, key -> q.choice(key).isPresent() ? Read.of(key) : Read.refused("invalid_choice"));
            case MULTI_CHOICE -> choices(q, raw);
            case YES_NO -> raw instanceof Boolean b ? Read.of(b) : single(raw, Answers::yesNo);
            case NUMBER -> single(raw, Answers::number);
        };
    }

    /** One value as trimmed text, read by {@code then}; blank when empty. Several values or an object are refused. */
    private static Read single(Object raw, Function<String, Read> then) {
        Optional<Object> one = oneValue(raw);
        if (one.isEmpty()) return Read.refused("invalid_choice");
        return trimmed(one.get()).map(then).orElse(Read.BLANK);
    }

    private static Read yesNo(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Read.of(true);
            case "false", "no" -> Read.of(false);
            default -> Read.refused("invalid_choice");
        };
    }

    /** Choice keys in the question's order, each once; blank when none is ticked. */
    private static Read choices(Question q, Object raw) {
        List<?> picked = raw instanceof List<?> list ? list : List.of(raw);
        List<String> keys = new ArrayList<>();
        for (Object item : picked) {
            if (item instanceof List<?> || item instanceof Map<?, ?>) return Read.refused("invalid_choice");
            Optional<String> key = trimmed(item);
            if (key.isEmpty()) continue;
            if (q.choice(key.get()).isEmpty()) return Read.refused("invalid_choice");
            keys.add(key.get());
        }
        List<String> ordered = q.choices.stream().map(Question.Choice::key).filter(keys::contains).toList();
        return ordered.isEmpty() ? Read.BLANK : Read.of(ordered);
    }

    private static Read text(String s, int max, boolean multiLine) {
        if (s.length() > max) return Read.refused("too_long");
        if (PlainText.hasForbidden(s, multiLine)) return Read.refused("control_chars");
        // Only invisible characters is no answer (a required question then says it is required).
        return PlainText.hasVisible(s) ? Read.of(s) : Read.BLANK;
    }

    private static Read number(String s) {
        if (s.length() > NUMBER_MAX_CHARS) return Read.refused("number");
        return decimal(s).filter(n -> n.abs().compareTo(NUMBER_LIMIT) <= 0 && n.scale() <= 6)
                .map(n -> Read.of(new BigDecimal(n.toPlainString())))
                .orElse(Read.refused("number"));
    }

    /** The number {@code s} spells, or empty; {@link BigDecimal} itself only parses by throwing. */
    private static Optional<BigDecimal> decimal(String s) {
        try {
            return Optional.of(new BigDecimal(s));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** A value that is one answer: a one-element list is its element; other lists and objects are none (empty). */
    private static Optional<Object> oneValue(Object raw) {
        if (raw instanceof List<?> list && list.size() == 1) return oneValue(list.get(0));
        if (raw instanceof List<?> || raw instanceof Map<?, ?>) return Optional.empty();
        return Optional.of(raw);
    }

    /** A string, number or boolean as trimmed text; empty when blank. */
    private static Optional<String> trimmed(Object value) {
        String s = value instanceof BigDecimal n ? n.toPlainString() : value.toString().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
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
