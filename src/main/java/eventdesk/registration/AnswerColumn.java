package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.Question;
import eventdesk.web.Lang;
import eventdesk.web.Msg;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One custom question as the organizer reads its answers, on the attendee and applications pages and in the
 * export: headed by its label in the organizer's language (marked when the question was removed, whose answers
 * are kept), each answer worded in that language (choice labels, yes/no; several choices joined by "; ").
 */
public record AnswerColumn(String header, Question question, Locale locale, String yes, String no) {

    /** One answer as an organizer page lists it under the person: the question's header and the answer's words. */
    public record Line(String question, String answer) {
    }

    /** Every question the event ever asked, removed ones too, in form order. */
    public static List<AnswerColumn> of(Event e, Lang lang) {
        Msg msg = lang.msg();
        Locale locale = lang.locale();
        return Question.all(e).stream().map(q -> new AnswerColumn(
                q.isRemoved() ? msg.question_removed_header(q.label(locale)) : q.label(locale),
                q, locale, msg.answer_yes(), msg.answer_no())).toList();
    }

    /**
     * Each registration's answers by id, in form order and the organizer's language (removed questions
     * included); a registration without answers has no entry.
     */
    public static Map<Long, List<Line>> lines(Event e, List<Registration> shown, Lang lang) {
        Map<Long, List<Line>> answers = new HashMap<>();
        if (shown.stream().allMatch(r -> r.answers == null)) return answers;
        List<AnswerColumn> columns = of(e, lang);
        for (Registration r : shown) {
            Map<String, Object> given = Answers.fromJson(r.answers);
            List<Line> lines = columns.stream().filter(c -> c.answeredIn(given))
                    .map(c -> new Line(c.header(), c.answerIn(given))).toList();
            if (!lines.isEmpty()) answers.put(r.id, lines);
        }
        return answers;
    }

    public boolean answeredIn(Map<String, Object> answers) {
        return answers.containsKey(question.key);
    }

    public String answerIn(Map<String, Object> answers) {
        return Answers.display(question, answers.get(question.key), locale, yes, no);
    }
}
