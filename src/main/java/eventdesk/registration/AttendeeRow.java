package eventdesk.registration;

import eventdesk.web.Kst;

import java.util.Locale;

/**
 * One registration as organizer pages show it; built inside the transaction that read it. An erased one
 * ({@code erased}) has no name, email or affiliation.
 */
public record AttendeeRow(long id, String name, String email, String affiliation, Role role, RegistrationStatus status,
                          String registeredAt, long waitlistPosition, String checkedInAt, String eventSlug,
                          String eventTitle, String reference, Integer drawRank, boolean verified,
                          String reconfirmedAt, String ticketType, boolean erased, Consents consents) {

    /**
     * The consents on record, for the organizer: when the person agreed to the sign-up notice and its version
     * (null for a registration from before versions were kept), when they agreed to news by email (null: never)
     * and when they withdrew it (null: not withdrawn).
     */
    public record Consents(String consentAt, String version, String marketingAt, String marketingWithdrawnAt) {
    }

    public static AttendeeRow of(Registration r, Locale locale) {
        return of(r, locale, r.waitlistPosition());
    }

    /** For lists: the waitlist position comes from {@link Registration#waitlistPositions}, read once for all rows. */
    public static AttendeeRow of(Registration r, Locale locale, long waitlistPosition) {
        boolean erased = r.erased();
        return new AttendeeRow(r.id, erased ? null : r.name, erased ? null : r.email, erased ? null : r.affiliation, r.role, r.status,
                Kst.dateTime(r.createdAt, locale), waitlistPosition, Kst.time(r.checkedInAt), r.event.slug,
                r.event.title(locale), r.reference, r.drawRank, r.verifiedAt != null,
                Kst.dateTime(r.reconfirmedAt, locale), r.ticketType == null ? null : r.ticketType.name(locale), erased,
                new Consents(Kst.dateTime(r.consentAt, locale), r.consentVersion, Kst.dateTime(r.marketingConsentAt, locale),
                        Kst.dateTime(r.marketingWithdrawnAt, locale)));
    }

    /** Whether the organizer may still act on it (resend, cancel): active, and not erased. */
    public boolean active() {
        return status.isActive() && !erased;
    }
}
