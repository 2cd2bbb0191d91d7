package eventdesk.registration;

import eventdesk.web.Kst;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A registration as the organizer's API shows it, times in KST with offset. {@code ticketType} is the
 * type's key (null in an event without types); {@code waitlistPosition} only while waitlisted.
 */
public record RegistrationJson(long id, RegistrationStatus status, String name, String email, String affiliation,
                               Role role, String locale, boolean marketingConsent, OffsetDateTime registeredAt,
                               OffsetDateTime confirmedAt, OffsetDateTime checkedInAt, Long waitlistPosition,
                               String ticketType, String reference, OffsetDateTime verifiedAt, Integer drawRank,
                               OffsetDateTime reconfirmSentAt, OffsetDateTime reconfirmedAt,
                               OffsetDateTime reminderSentAt, Map<String, Object> answers) {

    public static RegistrationJson of(Registration r, Long waitlistPosition) {
        return new RegistrationJson(r.id, r.status, r.name, r.email, r.affiliation, r.role, r.locale,
                r.marketingConsent, Kst.offset(r.createdAt), Kst.offset(r.confirmedAt), Kst.offset(r.checkedInAt),
                waitlistPosition, r.ticketType == null ? null : r.ticketType.key, r.reference, Kst.offset(r.verifiedAt),
                r.drawRank, Kst.offset(r.reconfirmSentAt), Kst.offset(r.reconfirmedAt), Kst.offset(r.reminderSentAt),
                Answers.fromJson(r.answers));
    }

    /** As it is now, with its place in its queue when it waits. */
    public static RegistrationJson of(Registration r) {
        long position = r.waitlistPosition();
        return of(r, position == 0 ? null : position);
    }
}
