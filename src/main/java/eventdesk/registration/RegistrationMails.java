package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.mail.Ics;
import eventdesk.mail.MailRenderer;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutboxMessage;
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

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The mails a registration gets, one Qute template pair per {@link Kind} ({@code mail/seatHeld.html}
 * and {@code .txt}, ...) in the registrant's language. Writing one (inside the transaction that
 * changed the registration, so the mail exists exactly when the change does) stores only its kind,
 * subject and links; the outbox asks {@link #render} for the body when it sends the mail.
 */
@ApplicationScoped
public class RegistrationMails implements MailRenderer {

    public enum Kind {
        SEAT_HELD, SEAT_OFFERED, WAITLISTED, TICKET, CANCELLED, EXPIRED, APPLIED, APPROVED, DECLINED,
        /** A draw: the application with its verify link, a drawn seat, the reserve list, a withdrawal. */
        DRAW_APPLIED, DRAWN, DRAW_RESERVE, WITHDRAWN
    }

    static final String CONFIRM = "confirm", MANAGE = "manage", CHECKIN = "checkin", DEADLINE = "deadline",
            POSITION = "position", VERIFY = "verify";

    @Inject
    EventdeskConfig config;
    @Inject
    Outbox outbox;
    @Inject
    MarketingConsent marketing;
    @Inject
    Clock clock;

    /**
     * What every registration mail shows: greeting, the event, its ticket type (or null), the manage link (or
     * the event page), the unsubscribe link while the person has marketing consent (else null), and for a
     * promotional mail its sender (else null).
     */
    public record View(String lang, String subject, String name, String eventTitle, String when, String where,
                       String manageUrl, String eventUrl, String ticketType, String unsubscribeUrl,
                       MarketingConsent.Sender sender) {

        /** The view of {@code r}'s mail in its language; {@code manageUrl} and {@code unsubscribeUrl} may be null. */
        static View of(Registration r, String subject, String manageUrl, String baseUrl, String unsubscribeUrl) {
            Locale locale = r.locale();
            Event e = r.event;
            return new View(r.locale, subject, r.name, e.title(locale), Kst.range(e.startsAt, e.endsAt, locale),
                    e.venue + ", " + e.address, manageUrl, baseUrl + "/events/" + e.slug,
                    r.ticketType == null ? null : r.ticketType.name(locale), unsubscribeUrl, null);
        }

        /** The same view as a promotional mail's: it ends with its sender and how to reach them. */
        public View promotional(MarketingConsent.Sender from) {
            return new View(lang, subject, name, eventTitle, when, where, manageUrl, eventUrl, ticketType, unsubscribeUrl, from);
        }
    }

    /**
     * The view of {@code r}'s mail, rendered now: with a fresh unsubscribe link in its footer while the
     * person has marketing consent. {@code manageUrl} may be null (the mail then links the event page).
     */
    public View view(Registration r, String subject, String manageUrl) {
        return View.of(r, subject, manageUrl, config.baseUrl(), marketing.unsubscribeUrl(r, Instant.now(clock)).orElse(null));
    }

    /** The registration a mail is for, at sending time. */
    public static Registration recipient(long registrationId) {
        Registration r = Registration.findById(registrationId);
        if (r == null) throw new IllegalStateException("registration " + registrationId + " is gone");
        return r;
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance seatHeld(View m, String confirmUrl, String deadline);

        static native TemplateInstance seatOffered(View m, String confirmUrl, String deadline);

        static native TemplateInstance waitlisted(View m, long position);

        static native TemplateInstance ticket(View m, String checkinCode);

        static native TemplateInstance cancelled(View m);

        static native TemplateInstance expired(View m);

        static native TemplateInstance applied(View m);

        static native TemplateInstance approved(View m, String confirmUrl, String deadline);

        static native TemplateInstance declined(View m);

        static native TemplateInstance drawApplied(View m, String verifyUrl, String drawAt, String reference, String commitment);

        static native TemplateInstance drawn(View m, String confirmUrl, String deadline);

        static native TemplateInstance drawReserve(View m, long position);

        static native TemplateInstance withdrawn(View m);
    }

    /**
     * A held seat: new ({@link Kind#SEAT_HELD}), offered from the waitlist ({@link Kind#SEAT_OFFERED})
     * or given to an approved application ({@link Kind#APPROVED}); confirm link and manage link.
     */
    void seatHeld(Registration r, String confirmToken, String manageToken, Kind kind) {
        Map<String, String> params = Map.of(CONFIRM, confirmToken, MANAGE, manageToken,
                DEADLINE, r.holdExpiresAt.toString());
        write(r, kind, params);
    }

    /** "We received your application", with the manage link (status, withdraw). */
    void applied(Registration r, String manageToken) {
        write(r, Kind.APPLIED, Map.of(MANAGE, manageToken));
    }

    /** A draw application: the verify link (null once verified), the reference code and the draw's commitment. */
    void drawApplied(Registration r, String verifyToken, String manageToken) {
        write(r, Kind.DRAW_APPLIED, verifyToken == null ? Map.of(MANAGE, manageToken) : Map.of(VERIFY, verifyToken, MANAGE, manageToken));
    }

    void withdrawn(Registration r) {
        write(r, Kind.WITHDRAWN, Map.of());
    }

    void declined(Registration r) {
        write(r, Kind.DECLINED, Map.of());
    }

    /** A place on the waitlist; {@code drawn}: the place the draw gave (the reserve list). */
    void waitlisted(Registration r, long position, String manageToken, boolean drawn) {
        write(r, drawn ? Kind.DRAW_RESERVE : Kind.WAITLISTED, Map.of(MANAGE, manageToken, POSITION, Long.toString(position)));
    }

    /** A draw application: the verify link (null once verified), the reference code and the draw's commitment. */
    void applied(Registration r, String verifyToken, String manageToken) {
        write(r, Kind.APPLIED, verifyToken == null ? Map.of(MANAGE, manageToken) : Map.of(VERIFY, verifyToken, MANAGE, manageToken));
    }

    /** The ticket: QR code of the check-in link, the .ics entry, time in KST and the manage link. */
    void ticket(Registration r, String checkinToken, String manageToken) {
        write(r, Kind.TICKET, Map.of(CHECKIN, checkinToken, MANAGE, manageToken));
    }

    void cancelled(Registration r) {
        write(r, Kind.CANCELLED, Map.of());
    }

    void expired(Registration r) {
        write(r, Kind.EXPIRED, Map.of());
    }

    /** Whether one of the registration's own mails (a kind of this class) was written after {@code since}. */
    boolean writtenSince(Registration r, Instant since) {
        return OutboxMessage.writtenFor(r.id, Kind.values(), since);
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
        Registration r = recipient(registrationId);
        Locale locale = r.locale();
        String manageUrl = p.containsKey(MANAGE) ? link("/manage/", p.get(MANAGE)) : null;
        Event e = r.event;
        View view = view(r, subjectOf(Kind.valueOf(kind), r), manageUrl);
        String deadline = p.containsKey(DEADLINE) ? Kst.dateTime(Instant.parse(p.get(DEADLINE)), locale) : null;
        return switch (Kind.valueOf(kind)) {
            case SEAT_HELD -> MailRenderer.pair(() -> Templates.seatHeld(view, link("/confirm/", p.get(CONFIRM)), deadline), locale);
            case SEAT_OFFERED -> MailRenderer.pair(() -> Templates.seatOffered(view, link("/confirm/", p.get(CONFIRM)), deadline), locale);
            case WAITLISTED -> MailRenderer.pair(() -> Templates.waitlisted(view, Long.parseLong(p.get(POSITION))), locale);
            case TICKET -> MailRenderer.pair(() -> Templates.ticket(view, p.get(CHECKIN)), locale, link("/admin/checkin/", p.get(CHECKIN)),
                    ics(r, manageUrl), e.slug + ".ics");
            case CANCELLED -> MailRenderer.pair(() -> Templates.cancelled(view), locale);
            case EXPIRED -> MailRenderer.pair(() -> Templates.expired(view), locale);
            case APPLIED -> MailRenderer.pair(() -> Templates.applied(view), locale);
            case APPROVED -> MailRenderer.pair(() -> Templates.approved(view, link("/confirm/", p.get(CONFIRM)), deadline), locale);
            case DECLINED -> MailRenderer.pair(() -> Templates.declined(view), locale);
            case DRAW_APPLIED -> MailRenderer.pair(() -> Templates.drawApplied(view, p.containsKey(VERIFY) ? link("/verify/", p.get(VERIFY)) : null,
                    Kst.dateTime(e.drawAt, locale), r.reference, e.drawCommitment), locale);
            case DRAWN -> MailRenderer.pair(() -> Templates.drawn(view, link("/confirm/", p.get(CONFIRM)), deadline), locale);
            case DRAW_RESERVE -> MailRenderer.pair(() -> Templates.drawReserve(view, Long.parseLong(p.get(POSITION))), locale);
            case WITHDRAWN -> MailRenderer.pair(() -> Templates.withdrawn(view), locale);
        };
    }

    private String subjectOf(Kind kind, Registration r) {
        Msg msg = msg(r);
        String title = title(r);
        return switch (kind) {
            case SEAT_HELD -> msg.mail_held_subject(title);
            case SEAT_OFFERED -> msg.mail_offered_subject(title);
            case WAITLISTED -> msg.mail_waitlisted_subject(title);
            case TICKET -> msg.mail_ticket_subject(title);
            case CANCELLED -> msg.mail_cancelled_subject(title);
            case EXPIRED -> msg.mail_expired_subject(title);
            case APPLIED -> tix(r).mail_applied_subject(title);
            case APPROVED -> tix(r).mail_approved_subject(title);
            case DECLINED -> tix(r).mail_declined_subject(title);
            case DRAW_APPLIED -> draw(r).mail_applied_subject(title);
            case DRAWN -> draw(r).mail_drawn_subject(title);
            case DRAW_RESERVE -> draw(r).mail_reserve_subject(title);
            case WITHDRAWN -> draw(r).mail_withdrawn_subject(title);
        };
    }

    /** The registration's calendar entry; its UID stays the same so calendars update it. */
    static String ics(Registration r, String manageUrl) {
        Event e = r.event;
        return Ics.of(e.title(r.locale()), e.venue + (manageUrl == null ? "" : "\n" + manageUrl),
                e.venue + ", " + e.address, e.startsAt, e.endsAt, "registration-" + r.id + "@eventdesk", manageUrl);
    }

    private static Msg msg(Registration r) {
        return MessageBundles.get(Msg.class, Localized.Literal.of(r.locale));
    }

    private static DrawMessages draw(Registration r) {
        return MessageBundles.get(DrawMessages.class, Localized.Literal.of(r.locale));
    }

    private static TicketMsg tix(Registration r) {
        return MessageBundles.get(TicketMsg.class, Localized.Literal.of(r.locale));
    }

    private static String title(Registration r) {
        return r.event.title(r.locale());
    }

    private String link(String path, String token) {
        return config.baseUrl() + path + token;
    }
}
