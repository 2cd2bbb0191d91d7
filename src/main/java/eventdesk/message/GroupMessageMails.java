package eventdesk.message;

import eventdesk.mail.MailRenderer;
import eventdesk.mail.OutgoingMail;
import eventdesk.registration.AccessToken;
import eventdesk.registration.MarketingConsent;
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
 *
 * <p>A promotional message goes out only while its recipient's marketing consent stands (one withdrawn
 * since the message was written drops the mail); it ends with its sender and the unsubscribe link, and
 * carries List-Unsubscribe and List-Unsubscribe-Post so mail clients offer one-click unsubscribe.
 */
@ApplicationScoped
public class GroupMessageMails implements MailRenderer {

    public enum Kind { GROUP_MESSAGE }

    static final String MESSAGE = "message";

    @Inject
    EventdeskConfig config;
    @Inject
    Clock clock;
    @Inject
    RegistrationMails registrationMails;
    @Inject
    MarketingConsent marketing;

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
        boolean promotional = message.purpose == MessagePurpose.PROMOTIONAL;
        if (promotional && !r.hasMarketingConsent()) throw new NotDue("promotional, and the recipient has no marketing consent now");
        Locale locale = r.locale();
        String manageUrl = config.baseUrl() + "/manage/" + AccessToken.issue(r, AccessToken.Purpose.MANAGE, Instant.now(clock));
        RegistrationMails.View view = registrationMails.view(r, message.subject(locale), manageUrl);
        if (promotional) view = view.promotional(marketing.sender());
        RegistrationMails.View shown = view;
        String text = message.body(locale);
        Rendered mail = MailRenderer.pair(() -> Templates.groupMessage(shown, text, LinkedText.of(text)), locale);
        return promotional ? mail.withHeaders(MarketingConsent.headers(view.unsubscribeUrl())) : mail;
    }
}
