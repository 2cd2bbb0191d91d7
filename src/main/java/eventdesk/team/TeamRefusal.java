package eventdesk.team;

import eventdesk.web.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** A team API request refused for what it asks (bad input, unknown member, taken email): nothing changed. */
public class TeamRefusal extends RuntimeException {

    final int status;
    final Map<String, String> errors;

    TeamRefusal(int status, String detail, Map<String, String> errors) {
        super(detail);
        this.status = status;
        this.errors = errors;
    }

    /** 400 (bad input, or an OWNER acting on their own account), 404 (no such member or token) or 409 (email taken). */
    public int status() {
        return status;
    }

    /** Field name to what is wrong with it (English); empty when the refusal names no field. */
    public Map<String, String> fields() {
        return errors == null ? Map.of() : errors;
    }

    static TeamRefusal badInput(Map<String, String> errors) {
        return new TeamRefusal(400, "Some fields are missing or not valid: " + String.join(" ", errors.values()), errors);
    }

    static TeamRefusal notFound(String what) {
        return new TeamRefusal(404, "No such " + what + ".", null);
    }

    /** Answers the refusal as problem+json. */
    public static class Mapper {
        @ServerExceptionMapper
        public Response map(TeamRefusal e) {
            String title = switch (e.status) {
                case 400 -> "Invalid request";
                case 404 -> "Not found";
                case 409 -> "Conflict";
                default -> "Refused";
            };
            return Problem.response(e.status, title, e.getMessage(), e.errors);
        }
    }
}
