package eventdesk.message;

import eventdesk.event.Event;
import eventdesk.web.FormReader;
import eventdesk.web.InvalidInput;
import eventdesk.web.PlainText;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message as the API and the form send it. {@link #problems} names each bad field with a code
 * (the API and the pages word it): a group that is not offered, no subject or text in either
 * language, too long, control characters, no idempotency key.
 */
public class MessageInput {

    static final int SUBJECT_MAX = 200, BODY_MAX = 10000, KEY_MAX = 100;

    /** The message is not sent: field → problem code, with the message as typed for the form shown again. */
    public static final class Invalid extends InvalidInput {
        public final String slug;
        public final transient MessageInput typed;

        Invalid(String slug, MessageInput typed, Map<String, String> problems) {
            super("invalid message", problems);
            this.slug = slug;
            this.typed = typed;
        }

        @Override
        protected String title() {
            return "Invalid message";
        }

        @Override
        protected String explain(String field, String code) {
            return switch (code) {
                case "required", "too_long", "invalid_chars" -> common(code);
                case "group_not_yet" -> "NOT_CHECKED_IN is offered once the event has started";
                default -> "one of ACTIVE, PENDING, CONFIRMED, WAITLISTED, CHECKED_IN, NOT_CHECKED_IN";
            };
        }
    }

    /** The form as posted (the preview posts it again, hidden). */
    static MessageInput fromForm(MultivaluedMap<String, String> form) {
        FormReader f = new FormReader(form);
        MessageInput in = new MessageInput();
        in.group = f.text("group");
        in.subject = f.text("subject");
        in.subjectKo = f.text("subjectKo");
        in.body = f.text("body");
        in.bodyKo = f.text("bodyKo");
        in.idempotencyKey = f.text("idempotencyKey");
        return in;
    }

    public String group;
    public String subject;
    public String subjectKo;
    public String body;
    public String bodyKo;
    public String idempotencyKey;

    /** Field name to problem code: {@code required}, {@code too_long}, {@code invalid_chars}, {@code group}, {@code group_not_yet}. */
    public Map<String, String> problems(Event event, Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        RecipientGroup g = RecipientGroup.parse(group);
        if (group == null || group.isBlank()) problems.put("group", "required");
        else if (g == null) problems.put("group", "group");
        else if (!g.offeredFor(event, now)) problems.put("group", "group_not_yet");
        text(problems, "subject", subject, subjectKo, SUBJECT_MAX, false);
        text(problems, "body", body, bodyKo, BODY_MAX, true);
        if (idempotencyKey == null || idempotencyKey.isBlank()) problems.put("idempotencyKey", "required");
        else if (idempotencyKey.length() > KEY_MAX) problems.put("idempotencyKey", "too_long");
        else if (PlainText.hasForbidden(idempotencyKey, false)) problems.put("idempotencyKey", "invalid_chars");
        return problems;
    }

    /** One language may be blank (it falls back to the other); both blank is an error on the English field. */
    private static void text(Map<String, String> problems, String field, String en, String ko, int max, boolean multiLine) {
        check(problems, field, en, max, multiLine);
        check(problems, field + "Ko", ko, max, multiLine);
        if (blank(en) && blank(ko)) problems.putIfAbsent(field, "required");
    }

    private static void check(Map<String, String> problems, String field, String value, int max, boolean multiLine) {
        if (value == null) return;
        if (value.length() > max) problems.put(field, "too_long");
        else if (PlainText.hasForbidden(value, multiLine)) problems.put(field, "invalid_chars");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
