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

    static String text(Msg msg, String code) {
        return switch (code) {
            case "required" -> msg.error_required();
            case "too_long" -> msg.error_too_long();
            case "invalid_email" -> msg.error_invalid_email();
            case "invalid_chars" -> msg.error_invalid_chars();
            case "consent_required" -> msg.error_consent_required();
            default -> msg.error_invalid_choice();
        };
    }
}
