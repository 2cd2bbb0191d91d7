package eventdesk.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A custom question an event asks on its sign-up form, in Korean and English. Answers are stored
 * with each registration under {@link #key}, so the key never changes once the question exists; a
 * question removed after sign-ups began keeps its row ({@link #removedAt}) and its answers still export.
 */
@Entity
public class Question extends PanacheEntity {

    /** Keys are short, lowercase and URL- and form-safe: they name form fields ({@code answers.<key>}) and CSV columns. */
    public static final String KEY_PATTERN = "[a-z0-9][a-z0-9_-]{0,39}";
    public static final int TEXT_MAX = 200;
    public static final int LONG_TEXT_MAX = 2000;
    public static final int MAX_CHOICES = 50;
    public static final int MAX_QUESTIONS = 30;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    @Column(name = "question_key")
    public String key;
    @Enumerated(EnumType.STRING)
    public QuestionType type;
    public String label;
    public String labelKo;
    public String hint;
    public String hintKo;
    public boolean required;
    @Convert(converter = ChoicesColumn.class)
    public List<Choice> choices = new ArrayList<>();
    /** Keys of the ticket types this question is asked for; empty: asked of everybody. */
    @Convert(converter = KeysColumn.class)
    public List<String> ticketTypes = new ArrayList<>();
    public int sortOrder;
    public Instant createdAt;
    /** Set when an organizer removed the question; its answers stay with the registrations. */
    public Instant removedAt;

    /** One choice of a CHOICE or MULTI_CHOICE question; answers store its key. */
    public record Choice(String key, String label, String labelKo) {
        public String label(Locale locale) {
            return pick(locale, label, labelKo);
        }
    }

    /** The questions the form asks now, in form order. */
    public static List<Question> active(Event event) {
        return list("event = ?1 and removedAt is null order by sortOrder, id", event);
    }

    /** Every question the event ever asked (removed ones last), in export order. */
    public static List<Question> all(Event event) {
        return list("event = ?1 order by case when removedAt is null then 0 else 1 end, sortOrder, id", event);
    }

    public static Optional<Question> byKey(Event event, String key) {
        return find("event = ?1 and key = ?2", event, key).firstResultOptional();
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    /** Asked of a sign-up for this ticket type (null: the event has no types): limited questions only of their types. */
    public boolean appliesTo(String ticketType) {
        return ticketTypes.isEmpty() || (ticketType != null && ticketTypes.contains(ticketType));
    }

    public String label(Locale locale) {
        return pick(locale, label, labelKo);
    }

    public String hint(Locale locale) {
        return pick(locale, hint, hintKo);
    }

    public Optional<Choice> choice(String choiceKey) {
        return choices.stream().filter(c -> c.key().equals(choiceKey)).findFirst();
    }

    private static String pick(Locale locale, String en, String ko) {
        boolean korean = "ko".equals(locale.getLanguage());
        String first = korean ? ko : en;
        String other = korean ? en : ko;
        return first == null || first.isBlank() ? (other == null || other.isBlank() ? null : other) : first;
    }

    static final ObjectMapper JSON = new ObjectMapper();

    /** Choices as a JSON array in one column. */
    public static class ChoicesColumn implements AttributeConverter<List<Choice>, String> {
        @Override
        public String convertToDatabaseColumn(List<Choice> choices) {
            return write(choices);
        }

        @Override
        public List<Choice> convertToEntityAttribute(String column) {
            return read(column, new TypeReference<List<Choice>>() {
            });
        }
    }

    /** Ticket type keys as a JSON array in one column. */
    public static class KeysColumn implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> keys) {
            return write(keys);
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            return read(column, new TypeReference<List<String>>() {
            });
        }
    }

    private static String write(List<?> list) {
        try {
            return list == null || list.isEmpty() ? null : JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> read(String column, TypeReference<List<T>> type) {
        if (column == null || column.isBlank()) return new ArrayList<>();
        try {
            return new ArrayList<>(JSON.readValue(column, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable question column", e);
        }
    }
}
