package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.web.EmailAddress;
import eventdesk.web.InvalidInput;
import eventdesk.web.Kst;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a request for invitation codes must be, from the admin API or the codes page: 1 to
 * {@value #MAX_COUNT} codes, of one of the event's ticket types (required when it has types), for an
 * address that can be mailed when one is given, expiring at a plausible time when one is given. Or, with
 * {@code emails}, one personal code for each of 1 to {@value #MAX_COUNT} distinct addresses (then without
 * {@code count} and {@code email}), every address one that can be mailed.
 */
public final class CodeForm {

    static final int MAX_COUNT = 500;

    private CodeForm() {
    }

    /**
     * What {@code POST /codes} asks for: how many codes, of which type, optionally for one email and until when;
     * or, with {@code emails}, one code for each address, mailed to it.
     */
    public static class CodeRequest {
        public Integer count;
        public String ticketType;
        public String email;
        public OffsetDateTime expiresAt;
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Addresses to mail one personal code each"
                + " (only that address can use it); duplicates get one code. Leave out count and email with it.")
        public List<String> emails;

        /** Whether codes go to a list of addresses rather than being counted. */
        boolean mailed() {
            return emails != null;
        }
    }

    /**
     * The addresses of a textarea, as typed: one per line (commas and semicolons separate too); blank
     * lines are skipped.
     */
    static List<String> lines(String typed) {
        List<String> lines = new ArrayList<>();
        if (typed == null) return lines;
        for (String part : typed.split("[\\r\\n,;]+")) if (!part.isBlank()) lines.add(part.strip());
        return lines;
    }

    /** The distinct addresses to mail, as the mailer sends them, in the order first given; the list must be checked first. */
    static List<String> addresses(List<String> emails) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String e : emails) distinct.add(Registration.normalizeEmail(email(e)));
        return List.copyOf(distinct);
    }

    /** The addresses of the list that cannot be mailed, as given. */
    static List<String> unmailable(List<String> emails) {
        return emails.stream().filter(e -> e == null || email(e) == null).map(e -> e == null ? "null" : e).toList();
    }

    /** The request makes no codes. {@code typed} is the codes page's form as typed (null from the API). */
    public static final class Invalid extends InvalidInput {
        /** How many of the addresses that cannot be mailed a message names. */
        static final int NAMED = 20;

        public final String slug;
        public final transient CodesResource.CodeFields typed;
        /** The addresses of {@code emails} that cannot be mailed, as given. */
        public final List<String> unmailable;

        Invalid(String slug, CodesResource.CodeFields typed, Map<String, String> problems, List<String> unmailable) {
            super("invalid codes", problems);
            this.slug = slug;
            this.typed = typed;
            this.unmailable = List.copyOf(unmailable);
        }

        /** The addresses that cannot be mailed, named in a message: the first {@value #NAMED}, then how many more. */
        public String unmailableText() {
            String named = String.join(", ", unmailable.stream().limit(NAMED)
                    .map(a -> a.length() > 80 ? a.substring(0, 80) + "…" : a).toList());
            return unmailable.size() > NAMED ? named + " (+" + (unmailable.size() - NAMED) + ")" : named;
        }

        @Override
        protected String title() {
            return "Invalid codes";
        }

        @Override
        protected String explain(String field, String code) {
            return switch (code) {
                case "count" -> "a whole number from 1 to " + MAX_COUNT;
                case "required" -> field.equals("emails") ? "required: at least one address" : "required: the event has ticket types";
                case "invalid_email" -> "not an email address that can be mailed";
                case "datetime" -> "an ISO-8601 date-time with offset is required";
                case "unmailable" -> "these addresses cannot be mailed, so no code was made: " + unmailableText();
                case "too_many" -> "at most " + MAX_COUNT + " addresses at a time";
                case "with_emails" -> "leave it out with emails: each address gets one code";
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
        if (!problems.isEmpty()) throw new Invalid(event.slug, typed, problems, in.emails == null ? List.of() : unmailable(in.emails));
    }

    /**
     * Field name to problem code ({@code count}, {@code required}, {@code invalid_choice}, {@code invalid_email},
     * {@code datetime}; for {@code emails} {@code unmailable} and {@code too_many}, and {@code with_emails} for a
     * count or email given with them). A blank ticket type is read as none.
     */
    static Map<String, String> problems(Event event, CodeRequest in) {
        Map<String, String> p = new LinkedHashMap<>();
        if (in.mailed()) {
            if (in.count != null) p.put("count", "with_emails");
            if (in.email != null && !in.email.isBlank()) p.put("email", "with_emails");
            if (in.emails.isEmpty()) p.put("emails", "required");
            else if (!unmailable(in.emails).isEmpty()) p.put("emails", "unmailable");
            else if (addresses(in.emails).size() > MAX_COUNT) p.put("emails", "too_many");
        } else if (in.count == null || in.count < 1 || in.count > MAX_COUNT) {
            p.put("count", "count");
        }
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
