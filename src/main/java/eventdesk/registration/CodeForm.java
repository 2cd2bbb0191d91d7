package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.web.EmailAddress;
import eventdesk.web.InvalidInput;
import eventdesk.web.Kst;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a request for invitation codes must be, from the admin API or the codes page: 1 to
 * {@value #MAX_COUNT} codes, of one of the event's ticket types (required when it has types), for an
 * address that can be mailed when one is given, expiring at a plausible time when one is given.
 */
public final class CodeForm {

    static final int MAX_COUNT = 500;

    private CodeForm() {
    }

    /** What {@code POST /codes} asks for: how many codes, of which type, optionally for one email and until when. */
    public static class CodeRequest {
        public Integer count;
        public String ticketType;
        public String email;
        public OffsetDateTime expiresAt;
    }

    /** The request makes no codes. {@code typed} is the codes page's form as typed (null from the API). */
    public static final class Invalid extends InvalidInput {
        public final String slug;
        public final transient CodesResource.CodeFields typed;

        Invalid(String slug, CodesResource.CodeFields typed, Map<String, String> problems) {
            super("invalid codes", problems);
            this.slug = slug;
            this.typed = typed;
        }

        @Override
        protected String title() {
            return "Invalid codes";
        }

        @Override
        protected String explain(String field, String code) {
            return switch (code) {
                case "count" -> "a whole number from 1 to " + MAX_COUNT;
                case "required" -> "required: the event has ticket types";
                case "invalid_email" -> "not an email address that can be mailed";
                case "datetime" -> "an ISO-8601 date-time with offset is required";
                default -> "not one of the event's ticket types";
            };
        }
    }

    /**
     * Refuses a request that cannot make codes: with the fields the page could not read ({@code unreadable})
     * and what {@link #problems} finds, and the page's form as typed (null from the API).
     */
    static void check(Event event, CodeRequest in, Map<String, String> unreadable, CodesResource.CodeFields typed) {
        Map<String, String> problems = new LinkedHashMap<>(unreadable);
        problems(event, in).forEach(problems::putIfAbsent);
        if (!problems.isEmpty()) throw new Invalid(event.slug, typed, problems);
    }

    /**
     * Field name to problem code ({@code count}, {@code required}, {@code invalid_choice}, {@code invalid_email},
     * {@code datetime}). A blank ticket type is read as none.
     */
    static Map<String, String> problems(Event event, CodeRequest in) {
        Map<String, String> p = new LinkedHashMap<>();
        if (in.count == null || in.count < 1 || in.count > MAX_COUNT) p.put("count", "count");
        if (in.ticketType == null || in.ticketType.isBlank()) {
            if (event.hasTypes()) p.put("ticketType", "required");
            in.ticketType = null;
        } else if (event.type(in.ticketType).isEmpty()) {
            p.put("ticketType", "invalid_choice");
        }
        if (in.email != null && !in.email.isBlank() && email(in.email) == null) p.put("email", "invalid_email");
        if (in.expiresAt != null && !Kst.plausible(in.expiresAt)) p.put("expiresAt", "datetime");
        return p;
    }

    /** The email as the mailer sends it, null when none is given (or it cannot be mailed). */
    static String email(String typed) {
        return typed == null || typed.isBlank() ? null : EmailAddress.normalize(typed.strip()).orElse(null);
    }
}
