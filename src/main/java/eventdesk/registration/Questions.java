package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.Question;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** An event's custom questions as a sign-up is checked against them: the ones asked now, and the keys of removed ones. */
public record Questions(List<Question> active, Set<String> removedKeys) {

    /** Read in one query (once per batch of sign-ups). */
    public static Questions of(Event event) {
        List<Question> all = Question.all(event);
        return new Questions(all.stream().filter(q -> !q.isRemoved()).toList(),
                all.stream().filter(Question::isRemoved).map(q -> q.key).collect(Collectors.toSet()));
    }

    public Answers.Checked check(SignUp form) {
        return Answers.check(active, removedKeys, form.answers, form.ticketType);
    }
}
