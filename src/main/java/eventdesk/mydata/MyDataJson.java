package eventdesk.mydata;

import eventdesk.event.Event;
import eventdesk.mail.OutboxMessage;
import eventdesk.registration.Answers;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.registration.Role;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything eventdesk holds about the person with one address ({@code GET /me/data.json}): each of their
 * registrations with every field stored about them, their answers, their consents (when, and which
 * version of the notice) and the mails they were sent (kind, subject and times). Times are UTC instants.
 * Nothing about anybody else: a registration's event is named, not its other registrations.
 */
public record MyDataJson(String email, Instant exportedAt, List<Entry> registrations) {

    /** The event a registration is for. */
    public record EventRef(String slug, String title, String titleKo, Instant startsAt, Instant endsAt, String venue) {
        static EventRef of(Event e) {
            return new EventRef(e.slug, e.title, e.titleKo, e.startsAt, e.endsAt, e.venue);
        }
    }

    /** A mail written for the registration: its kind, subject, state and times. */
    public record MailSent(String kind, String subject, String status, Instant writtenAt, Instant sentAt) {
        static MailSent of(OutboxMessage m) {
            return new MailSent(m.kind, m.subject, m.status.name(), m.createdAt, m.sentAt);
        }
    }

    /** One registration, field by field as stored. */
    public record Entry(long id, EventRef event, RegistrationStatus status, String ticketType, String name, String email,
                        String affiliation, Role role, String locale, Map<String, Object> answers, Instant consentAt,
                        String consentVersion, boolean marketingConsent, Instant marketingConsentAt,
                        Instant marketingWithdrawnAt, Instant registeredAt, Instant seatedAt, Instant holdExpiresAt,
                        Long waitlistPosition, Instant confirmedAt, Instant cancelledAt, Instant expiredAt,
                        Instant checkedInAt, Instant approvedAt, Instant declinedAt, String reference,
                        Instant verifiedAt, Integer drawRank, Instant reconfirmSentAt, Instant reconfirmDeadline,
                        Instant reconfirmedAt, Instant reminderSentAt, Instant resentAt, List<MailSent> mails) {

        static Entry of(Registration r) {
            long position = r.waitlistPosition();
            return new Entry(r.id, EventRef.of(r.event), r.status, r.ticketType == null ? null : r.ticketType.key, r.name,
                    r.email, r.affiliation, r.role, r.locale, Answers.fromJson(r.answers), r.consentAt, r.consentVersion,
                    r.marketingConsent, r.marketingConsentAt, r.marketingWithdrawnAt, r.createdAt, r.seatedAt,
                    r.holdExpiresAt, position == 0 ? null : position, r.confirmedAt, r.cancelledAt, r.expiredAt,
                    r.checkedInAt, r.approvedAt, r.declinedAt, r.reference, r.verifiedAt, r.drawRank, r.reconfirmSentAt,
                    r.reconfirmDeadline, r.reconfirmedAt, r.reminderSentAt, r.resentAt,
                    OutboxMessage.forOwner(r.id).stream().map(MailSent::of).toList());
        }
    }

    static MyDataJson of(String email, List<Registration> registrations, Instant now) {
        return new MyDataJson(email, now, registrations.stream().map(Entry::of).toList());
    }
}
