package eventdesk.mail;

import eventdesk.event.Event;
import eventdesk.registration.Registration;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Kst;
import eventdesk.web.Msg;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes each email a registration needs into the outbox, in the registrant's language. Callers
 * are inside the transaction that changed the registration, so the email exists exactly when the
 * change does; {@link Outbox} sends it later.
 */
@ApplicationScoped
public class Mails {

    @Inject
    EventdeskConfig config;
    @Inject
    Clock clock;

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance message(MailContent m);

        static native TemplateInstance messageText(MailContent m);
    }

    /** A held seat, new or offered from the waitlist: confirm link and manage link. */
    public void seatHeld(Registration r, String confirmToken, String manageToken, boolean fromWaitlist) {
        Msg msg = msg(r);
        String title = r.event.title(r.locale());
        String deadline = Kst.dateTime(r.holdExpiresAt, r.locale());
        String subject = fromWaitlist ? msg.mail_offered_subject(title) : msg.mail_held_subject(title);
        String text = fromWaitlist ? msg.mail_offered_text(deadline) : msg.mail_held_text(deadline);
        enqueue(r, fromWaitlist ? "SEAT_OFFERED" : "CONFIRM_SEAT",
                content(r, msg, subject, List.of(text), msg.mail_confirm_button(), link("/confirm/", confirmToken),
                        null, manageToken), null, null);
    }

    public void waitlisted(Registration r, long position, String manageToken) {
        Msg msg = msg(r);
        String title = r.event.title(r.locale());
        enqueue(r, "WAITLISTED", content(r, msg, msg.mail_waitlisted_subject(title),
                List.of(msg.mail_waitlisted_text(position)), null, null, null, manageToken), null, null);
    }

    /** The ticket: QR code of the check-in link, the .ics entry, time in KST and the manage link. */
    public void ticket(Registration r, String checkinToken, String manageToken) {
        Msg msg = msg(r);
        String title = r.event.title(r.locale());
        String checkinUrl = link("/admin/checkin/", checkinToken);
        String ics = Ics.of(r.event, title, r.event.venue + "\n" + link("/manage/", manageToken),
                "registration-" + r.id + "@eventdesk", link("/manage/", manageToken));
        enqueue(r, "TICKET", content(r, msg, msg.mail_ticket_subject(title),
                List.of(msg.mail_ticket_text()), null, null, checkinToken, manageToken), checkinUrl, ics);
    }

    public void cancelled(Registration r) {
        Msg msg = msg(r);
        enqueue(r, "CANCELLED", content(r, msg, msg.mail_cancelled_subject(r.event.title(r.locale())),
                List.of(msg.mail_cancelled_text()), null, null, null, null), null, null);
    }

    public void expired(Registration r) {
        Msg msg = msg(r);
        enqueue(r, "EXPIRED", content(r, msg, msg.mail_expired_subject(r.event.title(r.locale())),
                List.of(msg.mail_expired_text()), null, null, null, null), null, null);
    }

    private MailContent content(Registration r, Msg msg, String subject, List<String> paragraphs, String actionLabel,
                                String actionUrl, String checkinCode, String manageToken) {
        Event e = r.event;
        Locale locale = r.locale();
        String eventUrl = config.baseUrl() + "/events/" + e.slug;
        return new MailContent(r.locale, subject, msg.mail_hello(r.name), paragraphs, actionLabel, actionUrl,
                e.title(locale), Kst.range(e.startsAt, e.endsAt, locale), e.venue + ", " + e.address,
                msg.event_when(), msg.event_where(), checkinCode != null, msg.mail_checkin_code(), checkinCode,
                manageToken == null ? msg.back_to_event() : msg.mail_manage(),
                manageToken == null ? eventUrl : link("/manage/", manageToken), msg.mail_footer());
    }

    private void enqueue(Registration r, String kind, MailContent content, String qrData, String ics) {
        Locale locale = r.locale();
        OutboxMessage m = new OutboxMessage();
        m.registrationId = r.id;
        m.kind = kind;
        m.recipient = r.email;
        m.subject = content.subject();
        m.bodyHtml = Templates.message(content).setLocale(locale).render();
        m.bodyText = Templates.messageText(content).setLocale(locale).render();
        m.qrData = qrData;
        m.ics = ics;
        m.icsName = ics == null ? null : r.event.slug + ".ics";
        m.status = OutboxMessage.Status.PENDING;
        m.attempts = 0;
        m.createdAt = Instant.now(clock);
        m.nextAttemptAt = m.createdAt;
        m.persist();
    }

    private String link(String path, String token) {
        return config.baseUrl() + path + token;
    }

    private static Msg msg(Registration r) {
        return MessageBundles.get(Msg.class, Localized.Literal.of(r.locale));
    }
}
