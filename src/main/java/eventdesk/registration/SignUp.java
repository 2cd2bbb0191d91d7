package eventdesk.registration;

import eventdesk.web.EmailAddress;
import eventdesk.web.MailableEmail;
import eventdesk.web.PlainText;
import eventdesk.web.VisibleText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a person submits, from the HTML form or the JSON API. Validation messages are codes
 * (error_required, ...) that pages translate; nothing here is trusted before {@code validate}.
 */
public class SignUp {

    /** No control characters and no markup in names: they end up in mails, badges and CSV. */
    static final String PLAIN_TEXT = PlainText.NAME_PATTERN;

    @NotBlank(message = "required")
    @VisibleText
    @Size(max = 100, message = "too_long")
    @Pattern(regexp = PLAIN_TEXT, message = "invalid_chars")
    public String name;

    @NotBlank(message = "required")
    @Size(max = 254, message = "too_long")
    @MailableEmail
    public String email;

    @NotBlank(message = "required")
    @VisibleText
    @Size(max = 100, message = "too_long")
    @Pattern(regexp = PLAIN_TEXT, message = "invalid_chars")
    public String affiliation;

    @NotBlank(message = "required")
    @Pattern(regexp = "FOUNDER|DEVELOPER|INVESTOR|STUDENT|OTHER", message = "invalid_choice")
    public String role;

    @Pattern(regexp = "ko|en", message = "invalid_choice")
    public String locale;

    /** Agreement to the sign-up notice ({@link ConsentNotice}); the API description states its text. */
    @AssertTrue(message = "consent_required")
    @Schema(description = "Must be true: the person agrees to the sign-up notice (purpose, items, retention, the right to"
            + " refuse: refusing means no registration).")
    public boolean consent;

    /** The separate, optional consent to news by email. */
    @Schema(description = "Optional: the person ticked a separate, unticked box agreeing to news of future events by email.")
    public boolean marketingConsent;

    /** The key of the chosen ticket type, where the event has types (a code may choose it instead). */
    @Size(max = 32, message = "invalid_choice")
    @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "invalid_choice")
    public String ticketType;

    /** An invitation code, as typed (case, spaces and hyphens do not matter). */
    @Size(max = 40, message = "code")
    @Pattern(regexp = "[A-Za-z0-9\\s\\-]*", message = "code")
    public String code;

    /** Answers to the event's custom questions by question key; checked against the questions by {@link Answers}. */
    @Schema(description = "Answers to the event's questions (GET /api/events/{slug} lists them) by question key: text,"
            + " a choice key, an array of choice keys (MULTI_CHOICE), true/false (YES_NO) or a number (NUMBER); string"
            + " forms are accepted. A missing or invalid answer is a field error named answers.<key>.",
            example = "{\"company\": \"Toss\", \"stage\": \"seed\", \"tracks\": [\"ai\", \"web\"], \"lunch\": true, \"team-size\": 12}")
    public Map<String, Object> answers;

    /** Reads the HTML form; a checked box sends "true". */
    public static SignUp fromForm(MultivaluedMap<String, String> fields) {
        SignUp s = new SignUp();
        s.name = fields.getFirst("name");
        s.email = fields.getFirst("email");
        s.affiliation = fields.getFirst("affiliation");
        s.role = fields.getFirst("role");
        s.locale = fields.getFirst("locale");
        s.consent = "true".equals(fields.getFirst("consent"));
        s.marketingConsent = "true".equals(fields.getFirst("marketingConsent"));
        s.ticketType = fields.getFirst("ticketType");
        s.code = fields.getFirst("code");
        s.answers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            if (!field.getKey().startsWith(Answers.FIELD_PREFIX) || field.getValue().isEmpty()) continue;
            String key = field.getKey().substring(Answers.FIELD_PREFIX.length());
            // Checkboxes of a multiple choice send one field per ticked box.
            List<String> values = field.getValue().stream().filter(v -> v != null && !v.isEmpty()).toList();
            if (!values.isEmpty()) s.answers.put(key, values.size() == 1 ? values.get(0) : values);
        }
        return s;
    }

    /** Leading and trailing blanks are not part of what people mean to type. */
    void strip() {
        name = name == null ? null : name.strip();
        // As the mailer sends it (IDN domain in punycode); an address that cannot be mailed stays as typed for its error.
        email = email == null ? null : EmailAddress.normalize(email).orElse(email.strip());
        affiliation = affiliation == null ? null : affiliation.strip();
        ticketType = ticketType == null || ticketType.isBlank() ? null : ticketType.strip();
        code = code == null || code.isBlank() ? null : code.strip();
    }
}
