package eventdesk.message;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.mail.OutboxMessage;
import eventdesk.registration.MarketingConsent;
import eventdesk.team.Caller;
import eventdesk.web.FormPage;
import eventdesk.web.InvalidInput;
import eventdesk.web.Lang;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The organizer's messages to a group of one event: the list of what was sent, a form, a preview
 * with both languages and the exact count, and a confirm button. The form carries an idempotency
 * key made when it was opened, so a double click or a reload of the confirm POST sends nothing more.
 * After the event, "thank you for coming" and "sorry we missed you" open the form filled in.
 */
@Needs(Role.MANAGER)
@Path("/admin/events/{slug}/messages")
@Produces(MediaType.TEXT_HTML)
public class MessageResource implements FormPage {

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    MessageService messages;
    @Inject
    SecurityIdentity identity;
    @Inject
    Caller caller;
    @Inject
    AccessLog accessLog;
    @Inject
    MarketingConsent marketing;

    /** The event a message page is about, the groups offered now, and who promotional mail names as its sender. */
    public record Head(String slug, String title, String when, boolean started, List<RecipientGroup> groups,
                       MarketingConsent.Sender sender) {

        public String adMark() {
            return GroupMessage.AD_MARK;
        }
    }

    public record Row(long id, String when, RecipientGroup group, int recipients, String subject, String sentBy,
                      MessagePurpose purpose) {

        public boolean promotional() {
            return purpose == MessagePurpose.PROMOTIONAL;
        }
    }

    /** One recipient of a message; an erased one ({@code erased}) shows neither name nor email. */
    public record Recipient(String name, String email, String language, String status, String sentAt, boolean erased) {
    }

    public record Detail(Row row, String subject, String subjectKo, String body, String bodyKo, List<Recipient> recipients) {
    }

    /** One language of the preview: what its readers get (with the other language filled in where blank). */
    public record Version(String language, String subject, String body, LinkedText html) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Head e, List<Row> sent);

        static native TemplateInstance form(Head e, MessageInput in, Map<String, String> errors);

        static native TemplateInstance preview(Head e, MessageInput in, RecipientGroup group, MessageService.Reach reach,
                                               boolean promotional, List<Version> versions, boolean changed);

        static native TemplateInstance detail(Head e, Detail m, boolean sent);
    }

    @GET
    @Transactional
    public TemplateInstance list(@PathParam("slug") String slug) {
        Event e = event(slug);
        List<Row> rows = GroupMessage.ofEvent(e).stream().map(this::row).toList();
        return lang.page(Templates.list(head(e), rows));
    }

    /**
     * A new message; {@code preset=thanks|missed} fills in the after-event texts in both languages, and
     * {@code group} chooses a group offered now (the applications page links here with {@code APPLIED}).
     */
    @GET
    @Path("new")
    @Transactional
    public TemplateInstance form(@PathParam("slug") String slug, @QueryParam("preset") String preset,
                                 @QueryParam("group") String group) {
        Event e = event(slug);
        MessageInput in = new MessageInput();
        in.idempotencyKey = UUID.randomUUID().toString();
        RecipientGroup chosen = RecipientGroup.parse(group);
        if (chosen != null && chosen.offeredFor(e, Instant.now(clock))) in.group = chosen.name();
        MessageTexts en = texts("en"), ko = texts("ko");
        if ("thanks".equals(preset)) {
            in.group = RecipientGroup.CHECKED_IN.name();
            in.subject = en.preset_thanks_subject(e.title(Locale.ENGLISH));
            in.subjectKo = ko.preset_thanks_subject(e.title(Locale.KOREAN));
            in.body = en.preset_thanks_body(e.title(Locale.ENGLISH));
            in.bodyKo = ko.preset_thanks_body(e.title(Locale.KOREAN));
        } else if ("missed".equals(preset)) {
            in.group = RecipientGroup.NOT_CHECKED_IN.name();
            in.subject = en.preset_missed_subject(e.title(Locale.ENGLISH));
            in.subjectKo = ko.preset_missed_subject(e.title(Locale.KOREAN));
            in.body = en.preset_missed_body(e.title(Locale.ENGLISH));
            in.bodyKo = ko.preset_missed_body(e.title(Locale.KOREAN));
        }
        return lang.page(Templates.form(head(e), in, Map.of()));
    }

    /**
     * Back from the preview to the form, with everything as typed (and the same key); or a new message to the
     * people chosen on the attendee table ({@code registration} ids: the group {@code SELECTED}).
     */
    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public TemplateInstance edit(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        MessageInput in = MessageInput.fromForm(form);
        // From the attendee table's "write them a message": a new message, with a key of its own.
        if (in.idempotencyKey == null || in.idempotencyKey.isBlank()) in.idempotencyKey = UUID.randomUUID().toString();
        return lang.page(Templates.form(head(event(slug)), in, Map.of()));
    }

    /** Shows what each language's readers get and exactly how many people; sends nothing. */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        MessageInput in = MessageInput.fromForm(form);
        messages.check(slug, in, Instant.now(clock));
        RecipientGroup group = RecipientGroup.parse(in.group);
        MessagePurpose purpose = in.purpose();
        return lang.page(Templates.preview(headOf(slug), in, group, messages.reach(slug, group, purpose, in.registrations),
                purpose == MessagePurpose.PROMOTIONAL, versions(in), false));
    }

    /**
     * Sends (once per idempotency key) to the group, if it still has the size the preview showed;
     * then 303 to the message's record.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        MessageInput in = MessageInput.fromForm(form);
        Instant now = Instant.now(clock);
        messages.check(slug, in, now);
        String expected = form.getFirst("count");
        Long count = expected != null && expected.matches("\\d{1,9}") ? Long.valueOf(expected) : null;
        MessageService.Sent sent = messages.send(slug, in, MessageApi.sender(identity), count, now,
                caller.entry(AccessAction.SEND_MESSAGE));
        return Response.seeOther(UriBuilder.fromPath("/admin/events/{slug}/messages/{id}").queryParam("sent", true)
                .build(slug, sent.messageId())).build();
    }

    /**
     * The form again after a refused message, each error next to its field; or, when the group changed
     * size since the preview, the preview again with the new count.
     */
    @Override
    public Optional<TemplateInstance> formAgain(InvalidInput refused) {
        if (refused instanceof MessageInput.Invalid invalid) {
            return Optional.of(lang.page(Templates.form(headOf(invalid.slug), invalid.typed, errors(invalid.problems))));
        }
        if (refused instanceof MessageService.CountChanged changed) {
            MessageInput in = changed.typed;
            RecipientGroup group = RecipientGroup.parse(in.group);
            MessagePurpose purpose = in.purpose();
            return Optional.of(lang.page(Templates.preview(headOf(changed.slug), in, group, messages.reach(changed.slug, group, purpose, in.registrations),
                    purpose == MessagePurpose.PROMOTIONAL, versions(in), true)));
        }
        return Optional.empty();
    }

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance detail(@PathParam("slug") String slug, @PathParam("id") long id, @QueryParam("sent") boolean sent) {
        Event e = event(slug);
        GroupMessage m = GroupMessage.findById(id);
        if (m == null || !m.event.id.equals(e.id)) throw new NotFoundException();
        List<Recipient> recipients = MessageRecipient.getEntityManager().createQuery(
                        "select g.name, g.email, g.locale, o.status, o.sentAt, g.erasedAt from MessageRecipient r join r.registration g"
                                + " left join r.outboxMessage o where r.message = ?1 order by g.name, r.id", Object[].class)
                .setParameter(1, m).getResultList().stream()
                .map(row -> new Recipient(row[5] == null ? (String) row[0] : "", row[5] == null ? (String) row[1] : "",
                        "ko".equals(row[2]) ? "한국어" : "English", row[3] == null ? "" : ((OutboxMessage.Status) row[3]).name(),
                        row[4] == null ? "" : lang.dateTime((Instant) row[4]), row[5] != null)).toList();
        accessLog.record(caller.entry(AccessAction.VIEW_ATTENDEES).forEvent(e.slug)
                .withFilter("message=" + m.id, recipients.size()));
        String subjectKo = m.subjectKo == null ? null : m.subject(Locale.KOREAN);
        return lang.page(Templates.detail(head(e), new Detail(row(m), m.subject, subjectKo, m.body, m.bodyKo, recipients), sent));
    }

    private Row row(GroupMessage m) {
        return new Row(m.id, lang.dateTime(m.createdAt), m.recipientGroup, m.recipientCount, m.subject(lang.locale()), m.sentBy,
                m.purpose);
    }

    private List<Version> versions(MessageInput in) {
        GroupMessage m = new GroupMessage();
        m.subject = in.subject;
        m.subjectKo = in.subjectKo;
        m.body = in.body;
        m.bodyKo = in.bodyKo;
        m.purpose = in.purpose();
        return List.of(version(m, Locale.KOREAN, "한국어"), version(m, Locale.ENGLISH, "English"));
    }

    private static Version version(GroupMessage m, Locale locale, String language) {
        String body = m.body(locale).strip();
        return new Version(language, m.subject(locale).strip(), body, LinkedText.of(body));
    }

    private Event event(String slug) {
        return Event.bySlug(slug).orElseThrow(NotFoundException::new);
    }

    @Transactional
    Head headOf(String slug) {
        return head(event(slug));
    }

    private Head head(Event e) {
        Instant now = Instant.now(clock);
        return new Head(e.slug, e.title(lang.locale()), lang.range(e.startsAt, e.endsAt), !now.isBefore(e.startsAt),
                RecipientGroup.offered(e, now), marketing.sender());
    }

    private static MessageTexts texts(String language) {
        return MessageBundles.get(MessageTexts.class, Localized.Literal.of(language));
    }

    private Map<String, String> errors(Map<String, String> problems) {
        MessageTexts t = texts(lang.code());
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, code) -> errors.put(field, switch (code) {
            case "required" -> field.equals("group") ? t.error_group() : field.equals("idempotencyKey") ? t.error_reload()
                    : field.startsWith("subject") ? t.error_subject_required() : t.error_body_required();
            case "too_long" -> field.equals("idempotencyKey") ? t.error_reload() : t.error_too_long();
            case "invalid_chars" -> field.equals("idempotencyKey") ? t.error_reload() : t.error_invalid_chars();
            case "group_not_yet" -> t.error_group_not_yet();
            case "group_not_offered" -> t.error_group_not_offered();
            case "purpose" -> t.error_purpose();
            default -> t.error_group();
        }));
        return errors;
    }
}
