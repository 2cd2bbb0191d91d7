package eventdesk.question;

import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.event.Question;
import eventdesk.registration.Registration;
import eventdesk.web.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds, edits and removes an event's custom questions, under the event's lock (sign-ups of the event
 * check their answers under the same lock). Stored answers are never lost: a question's key never
 * changes, its type stays once people have signed up, and a question removed after sign-ups began is
 * only marked removed, so its answers still show and export. Each change from the questions page is
 * one access log entry of its organizer, written with it.
 */
@ApplicationScoped
public class QuestionEditor {

    @Inject
    AccessLog accessLog;

    /**
     * The question is not saved: field (for the API {@code questions[i].field}) to problem code. From the
     * questions page it carries the question as typed and which form it was ({@code editing}: its key, or
     * "" for the add form).
     */
    public static final class Invalid extends InvalidInput {
        public final String slug;
        public final transient QuestionInput typed;
        public final String editing;

        Invalid(String slug, QuestionInput typed, String editing, Map<String, String> problems) {
            super("invalid question", problems);
            this.slug = slug;
            this.typed = typed;
            this.editing = editing;
        }

        @Override
        protected String title() {
            return "Invalid question";
        }

        @Override
        protected String explain(String field, String code) {
            return text(field, code);
        }

        /** What the API says about a problem of a question's field. */
        public static String text(String field, String code) {
            return switch (code) {
                case "question_key" -> "a key of 1-40 lowercase letters, digits, - or _ (it names the answers and never changes)";
                case "question_key_taken" -> "another question of this event has this key";
                case "question_type_locked" -> "the type cannot change once people have signed up; remove the question and add a new one";
                case "question_choices" -> "one or more choices, each with a unique key and a label without |";
                case "question_ticket_types" -> "ticket type keys: lowercase letters, digits, - or _";
                case "question_too_many" -> "at most " + Question.MAX_QUESTIONS + " questions";
                case "invalid_choice" -> field.endsWith(".type")
                        ? "one of TEXT, LONG_TEXT, CHOICE, MULTI_CHOICE, YES_NO, NUMBER" : common(code);
                default -> common(code);
            };
        }
    }

    @Transactional
    public void add(String slug, QuestionInput in, Instant now, AccessLog.Entry by) {
        Event e = lock(slug);
        Question existing = in.key == null ? null : Question.byKey(e, in.key).orElse(null);
        Map<String, String> problems = in.problems(null, answered(e));
        if (existing != null) problems.putIfAbsent("key", "question_key_taken");
        if (Question.active(e).size() >= Question.MAX_QUESTIONS) problems.putIfAbsent("key", "question_too_many");
        if (!problems.isEmpty()) throw new Invalid(slug, in, "", problems);
        Question q = new Question();
        q.event = e;
        q.key = in.key;
        q.createdAt = now;
        q.sortOrder = in.sortOrder != null ? in.sortOrder : nextOrder(e);
        in.applyTo(q);
        q.persist();
        accessLog.recordWithChange(by.forEvent(e.slug));
    }

    /** New wording, choices or rules for the question {@code key}; the key stays, and with it every answer. */
    @Transactional
    public void update(String slug, String key, QuestionInput in, AccessLog.Entry by) {
        Event e = lock(slug);
        Question q = Question.byKey(e, key).orElseThrow(NotFoundException::new);
        in.key = key;
        Map<String, String> problems = in.problems(q, answered(e));
        if (!problems.isEmpty()) throw new Invalid(slug, in, key, problems);
        in.applyTo(q);
        if (in.sortOrder != null) q.sortOrder = in.sortOrder;
        accessLog.recordWithChange(by.forEvent(e.slug));
    }

    /** Removes the question from the form; after sign-ups began it stays (removed) with its answers. */
    @Transactional
    public void remove(String slug, String key, Instant now, AccessLog.Entry by) {
        Event e = lock(slug);
        Question q = Question.byKey(e, key).orElseThrow(NotFoundException::new);
        if (answered(e)) {
            if (q.removedAt == null) q.removedAt = now;
        } else {
            q.delete();
        }
        accessLog.recordWithChange(by.forEvent(e.slug));
    }

    /** Asks a removed question again, with the answers it had. */
    @Transactional
    public void restore(String slug, String key, AccessLog.Entry by) {
        Event e = lock(slug);
        Question q = Question.byKey(e, key).orElseThrow(NotFoundException::new);
        q.removedAt = null;
        accessLog.recordWithChange(by.forEvent(e.slug));
    }

    /**
     * The API's {@code questions}: the event asks exactly these, in this order. A question is matched by
     * key: a known key keeps its answers under new wording, a new key is a new question, and a question
     * left out is removed (kept with its answers once sign-ups began; a removed key sent again comes back).
     * Problems are keyed {@code questions[i].field}.
     */
    public void replaceAll(Event locked, List<QuestionInput> inputs, Instant now) {
        boolean answered = answered(locked);
        Map<String, Question> stored = stored(locked);
        Map<String, String> problems = problems(inputs, stored, answered);
        if (!problems.isEmpty()) throw new Invalid(locked.slug, null, null, problems);
        for (int i = 0; i < inputs.size(); i++) {
            QuestionInput in = inputs.get(i);
            Question q = stored.remove(in.key);
            if (q == null) {
                q = new Question();
                q.event = locked;
                q.key = in.key;
                q.createdAt = now;
                in.applyTo(q);
                q.sortOrder = i;
                q.persist();
            } else {
                in.applyTo(q);
                q.sortOrder = i;
                q.removedAt = null;
            }
        }
        for (Question gone : stored.values()) {
            if (!answered) gone.delete();
            else if (gone.removedAt == null) gone.removedAt = now;
        }
    }

    /** Problems of the API's {@code questions} for an event whose questions are {@code stored} (by key), keyed {@code questions[i].field}. */
    public static Map<String, String> problems(List<QuestionInput> inputs, Map<String, Question> stored, boolean answered) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (inputs.size() > Question.MAX_QUESTIONS) problems.put("questions", "question_too_many");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            QuestionInput in = inputs.get(i);
            String at = "questions[" + i + "].";
            if (in == null) {
                problems.put(at + "key", "question_key");
                continue;
            }
            in.problems(stored.get(in.key), answered).forEach((field, code) -> problems.put(at + field, code));
            if (in.key != null && !seen.add(in.key)) problems.putIfAbsent(at + "key", "question_key_taken");
        }
        return problems;
    }

    /** Every question the event ever asked, by key. */
    public static Map<String, Question> stored(Event e) {
        Map<String, Question> stored = new LinkedHashMap<>();
        Question.all(e).forEach(q -> stored.put(q.key, q));
        return stored;
    }

    private static Event lock(String slug) {
        return Event.lockBySlug(slug).orElseThrow(NotFoundException::new);
    }

    /** Once anybody signed up, answers may exist: questions are kept and their types fixed. */
    public static boolean answered(Event e) {
        return Registration.count("event", e) > 0;
    }

    private static int nextOrder(Event e) {
        return Question.active(e).stream().mapToInt(q -> q.sortOrder + 1).max().orElse(0);
    }
}
