package eventdesk.attendee;

import eventdesk.event.Event;
import eventdesk.event.Question;
import eventdesk.registration.Answers;
import eventdesk.web.Lang;
import eventdesk.web.Msg;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One custom question as the organizer reads its answers, on the attendee page and in the export: headed
 * by its label in the organizer's language (marked when the question was removed, whose answers are
 * kept), each answer worded in that language (choice labels, yes/no; several choices joined by "; ").
 */
public record AnswerColumn(String header, Question question, Locale locale, String yes, String no) {

    /** Every question the event ever asked, removed ones too, in form order. */
    static List<AnswerColumn> of(Event e, Lang lang) {
        Msg msg = lang.msg();
        Locale locale = lang.locale();
        return Question.all(e).stream().map(q -> new AnswerColumn(
                q.isRemoved() ? msg.question_removed_header(q.label(locale)) : q.label(locale),
                q, locale, msg.answer_yes(), msg.answer_no())).toList();
    }

    boolean answeredIn(Map<String, Object> answers) {
        return answers.containsKey(question.key);
    }

    String answerIn(Map<String, Object> answers) {
        return Answers.display(question, answers.get(question.key), locale, yes, no);
    }
}
