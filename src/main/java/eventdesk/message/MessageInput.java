package eventdesk.message;

import eventdesk.event.Event;
import eventdesk.web.FormReader;
import eventdesk.web.InvalidInput;
import eventdesk.web.PlainText;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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
                case "group_not_offered" -> "APPLIED is offered for an event whose sign-ups wait for approval (not for a draw)";
                case "purpose" -> "TRANSACTIONAL (the default) or PROMOTIONAL";
                default -> "one of ACTIVE, PENDING, CONFIRMED, WAITLISTED, APPLIED, CHECKED_IN, NOT_CHECKED_IN";
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
        in.purpose = f.text("purpose");
        in.registrations = ids(form.get("registration"));
        if (!in.registrations.isEmpty() && (in.group == null || in.group.isBlank())) in.group = RecipientGroup.SELECTED.name();
        return in;
    }

    /** Registration ids of a form (the people ticked on the attendee table); anything else is left out. */
    static List<Long> ids(List<String> values) {
        if (values == null) return List.of();
        return values.stream().filter(v -> v != null && v.matches("\\d{1,18}")).map(Long::valueOf).distinct().toList();
    }

    @Schema(description = "Who gets it: ACTIVE (pending, confirmed and waitlisted), PENDING, CONFIRMED, WAITLISTED, APPLIED"
            + " (applicants waiting for the organizer's approval; in an event that asks for approval, not in a draw),"
            + " CHECKED_IN, NOT_CHECKED_IN (confirmed, not checked in; once the event has started)",
            enumeration = {"ACTIVE", "PENDING", "CONFIRMED", "WAITLISTED", "APPLIED", "CHECKED_IN", "NOT_CHECKED_IN"})
    public String group;
    public String subject;
    public String subjectKo;
    public String body;
    public String bodyKo;
    public String idempotencyKey;
    /**
     * {@code TRANSACTIONAL} (the default: about the event, to everyone in the group) or {@code PROMOTIONAL}
     * (advertising: only to people whose marketing consent stands, marked as such).
     */
    @Schema(description = "TRANSACTIONAL (default): about the event, to everyone in the group. PROMOTIONAL: advertising,"
            + " only to those in the group who agreed to news by email and have not withdrawn; the Korean subject starts"
            + " with (광고), the mail ends with the sender (eventdesk.sender.name, .contact) and an unsubscribe link, and"
            + " carries List-Unsubscribe and List-Unsubscribe-Post (one-click).",
            enumeration = {"TRANSACTIONAL", "PROMOTIONAL"}, defaultValue = "TRANSACTIONAL")
    public String purpose;
    /** For the group {@code SELECTED} (from the attendee table's pages only): the registrations it names. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    @Schema(hidden = true)
    public List<Long> registrations = List.of();

    /** The purpose as chosen; blank is {@code TRANSACTIONAL}; null for anything else ({@link #problems} names it). */
    MessagePurpose purpose() {
        if (purpose == null || purpose.isBlank()) return MessagePurpose.TRANSACTIONAL;
        for (MessagePurpose p : MessagePurpose.values()) if (p.name().equals(purpose)) return p;
        return null;
    }

    /**
     * Field name to problem code: {@code required}, {@code too_long}, {@code invalid_chars}, {@code group},
     * {@code group_not_yet}, {@code group_not_offered}, {@code purpose}.
     */
    public Map<String, String> problems(Event event, Instant now) {
        Map<String, String> problems = new LinkedHashMap<>();
        RecipientGroup g = RecipientGroup.parse(group);
        if (group == null || group.isBlank()) problems.put("group", "required");
        else if (g == null) problems.put("group", "group");
        else if (g == RecipientGroup.SELECTED) {
            if (registrations == null || registrations.isEmpty() || registrations.size() > RecipientGroup.MAX_SELECTED) problems.put("group", "group");
        } else if (!g.offeredFor(event, now)) problems.put("group", g == RecipientGroup.APPLIED ? "group_not_offered" : "group_not_yet");
        if (purpose() == null) problems.put("purpose", "purpose");
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
