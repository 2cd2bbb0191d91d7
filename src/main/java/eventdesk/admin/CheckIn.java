package eventdesk.admin;

import eventdesk.registration.AccessToken;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The door: finds the ticket behind a scanned code and checks its holder in. */
@ApplicationScoped
public class CheckIn {

    @Inject
    RegistrationService registrations;

    public enum Kind { CHECKED_IN, ALREADY, NOT_CONFIRMED, WRONG_EVENT, UNKNOWN }

    /** What the door screen shows: the outcome and whose ticket it was (null when unknown). */
    public record Outcome(Kind kind, AttendeeRow attendee) {
    }

    /** The registration behind a typed code or a scanned QR link (…/admin/checkin/CODE). */
    @Transactional
    public Optional<AttendeeRow> find(String scanned, Locale locale) {
        return AccessToken.resolve(token(scanned), AccessToken.Purpose.CHECKIN).map(r -> AttendeeRow.of(r, locale));
    }

    /** Checks in the holder of a scanned code; {@code eventSlug} is the event at this door, or null for any. */
    public Outcome scan(String scanned, String eventSlug, Instant now, Locale locale) {
        AttendeeRow found = find(scanned, locale).orElse(null);
        if (found == null) return new Outcome(Kind.UNKNOWN, null);
        if (eventSlug != null && !eventSlug.isBlank() && !eventSlug.equals(found.eventSlug())) {
            return new Outcome(Kind.WRONG_EVENT, found);
        }
        return byId(found.id(), now, locale);
    }

    public Outcome byId(long registrationId, Instant now, Locale locale) {
        Kind kind = switch (registrations.checkIn(registrationId, now)) {
            case CHECKED_IN -> Kind.CHECKED_IN;
            case ALREADY -> Kind.ALREADY;
            case NOT_CONFIRMED -> Kind.NOT_CONFIRMED;
            case UNKNOWN -> Kind.UNKNOWN;
        };
        return new Outcome(kind, kind == Kind.UNKNOWN ? null : row(registrationId, locale));
    }

    @Transactional
    AttendeeRow row(long id, Locale locale) {
        return AttendeeRow.of(Registration.findById(id), locale);
    }

    static String token(String scanned) {
        if (scanned == null) return null;
        String s = scanned.strip();
        int query = s.indexOf('?');
        if (query >= 0) s = s.substring(0, query);
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
