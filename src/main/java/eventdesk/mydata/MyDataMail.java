package eventdesk.mydata;

import eventdesk.mail.MailRenderer;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutgoingMail;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Kst;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The mail with the link to a person's own page ({@code {base}/me/{secret}}), in the language of their
 * latest registration. It belongs to that registration in the outbox, so erasing the person's data
 * forgets it too.
 */
@ApplicationScoped
public class MyDataMail implements MailRenderer {

    public enum Kind { MY_DATA_LINK }

    static final String PATH = "/me/";
    static final String LINK = "link", UNTIL = "until", LANG = "lang";

    @Inject
    EventdeskConfig config;
    @Inject
    Outbox outbox;

    @CheckedTemplate
    static class Templates {
        /** {@code MyDataMail/link.html} or {@code .txt}, by the selected variant. */
        static native TemplateInstance link(String lang, String subject, String link, String until);
    }

    /** Writes the mail into the outbox, in the caller's transaction. */
    void link(long registrationId, String recipient, String lang, String secret, Instant until) {
        outbox.enqueue(new OutgoingMail(Kind.MY_DATA_LINK, registrationId, recipient, texts(lang).mail_subject(),
                Map.of(LINK, config.baseUrl() + PATH + secret, UNTIL, until.toString(), LANG, lang)));
    }

    @Override
    public boolean renders(String kind) {
        return MailRenderer.isOneOf(Kind.values(), kind);
    }

    @Override
    public Rendered render(String kind, long ownerId, Map<String, String> p) {
        String lang = p.get(LANG);
        Locale locale = Locale.forLanguageTag(lang);
        String until = Kst.dateTime(Instant.parse(p.get(UNTIL)), locale);
        return MailRenderer.pair(() -> Templates.link(lang, texts(lang).mail_subject(), p.get(LINK), until), locale);
    }

    private static MyDataTexts texts(String lang) {
        return MessageBundles.get(MyDataTexts.class, Localized.Literal.of(lang));
    }
}
