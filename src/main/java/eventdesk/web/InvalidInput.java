package eventdesk.web;

import jakarta.ws.rs.core.Response;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request refused for what it sent, with nothing changed: {@link #problems} names each field that
 * cannot be used with a problem code. Every kind is answered by one mapper, {@link InvalidInputs}:
 * under /api with problem+json (400) and one English sentence per field ({@link #explain}); on a page
 * with the form again (422), what was typed still in it and each error next to its field, drawn by the
 * feature's {@link FormPage}. A kind may answer with another status where 400/422 would mislead.
 */
public abstract class InvalidInput extends RuntimeException {

    /** Field name to problem code, in the order the fields were checked. */
    public final Map<String, String> problems;

    protected InvalidInput(String what, Map<String, String> problems) {
        super(what + ": " + problems, null, false, false);
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    /** The problem+json title, e.g. "Invalid event". */
    protected abstract String title();

    /** What the API says about one field's problem: {@link #common} unless the kind words it itself. */
    protected String explain(String field, String code) {
        return common(code);
    }

    /** The API's words for the problems every kind shares. */
    protected static String common(String code) {
        return switch (code) {
            case "required" -> "required";
            case "too_long" -> "too long";
            case "invalid_chars" -> "contains control characters";
            default -> "not one of the allowed values";
        };
    }

    /** The answer under /api. */
    public Response problem() {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, code) -> errors.put(field, explain(field, code)));
        return Problem.response(400, title(), "Some fields are missing or invalid.", errors);
    }

    /** The status of the page that shows the form again. */
    public int pageStatus() {
        return 422;
    }
}
