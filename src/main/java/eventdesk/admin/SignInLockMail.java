package eventdesk.admin;

import eventdesk.mail.MailRenderer;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutgoingMail;
import eventdesk.web.EmailAddress;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Kst;
import eventdesk.web.Msg;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.Optional;

/**
 * The mail to an organizer account's owner when too many wrong passwords locked it: how many, from
 * which address, until when, and what to do. In Korean and English (the account has no language). It
 * goes to the account's email; when that is no address (a bootstrap owner named only by a user name),
 * to {@code eventdesk.admin.email}, or to the user name when that is an email address; with none, the
 * lock is only logged.
 */
@ApplicationScoped
public class SignInLockMail implements MailRenderer {

    public enum Kind { SIGN_IN_LOCKED }

    static final String ACCOUNT = "account", ADDRESS = "address", FAILURES = "failures", UNTIL = "until";

    @Inject
    EventdeskConfig config;
    @Inject
    Outbox outbox;

    /** One language's text of the mail. */
    public record Text(String lang, String subject, String what, String advice) {
    }

    @CheckedTemplate
    static class Templates {
        /** {@code SignInLockMail/locked.html} or {@code .txt}, by the selected variant. */
        static native TemplateInstance locked(List<Text> texts);
    }

    /** Writes the mail into the outbox (a transaction of its own); logs the lock in any case. */
    void send(String account, String address, int failures, Instant until) {
        Log.warnf("Organizer sign-in for %s locked until %s after %d wrong passwords (the last from %s)", account, until,
                failures, address);
        Optional<String> owner = Optional.of(account).filter(EmailAddress::isValid).or(this::owner);
        if (owner.isEmpty()) {
            Log.warn("No address to tell the organizer of the lock: set EVENTDESK_ADMIN_EMAIL");
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(new OutgoingMail(Kind.SIGN_IN_LOCKED, 0, owner.get(),
                subject(), Map.of(ACCOUNT, account, ADDRESS, address, FAILURES, String.valueOf(failures),
                UNTIL, until.toString()))));
    }

    Optional<String> owner() {
        return config.admin().email().filter(EmailAddress::isValid)
                .or(() -> config.admin().username().filter(EmailAddress::isValid));
    }

    static String subject() {
        return msg("ko").mail_locked_subject() + " / " + msg("en").mail_locked_subject();
    }

    @Override
    public boolean renders(String kind) {
        return Kind.SIGN_IN_LOCKED.name().equals(kind);
    }

    @Override
    public Rendered render(String kind, long ownerId, Map<String, String> p) {
        Instant until = Instant.parse(p.get(UNTIL));
        List<Text> texts = List.of("ko", "en").stream().map(lang -> new Text(lang, msg(lang).mail_locked_subject(),
                msg(lang).mail_locked_text(Long.parseLong(p.get(FAILURES)), p.get(ACCOUNT), p.get(ADDRESS),
                        Kst.dateTime(until, Locale.forLanguageTag(lang))),
                msg(lang).mail_locked_advice())).toList();
        return MailRenderer.pair(() -> Templates.locked(texts), null);
    }

    private static Msg msg(String lang) {
        return MessageBundles.get(Msg.class, Localized.Literal.of(lang));
    }
}
