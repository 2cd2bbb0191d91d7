package eventdesk.admin;

import eventdesk.event.Event;
import eventdesk.web.EmailAddress;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What is wrong with a request for invitation codes, from the admin API or the codes page. */
final class CodeForm {

    static final int MAX_COUNT = 500;

    private CodeForm() {
    }

    /** Field name to problem code ({@code count}, {@code required}, {@code invalid_choice}, {@code invalid_email}, {@code datetime}). */
    static Map<String, String> problems(Event event, AdminApi.CodeRequest in, Instant now) {
        Map<String, String> p = new LinkedHashMap<>();
        if (in.count == null || in.count < 1 || in.count > MAX_COUNT) p.put("count", "count");
        if (in.ticketType == null || in.ticketType.isBlank()) {
            if (event.hasTypes()) p.put("ticketType", "required");
            in.ticketType = null;
        } else if (event.type(in.ticketType).isEmpty()) {
            p.put("ticketType", "invalid_choice");
        }
        if (in.email != null && !in.email.isBlank() && email(in.email) == null) p.put("email", "invalid_email");
        if (in.expiresAt != null && !EventInput.plausible(in.expiresAt)) p.put("expiresAt", "datetime");
        return p;
    }

    /** The email as the mailer sends it, null when none is given (or it cannot be mailed). */
    static String email(String typed) {
        return typed == null || typed.isBlank() ? null : EmailAddress.normalize(typed.strip()).orElse(null);
    }
}
