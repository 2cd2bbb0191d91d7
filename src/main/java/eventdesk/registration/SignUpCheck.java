package eventdesk.registration;

import eventdesk.web.Msg;
import eventdesk.web.TicketMsg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
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
    static final List<String> FIELDS = List.of("ticketType", "code", "name", "email", "affiliation", "role", "locale", "consent");

    @Inject
    Validator validator;

    /** Field name to message, in form order; empty when the sign-up is valid. Code messages in English. */
    public Map<String, String> errors(SignUp form, Msg msg) {
        return errors(form, msg, MessageBundles.get(TicketMsg.class, Localized.Literal.of("en")));
    }

    /** The same, with the invitation code's and ticket type's messages from {@code tix}. */
    public Map<String, String> errors(SignUp form, Msg msg, TicketMsg tix) {
        Map<String, String> codes = new LinkedHashMap<>();
        if (form == null) {
            codes.put("name", "required");
        } else {
            form.strip();
            for (ConstraintViolation<SignUp> v : validator.validate(form)) {
                codes.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a.equals("required") ? a : b);
            }
            if (form.code != null && InvitationCode.canonical(form.code).isEmpty()) codes.put("code", "code");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String code = codes.get(field);
            if (code != null) errors.put(field, code.equals("code") ? tix.code_UNKNOWN() : text(msg, code));
        }
        return errors;
    }

    /** The message for a ticket type or code the seat path refused ({@link RegistrationException.InvalidField}). */
    static String text(RegistrationException.InvalidField refused, Msg msg, TicketMsg tix) {
        if (refused.field.equals("ticketType")) {
            return refused.problem.equals("required") ? tix.error_type_required() : msg.error_invalid_choice();
        }
        return switch (InvitationCode.Refusal.valueOf(refused.problem)) {
            case UNKNOWN -> tix.code_UNKNOWN();
            case USED -> tix.code_USED();
            case EXPIRED -> tix.code_EXPIRED();
            case OTHER_EMAIL -> tix.code_OTHER_EMAIL();
            case OTHER_TYPE -> tix.code_OTHER_TYPE();
            case NO_SEAT -> tix.code_NO_SEAT();
        };
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
