package eventdesk.attendance;

import eventdesk.event.Event;
import eventdesk.mail.MailRenderer;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutgoingMail;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationMails;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Kst;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The mails before the day, in the registrant's language: "still coming?" ({@code mail/reconfirm}),
 * the reminder with the ticket ({@code mail/reminder}) and the notice of an automatic release
 * ({@code mail/autoReleased}). Each is written into the outbox in the transaction that set its sent
 * marker, and rendered by {@link #render} when the outbox sends it. They share the registration
 * mails' layout.
 */
@ApplicationScoped
public class AttendanceMails implements MailRenderer {

    public enum Kind { RECONFIRM, REMINDER, AUTO_RELEASED }

    static final String ATTEND = "attend", MANAGE = "manage", CHECKIN = "checkin", DEADLINE = "deadline";

    @Inject
    EventdeskConfig config;
    @Inject
    Outbox outbox;
    @Inject
    RegistrationMails registrationMails;

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance reconfirm(RegistrationMails.View m, String yesUrl, String releaseUrl, String deadline);

        static native TemplateInstance reminder(RegistrationMails.View m, String checkinCode, String mapUrl, String releaseUrl);

        static native TemplateInstance autoReleased(RegistrationMails.View m, String deadline);
    }

    /** "Still coming?": the two answer links; the deadline only when an automatic release applies to this person. */
    void reconfirm(Registration r, String attendToken, String manageToken, Instant deadline) {
        Map<String, String> params = new HashMap<>(Map.of(ATTEND, attendToken, MANAGE, manageToken));
        if (deadline != null) params.put(DEADLINE, deadline.toString());
        write(r, Kind.RECONFIRM, params);
    }

    /** The reminder: the ticket's QR code again, the map, the manage link and the release link. */
    void reminder(Registration r, String checkinToken, String manageToken, String attendToken) {
        write(r, Kind.REMINDER, Map.of(CHECKIN, checkinToken, MANAGE, manageToken, ATTEND, attendToken));
    }

    void autoReleased(Registration r, Instant deadline) {
        write(r, Kind.AUTO_RELEASED, Map.of(DEADLINE, deadline.toString()));
    }

    private void write(Registration r, Kind kind, Map<String, String> params) {
        outbox.enqueue(new OutgoingMail(kind, r.id, r.email, subjectOf(kind, r), params));
    }

    @Override
    public boolean renders(String kind) {
        return MailRenderer.isOneOf(Kind.values(), kind);
    }

    @Override
    public Rendered render(String kind, long registrationId, Map<String, String> p) {
        Registration r = RegistrationMails.recipient(registrationId);
        Locale locale = r.locale();
        Event e = r.event;
        Kind k = Kind.valueOf(kind);
        RegistrationMails.View view = registrationMails.view(r, subjectOf(k, r),
                p.containsKey(MANAGE) ? link("/manage/", p.get(MANAGE)) : null);
        String deadline = p.containsKey(DEADLINE) ? Kst.dateTime(Instant.parse(p.get(DEADLINE)), locale) : null;
        String attend = p.get(ATTEND);
        return switch (k) {
            case RECONFIRM -> MailRenderer.pair(() -> Templates.reconfirm(view, link("/attendance/", attend + "/yes"),
                    link("/attendance/", attend + "/release"), deadline), locale);
            case REMINDER -> MailRenderer.pair(() -> Templates.reminder(view, p.get(CHECKIN), mapUrl(e, locale),
                    link("/attendance/", attend + "/release")), locale, link("/admin/checkin/", p.get(CHECKIN)), null, null);
            case AUTO_RELEASED -> MailRenderer.pair(() -> Templates.autoReleased(view, deadline), locale);
        };
    }

    /** The venue on a map people in Seoul use: Naver Map in Korean, Google Maps in English. */
    static String mapUrl(Event e, Locale locale) {
        String query = URLEncoder.encode(e.address, StandardCharsets.UTF_8).replace("+", "%20");
        return "ko".equals(locale.getLanguage()) ? "https://map.naver.com/p/search/" + query
                : "https://www.google.com/maps/search/?api=1&query=" + query;
    }

    private static String subjectOf(Kind kind, Registration r) {
        AttendanceMessages att = MessageBundles.get(AttendanceMessages.class, Localized.Literal.of(r.locale));
        String title = r.event.title(r.locale());
        return switch (kind) {
            case RECONFIRM -> att.reconfirm_subject(title);
            case REMINDER -> att.reminder_subject(title);
            case AUTO_RELEASED -> att.released_subject(title);
        };
    }

    private String link(String path, String rest) {
        return config.baseUrl() + path + rest;
    }
}
