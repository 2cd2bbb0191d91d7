package eventdesk.message;

import eventdesk.event.Event;
import eventdesk.mail.MailRenderer;
import eventdesk.mail.OutgoingMail;
import eventdesk.registration.AccessToken;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationMails;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Kst;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The mail of a group message ({@code mail/groupMessage.html} and {@code .txt}, in the mail layout):
 * the organizer's subject and text in the recipient's language (a blank one falls back to the other
 * language), the text's links made clickable in HTML and nothing else of it interpreted, the event
 * and a fresh manage link. The outbox row holds only the message id; the text is read from the
 * message when the mail is sent.
 */
@ApplicationScoped
public class GroupMessageMails implements MailRenderer {

    public enum Kind { GROUP_MESSAGE }

    static final String MESSAGE = "message";

    @Inject
    EventdeskConfig config;
    @Inject
    Clock clock;

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance groupMessage(RegistrationMails.View m, String text, LinkedText html);
    }

    OutgoingMail mail(GroupMessage message, long registrationId, String email, String subject) {
        return new OutgoingMail(Kind.GROUP_MESSAGE, registrationId, email, subject, Map.of(MESSAGE, Long.toString(message.id)));
    }

    @Override
    public boolean renders(String kind) {
        return Kind.GROUP_MESSAGE.name().equals(kind);
    }

    @Override
    public Rendered render(String kind, long registrationId, Map<String, String> params) {
        Registration r = Registration.findById(registrationId);
        if (r == null) throw new IllegalStateException("registration " + registrationId + " is gone");
        GroupMessage message = GroupMessage.findById(Long.parseLong(params.get(MESSAGE)));
        if (message == null) throw new IllegalStateException("message " + params.get(MESSAGE) + " is gone");
        Locale locale = r.locale();
        Event e = r.event;
        String manageUrl = config.baseUrl() + "/manage/" + AccessToken.issue(r, AccessToken.Purpose.MANAGE, Instant.now(clock));
        RegistrationMails.View view = new RegistrationMails.View(r.locale, message.subject(locale), r.name, e.title(locale),
                Kst.range(e.startsAt, e.endsAt, locale), e.venue + ", " + e.address, manageUrl,
                config.baseUrl() + "/events/" + e.slug, r.ticketType == null ? null : r.ticketType.name(locale));
        String text = message.body(locale);
        return new Rendered(render(Templates.groupMessage(view, text, LinkedText.of(text)), locale, Variant.TEXT_HTML),
                render(Templates.groupMessage(view, text, LinkedText.of(text)), locale, Variant.TEXT_PLAIN), null, null, null);
    }

    private static String render(TemplateInstance t, Locale locale, String contentType) {
        return t.setLocale(locale).setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType))
                .render();
    }
}
