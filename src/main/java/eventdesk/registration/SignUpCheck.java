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
        Map<String, String> errors = new LinkedHashMap<>();
        codes(form).forEach((field, code) -> errors.put(field, code.equals("code") ? tix.code_UNKNOWN() : text(msg, code)));
        return errors;
    }

    /**
     * Field name to problem code ({@code required}, {@code too_long}, {@code invalid_email} …), in form order;
     * empty when the sign-up is valid. Strips the form's values first, as they will be stored.
     */
    Map<String, String> codes(SignUp form) {
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
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (codes.containsKey(field)) ordered.put(field, codes.get(field));
        }
        return ordered;
    }

    /**
     * The errors of a name and an affiliation alone (a person correcting them on their own page), by field
     * in form order, checked and worded as the sign-up form's fields; empty when both are fine. Give the
     * values stripped of leading and trailing blanks, as they will be stored.
     */
    public Map<String, String> nameErrors(String name, String affiliation, Msg msg) {
        SignUp form = new SignUp();
        form.name = name;
        form.affiliation = affiliation;
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : List.of("name", "affiliation")) {
            String code = null;
            for (ConstraintViolation<SignUp> v : validator.validateProperty(form, field)) {
                code = code == null || !code.equals("required") ? v.getMessage() : code;
            }
            if (code != null) errors.put(field, text(msg, code));
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
