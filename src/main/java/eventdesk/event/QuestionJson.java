package eventdesk.event;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A custom question in the JSON API: what a partner's sign-up must answer under {@code answers.<key>}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestionJson(String key, QuestionType type, String label, String labelKo, String hint, String hintKo,
                           boolean required, List<Question.Choice> choices, List<String> ticketTypes) {

    public static QuestionJson of(Question q) {
        return new QuestionJson(q.key, q.type, q.label, q.labelKo, q.hint, q.hintKo, q.required, List.copyOf(q.choices),
                List.copyOf(q.ticketTypes));
    }
}
