package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.mail.Ics;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutgoingMail;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Kst;
import eventdesk.web.Msg;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.function.Function;

/**
 * The mails a registration gets, one Qute template pair per {@link Kind} ({@code mail/seatHeld.html}
 * and {@code .txt}, ...), rendered in the registrant's language and written to the {@link Outbox}.
 * Callers are inside the transaction that changed the registration, so the mail exists exactly
 * when the change does.
 */
@ApplicationScoped
public class RegistrationMails {

    public enum Kind { SEAT_HELD, SEAT_OFFERED, WAITLISTED, TICKET, CANCELLED, EXPIRED }

    @Inject
    EventdeskConfig config;
    @Inject
    Outbox outbox;

    /** What every registration mail shows: greeting, the event, and the manage link (or the event page). */
    public record View(String lang, String subject, String name, String eventTitle, String when, String where,
                       String manageUrl, String eventUrl) {
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance seatHeld(View m, String confirmUrl, String deadline);

        static native TemplateInstance seatOffered(View m, String confirmUrl, String deadline);

        static native TemplateInstance waitlisted(View m, long position);

        static native TemplateInstance ticket(View m, String checkinCode);

        static native TemplateInstance cancelled(View m);

        static native TemplateInstance expired(View m);
    }

    /** A held seat, new or offered from the waitlist: confirm link and manage link. */
    void seatHeld(Registration r, String confirmToken, String manageToken, boolean fromWaitlist) {
        String deadline = Kst.dateTime(r.holdExpiresAt, r.locale());
        String confirmUrl = link("/confirm/", confirmToken);
        if (fromWaitlist) {
            send(r, Kind.SEAT_OFFERED, msg -> msg.mail_offered_subject(title(r)), manageToken, null, null,
                    m -> Templates.seatOffered(m, confirmUrl, deadline));
        } else {
            send(r, Kind.SEAT_HELD, msg -> msg.mail_held_subject(title(r)), manageToken, null, null,
                    m -> Templates.seatHeld(m, confirmUrl, deadline));
        }
    }

    void waitlisted(Registration r, long position, String manageToken) {
        send(r, Kind.WAITLISTED, msg -> msg.mail_waitlisted_subject(title(r)), manageToken, null, null,
                m -> Templates.waitlisted(m, position));
    }

    /** The ticket: QR code of the check-in link, the .ics entry, time in KST and the manage link. */
    void ticket(Registration r, String checkinToken, String manageToken) {
        String manageUrl = link("/manage/", manageToken);
        send(r, Kind.TICKET, msg -> msg.mail_ticket_subject(title(r)), manageToken,
                link("/admin/checkin/", checkinToken), ics(r, manageUrl), m -> Templates.ticket(m, checkinToken));
    }

    void cancelled(Registration r) {
        send(r, Kind.CANCELLED, msg -> msg.mail_cancelled_subject(title(r)), null, null, null, Templates::cancelled);
    }

    void expired(Registration r) {
        send(r, Kind.EXPIRED, msg -> msg.mail_expired_subject(title(r)), null, null, null, Templates::expired);
    }

    /** The registration's calendar entry; its UID stays the same so calendars update it. */
    static String ics(Registration r, String manageUrl) {
        Event e = r.event;
        return Ics.of(e.title(r.locale()), e.venue + (manageUrl == null ? "" : "\n" + manageUrl),
                e.venue + ", " + e.address, e.startsAt, e.endsAt, "registration-" + r.id + "@eventdesk", manageUrl);
    }

    private void send(Registration r, Kind kind, Function<Msg, String> subject, String manageToken,
                      String qrData, String ics, Function<View, TemplateInstance> template) {
        Locale locale = r.locale();
        Event e = r.event;
        View view = new View(r.locale, subject.apply(MessageBundles.get(Msg.class, Localized.Literal.of(r.locale))),
                r.name, e.title(locale), Kst.range(e.startsAt, e.endsAt, locale), e.venue + ", " + e.address,
                manageToken == null ? null : link("/manage/", manageToken), config.baseUrl() + "/events/" + e.slug);
        String html = render(template.apply(view), locale, Variant.TEXT_HTML);
        String text = render(template.apply(view), locale, Variant.TEXT_PLAIN);
        outbox.enqueue(new OutgoingMail(kind, r.id, r.email, view.subject(), html, text, qrData, ics,
                ics == null ? null : e.slug + ".ics"));
    }

    private static String render(TemplateInstance t, Locale locale, String contentType) {
        return t.setLocale(locale).setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType))
                .render();
    }

    private static String title(Registration r) {
        return r.event.title(r.locale());
    }

    private String link(String path, String token) {
        return config.baseUrl() + path + token;
    }
}
