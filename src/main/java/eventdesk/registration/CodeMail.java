package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.mail.MailRenderer;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutgoingMail;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Kst;
import eventdesk.web.Msg;
import eventdesk.web.TicketMsg;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mail that brings one person their personal invitation code ({@code mail/invitationCode.html} and
 * {@code .txt}): the event, the code, until when it works and the sign-up link with the code filled in,
 * in Korean and English (nobody has chosen a language yet). It is written to the outbox with the code, in
 * the same transaction, so a code made is a code mailed. The outbox keeps the code in the row only until
 * the mail is sent, as it keeps the links of every other mail.
 */
@ApplicationScoped
public class CodeMail implements MailRenderer {

    public enum Kind { INVITATION_CODE }

    static final String EVENT = "event", CODE = "code", TYPE = "type", UNTIL = "until";

    @Inject
    EventdeskConfig config;
    @Inject
    Outbox outbox;

    /** One language's text of the mail. */
    public record Text(String lang, String subject, String invited, String use, String until, String button,
                       String whenLabel, String when, String whereLabel, String where, String typeLabel, String type,
                       String footer) {
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        /** {@code mail/invitationCode.html} or {@code .txt}, by the selected variant. */
        static native TemplateInstance invitationCode(List<Text> texts, String code, String link);
    }

    /** Writes the mail with {@code code} (as people type it) for {@code email} into the outbox, in the caller's transaction. */
    void send(Event event, String typeKey, String email, String code, Instant expiresAt) {
        Map<String, String> params = new HashMap<>();
        params.put(EVENT, Long.toString(event.id));
        params.put(CODE, code);
        if (typeKey != null) params.put(TYPE, typeKey);
        if (expiresAt != null) params.put(UNTIL, expiresAt.toString());
        outbox.enqueue(new OutgoingMail(Kind.INVITATION_CODE, 0, email, subject(event), Map.copyOf(params)));
    }

    @Override
    public boolean renders(String kind) {
        return MailRenderer.isOneOf(Kind.values(), kind);
    }

    @Override
    public Rendered render(String kind, long ownerId, Map<String, String> p) {
        Event event = Event.findById(Long.parseLong(p.get(EVENT)));
        if (event == null) throw new IllegalStateException("event " + p.get(EVENT) + " is gone");
        Instant until = p.containsKey(UNTIL) ? Instant.parse(p.get(UNTIL)) : null;
        List<Text> texts = List.of("ko", "en").stream().map(lang -> text(event, p.get(TYPE), until, lang)).toList();
        String link = config.baseUrl() + "/events/" + event.slug + "?code=" + p.get(CODE);
        return MailRenderer.pair(() -> Templates.invitationCode(texts, p.get(CODE), link), null);
    }

    private static Text text(Event e, String typeKey, Instant until, String lang) {
        Locale locale = Locale.forLanguageTag(lang);
        TicketMsg tix = tix(lang);
        Msg msg = MessageBundles.get(Msg.class, Localized.Literal.of(lang));
        String title = e.title(locale);
        String type = typeKey == null ? null : e.type(typeKey).map(t -> t.name(locale)).orElse(null);
        return new Text(lang, tix.mail_code_subject(title), tix.mail_code_text(title), tix.mail_code_use(),
                until == null ? null : tix.mail_code_until(Kst.dateTime(until, locale)), tix.mail_code_button(),
                msg.event_when(), Kst.range(e.startsAt, e.endsAt, locale), msg.event_where(), e.venue + ", " + e.address,
                tix.field_type(), type, tix.mail_code_footer());
    }

    /** Korean first, then English, as the mail itself. */
    private static String subject(Event e) {
        return tix("ko").mail_code_subject(e.title(Locale.KOREAN)) + " / " + tix("en").mail_code_subject(e.title(Locale.ENGLISH));
    }

    private static TicketMsg tix(String lang) {
        return MessageBundles.get(TicketMsg.class, Localized.Literal.of(lang));
    }
}
