package eventdesk.team;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mail that invites a new member: who invited them, as what, and the one link that opens their
 * account ({@code {base}/admin/invitation/{secret}}), in Korean and English (an account has no
 * language). It is written to the outbox in the caller's transaction, so it leaves only with the
 * invitation it carries.
 */
@ApplicationScoped
public class InvitationMail implements MailRenderer {

    public enum Kind { TEAM_INVITATION }

    static final String PATH = "/admin/invitation/";
    static final String NAME = "name", INVITER = "inviter", ROLE = "role", LINK = "link", UNTIL = "until";

    @Inject
    EventdeskConfig config;
    @Inject
    Outbox outbox;

    /** One language's text of the mail. */
    public record Text(String lang, String subject, String what, String action, String ignore) {
    }

    @CheckedTemplate
    static class Templates {
        /** {@code InvitationMail/invite.html} or {@code .txt}, by the selected variant. */
        static native TemplateInstance invite(List<Text> texts, String link);
    }

    /** Writes the mail for the account's invitation {@code secret} into the outbox, in the caller's transaction. */
    void send(Account account, String secret, String inviter, Instant until) {
        outbox.enqueue(new OutgoingMail(Kind.TEAM_INVITATION, 0, account.email,
                msg("ko").invitation_subject() + " / " + msg("en").invitation_subject(),
                Map.of(NAME, account.name, INVITER, inviter, ROLE, account.role.name(),
                        LINK, config.baseUrl() + PATH + secret, UNTIL, until.toString())));
    }

    @Override
    public boolean renders(String kind) {
        return Kind.TEAM_INVITATION.name().equals(kind);
    }

    @Override
    public Rendered render(String kind, long ownerId, Map<String, String> p) {
        Instant until = Instant.parse(p.get(UNTIL));
        List<Text> texts = List.of("ko", "en").stream().map(lang -> new Text(lang,
                msg(lang).invitation_subject(), msg(lang).invitation_text(p.get(INVITER), p.get(NAME), p.get(ROLE)),
                msg(lang).invitation_action(Kst.dateTime(until, Locale.forLanguageTag(lang))),
                msg(lang).invitation_ignore())).toList();
        return MailRenderer.pair(() -> Templates.invite(texts, p.get(LINK)), null);
    }

    private static TeamTexts msg(String lang) {
        return MessageBundles.get(TeamTexts.class, Localized.Literal.of(lang));
    }
}
