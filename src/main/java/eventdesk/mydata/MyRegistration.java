package eventdesk.mydata;

import eventdesk.event.Question;
import eventdesk.mail.OutboxMessage;
import eventdesk.registration.Answers;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.web.Lang;
import eventdesk.web.Msg;

import java.util.List;
import java.util.Map;

/**
 * One of a person's registrations as their own page shows it, in the page's language: the event, status,
 * ticket type, what they gave (name, affiliation, answers), their consents and the mails they were sent.
 * Built inside the transaction that read it.
 */
public record MyRegistration(long id, String eventTitle, String when, String eventSlug, RegistrationStatus status,
                             long waitlistPosition, String ticketType, String name, String affiliation,
                             String registeredAt, String consentAt, String consentVersion, String marketingConsentAt,
                             String marketingWithdrawnAt, List<Line> answers, List<Mail> mails, boolean correctable,
                             boolean cancellable) {

    /** A question and the answer given, worded in the page's language. */
    public record Line(String question, String answer) {
    }

    /** A mail written for this registration: its subject as sent, and when it went out (null: not yet). */
    public record Mail(String subject, String sentAt, String writtenAt) {
    }

    static MyRegistration of(Registration r, Lang lang) {
        Msg msg = lang.msg();
        Map<String, Object> given = Answers.fromJson(r.answers);
        List<Line> answers = Question.all(r.event).stream().filter(q -> given.containsKey(q.key))
                .map(q -> new Line(q.label(lang.locale()), Answers.display(q, given.get(q.key), lang.locale(),
                        msg.answer_yes(), msg.answer_no())))
                .toList();
        List<Mail> mails = OutboxMessage.forOwner(r.id).stream()
                .map(m -> new Mail(m.subject, m.sentAt == null ? null : lang.dateTime(m.sentAt), lang.dateTime(m.createdAt)))
                .toList();
        return new MyRegistration(r.id, r.event.title(lang.locale()), lang.range(r.event.startsAt, r.event.endsAt),
                r.event.slug, r.status, r.waitlistPosition(), r.ticketType == null ? null : r.ticketType.name(lang.locale()),
                r.name, r.affiliation, lang.dateTime(r.createdAt), lang.dateTime(r.consentAt), r.consentVersion,
                lang.dateTime(r.marketingConsentAt), lang.dateTime(r.marketingWithdrawnAt), answers, mails,
                r.status.isActive(), r.status.isActive() && r.checkedInAt == null);
    }
}
