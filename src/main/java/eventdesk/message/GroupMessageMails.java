package eventdesk.message;

import eventdesk.mail.MailRenderer;
import eventdesk.mail.OutgoingMail;
import eventdesk.registration.AccessToken;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationMails;
import eventdesk.web.EventdeskConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
        Registration r = RegistrationMails.recipient(registrationId);
        GroupMessage message = GroupMessage.findById(Long.parseLong(params.get(MESSAGE)));
        if (message == null) throw new IllegalStateException("message " + params.get(MESSAGE) + " is gone");
        Locale locale = r.locale();
        String manageUrl = config.baseUrl() + "/manage/" + AccessToken.issue(r, AccessToken.Purpose.MANAGE, Instant.now(clock));
        RegistrationMails.View view = RegistrationMails.View.of(r, message.subject(locale), manageUrl, config.baseUrl());
        String text = message.body(locale);
        return MailRenderer.pair(() -> Templates.groupMessage(view, text, LinkedText.of(text)), locale);
    }
}
