package eventdesk.registration;

import eventdesk.web.Msg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validates a {@link SignUp} with Hibernate Validator and words each problem in the visitor's language. */
@ApplicationScoped
public class SignUpCheck {

    /** Fields in form order: the first one with an error gets the focus. */
    static final List<String> FIELDS = List.of("name", "email", "affiliation", "role", "locale", "consent");

    @Inject
    Validator validator;

    /** Field name to message, in form order; empty when the sign-up is valid. */
    public Map<String, String> errors(SignUp form, Msg msg) {
        Map<String, String> codes = new LinkedHashMap<>();
        if (form == null) {
            codes.put("name", "required");
        } else {
            form.strip();
            for (ConstraintViolation<SignUp> v : validator.validate(form)) {
                codes.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a.equals("required") ? a : b);
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String code = codes.get(field);
            if (code != null) errors.put(field, text(msg, code));
        }
        return errors;
    }

    /**
     * The same plus the answers to the event's questions ({@link Answers#check}), after the fields: what
     * a form with some error is told, so a visitor sees every problem at once. A sign-up without field
     * errors has its answers checked when its batch is decided, without reading the questions here.
     */
    public Map<String, String> errors(SignUp form, Questions questions, Msg msg) {
        Map<String, String> errors = errors(form, msg);
        if (form != null) errors.putAll(texts(questions.check(form).errors(), msg));
        return errors;
    }

    /** Error codes (field → code) worded in the visitor's language, in the same order. */
    static Map<String, String> texts(Map<String, String> codes, Msg msg) {
        Map<String, String> errors = new LinkedHashMap<>();
        codes.forEach((field, code) -> errors.put(field, text(msg, code)));
        return errors;
    }

    static String text(Msg msg, String code) {
        return switch (code) {
            case "required" -> msg.error_required();
            case "too_long" -> msg.error_too_long();
            case "invalid_email" -> msg.error_invalid_email();
            case "invalid_chars" -> msg.error_invalid_chars();
            case "consent_required" -> msg.error_consent_required();
            case "number" -> msg.error_number();
            case "unknown_question" -> msg.error_unknown_question();
            case "control_chars" -> msg.error_control_chars();
            default -> msg.error_invalid_choice();
        };
    }
}
