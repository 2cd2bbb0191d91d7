package eventdesk.registration;

import eventdesk.web.Kst;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A registration as the organizer's API shows it, times in KST with offset. {@code ticketType} is the
 * type's key (null in an event without types); {@code waitlistPosition} only while waitlisted. The
 * consents on record: when the person agreed to the sign-up notice and to which version of it
 * ({@code consentVersion}, the SHA-256 of its text, kept in the repository as {@code consent/<version>.txt}),
 * when they agreed to news by email and when they withdrew that.
 * An erased registration ({@code erased: true}) shows no name, email, affiliation or answers.
 */
public record RegistrationJson(long id, RegistrationStatus status, String name, String email, String affiliation,
                               Role role, String locale, boolean marketingConsent, OffsetDateTime registeredAt,
                               OffsetDateTime confirmedAt, OffsetDateTime checkedInAt, Long waitlistPosition,
                               String ticketType, String reference, OffsetDateTime verifiedAt, Integer drawRank,
                               OffsetDateTime reconfirmSentAt, OffsetDateTime reconfirmedAt,
                               OffsetDateTime reminderSentAt, Map<String, Object> answers, OffsetDateTime consentAt,
                               String consentVersion, OffsetDateTime marketingConsentAt,
                               OffsetDateTime marketingWithdrawnAt, boolean erased, OffsetDateTime erasedAt) {

    public static RegistrationJson of(Registration r, Long waitlistPosition) {
        boolean erased = r.erased();
        return new RegistrationJson(r.id, r.status, erased ? null : r.name, erased ? null : r.email,
                erased ? null : r.affiliation, r.role, r.locale, r.marketingConsent, Kst.offset(r.createdAt),
                Kst.offset(r.confirmedAt), Kst.offset(r.checkedInAt), waitlistPosition,
                r.ticketType == null ? null : r.ticketType.key, r.reference, Kst.offset(r.verifiedAt), r.drawRank,
                Kst.offset(r.reconfirmSentAt), Kst.offset(r.reconfirmedAt), Kst.offset(r.reminderSentAt),
                erased ? Map.of() : Answers.fromJson(r.answers), Kst.offset(r.consentAt), r.consentVersion,
                Kst.offset(r.marketingConsentAt), Kst.offset(r.marketingWithdrawnAt), erased, Kst.offset(r.erasedAt));
    }

    /** As it is now, with its place in its queue when it waits. */
    public static RegistrationJson of(Registration r) {
        long position = r.waitlistPosition();
        return of(r, position == 0 ? null : position);
    }
}
