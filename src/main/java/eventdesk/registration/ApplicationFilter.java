package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.Question;
import eventdesk.event.QuestionType;
import eventdesk.event.TicketType;
import eventdesk.web.ConfirmStep;
import eventdesk.web.Lang;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Which of an event's waiting applications the organizer's applications page lists and "all matching"
 * decides: of one ticket type, with one answer to a choice or yes/no question ({@code answer} =
 * {@code questionKey:choiceKey}, {@code :yes} or {@code :no}), and whose answer to a text or number question
 * contains some text ({@code contains}, in {@code question} or, without one, in any of them; letter case
 * ignored). All given parts must hold. What the event does not know (a type, question or choice it never
 * had) is no filter, as on the attendee list. The page's query, its hidden form fields, its links and the
 * access log all spell the filter with the same parameters.
 */
public final class ApplicationFilter {

    /** The longest text the "contains" filter looks for (longer input is cut). */
    public static final int CONTAINS_MAX = 200;
    static final String YES = "yes", NO = "no";

    private final TicketType type;
    private final Question choiceQuestion;
    private final String choice;
    private final Question textQuestion;
    private final List<Question> textQuestions;
    private final String contains;

    private ApplicationFilter(TicketType type, Question choiceQuestion, String choice, Question textQuestion,
                              List<Question> textQuestions, String contains) {
        this.type = type;
        this.choiceQuestion = choiceQuestion;
        this.choice = choice;
        this.textQuestion = textQuestion;
        this.textQuestions = textQuestions;
        this.contains = contains;
    }

    /** The filter given by these parameters ({@code ticketType}, {@code answer}, {@code question}, {@code contains}), read against the event. */
    public static ApplicationFilter of(Event e, Function<String, String> param) {
        TicketType type = blankToNull(param.apply("ticketType")) == null ? null
                : e.type(param.apply("ticketType").strip()).orElse(null);
        List<Question> questions = Question.all(e);
        Question choiceQuestion = null;
        String choice = null;
        String answer = blankToNull(param.apply("answer"));
        int colon = answer == null ? -1 : answer.indexOf(':');
        if (colon > 0) {
            String key = answer.substring(0, colon), value = answer.substring(colon + 1);
            Question q = questions.stream().filter(x -> x.key.equals(key)).findFirst().orElse(null);
            if (q != null && offers(q, value)) {
                choiceQuestion = q;
                choice = value;
            }
        }
        List<Question> texts = questions.stream().filter(ApplicationFilter::isText).toList();
        String contains = blankToNull(param.apply("contains"));
        if (contains != null && contains.length() > CONTAINS_MAX) contains = contains.substring(0, CONTAINS_MAX);
        String questionKey = blankToNull(param.apply("question"));
        Question textQuestion = contains == null || questionKey == null ? null
                : texts.stream().filter(q -> q.key.equals(questionKey)).findFirst().orElse(null);
        return new ApplicationFilter(type, choiceQuestion, choice, textQuestion, texts, contains);
    }

    /** The event's waiting applications this filter lets through, oldest first. */
    public List<Registration> applications(Event e) {
        return Registration.awaitingDecision(e, type).stream().filter(this::matches).toList();
    }

    /** Whether this application is of the type and has the answers the filter asks for. */
    public boolean matches(Registration r) {
        if (type != null && (r.ticketType == null || !r.ticketType.id.equals(type.id))) return false;
        if (choiceQuestion == null && contains == null) return true;
        Map<String, Object> answers = Answers.fromJson(r.answers);
        if (choiceQuestion != null && !chose(answers.get(choiceQuestion.key))) return false;
        if (contains == null) return true;
        String needle = contains.toLowerCase(Locale.ROOT);
        List<Question> searched = textQuestion != null ? List.of(textQuestion) : textQuestions;
        return searched.stream().map(q -> answers.get(q.key)).filter(v -> v != null)
                .anyMatch(v -> text(v).toLowerCase(Locale.ROOT).contains(needle));
    }

    private boolean chose(Object given) {
        if (given instanceof Boolean b) return b == YES.equals(choice);
        if (given instanceof List<?> keys) return keys.contains(choice);
        return choice.equals(given);
    }

    private static String text(Object value) {
        return value instanceof BigDecimal n ? n.toPlainString() : value.toString();
    }

    private static boolean isText(Question q) {
        return q.type == QuestionType.TEXT || q.type == QuestionType.LONG_TEXT || q.type == QuestionType.NUMBER;
    }

    private static boolean offers(Question q, String value) {
        if (q.type == QuestionType.YES_NO) return YES.equals(value) || NO.equals(value);
        return q.type.hasChoices() && q.choice(value).isPresent();
    }

    /** Whether any part is set (else it is every waiting application). */
    public boolean any() {
        return type != null || choiceQuestion != null || contains != null;
    }

    public String ticketType() {
        return type == null ? "" : type.key;
    }

    public String answer() {
        return choiceQuestion == null ? "" : choiceQuestion.key + ":" + choice;
    }

    public String question() {
        return textQuestion == null ? "" : textQuestion.key;
    }

    public String contains() {
        return contains == null ? "" : contains;
    }

    /** The filter as form fields, for a form that posts it on (empty parts left out). */
    public List<ConfirmStep.Hidden> hidden() {
        List<ConfirmStep.Hidden> fields = new ArrayList<>();
        if (type != null) fields.add(new ConfirmStep.Hidden("ticketType", ticketType()));
        if (choiceQuestion != null) fields.add(new ConfirmStep.Hidden("answer", answer()));
        if (textQuestion != null) fields.add(new ConfirmStep.Hidden("question", question()));
        if (contains != null) fields.add(new ConfirmStep.Hidden("contains", contains));
        return fields;
    }

    /** How the access log names the list this filter shows, e.g. {@code status=APPLIED&ticketType=founder&answer=stage:seed}. */
    public String logText() {
        StringBuilder s = new StringBuilder("status=APPLIED");
        hidden().forEach(f -> s.append('&').append(f.name()).append('=').append(f.value()));
        return s.toString();
    }

    /**
     * Names exactly this set of applications (SHA-256 over their ids, in order): what the organizer confirmed
     * is decided only while the filter still finds the same people.
     */
    public static String fingerprint(List<Registration> applications) {
        StringBuilder ids = new StringBuilder();
        applications.stream().map(r -> r.id).sorted().forEach(id -> ids.append(id).append(','));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(ids.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One answer the filter offers: its value ({@code question:choice}) and its words ("Company stage: Seed"). */
    public record Option(String value, String label) {
    }

    /** A choice or yes/no question and its answers, as the answer filter groups them. */
    public record OptionGroup(String label, List<Option> options) {
    }

    /** What the filter form offers for this event: the choice questions' answers, and the text questions. */
    public record Offer(List<OptionGroup> answers, List<Option> textQuestions) {
        public boolean isEmpty() {
            return answers.isEmpty() && textQuestions.isEmpty();
        }
    }

    /** The answers and text questions the filter form offers, worded as the organizer reads them ({@link AnswerColumn}). */
    public static Offer offer(Event e, Lang lang) {
        List<OptionGroup> answers = new ArrayList<>();
        List<Option> texts = new ArrayList<>();
        for (AnswerColumn c : AnswerColumn.of(e, lang)) {
            Question q = c.question();
            if (isText(q)) texts.add(new Option(q.key, c.header()));
            else if (q.type == QuestionType.YES_NO) answers.add(new OptionGroup(c.header(), List.of(
                    option(c, YES, c.yes()), option(c, NO, c.no()))));
            else answers.add(new OptionGroup(c.header(), q.choices.stream()
                    .map(ch -> option(c, ch.key(), ch.label(c.locale()) == null ? ch.key() : ch.label(c.locale()))).toList()));
        }
        return new Offer(answers, texts);
    }

    /** One answer of a question, named with its question too, so the closed list still says which question it is. */
    private static Option option(AnswerColumn c, String value, String label) {
        return new Option(c.question().key + ":" + value, c.header() + ": " + label);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
