package eventdesk.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** RFC 9457 problem details, the API's error body. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Response response(int status, String title, String detail, Map<String, String> fieldErrors) {
        List<FieldError> errors = fieldErrors == null ? null
                : fieldErrors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, errors)).build();
    }
}
