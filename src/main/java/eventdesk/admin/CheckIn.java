package eventdesk.admin;

import eventdesk.registration.AccessToken;
import eventdesk.registration.Registration;
import eventdesk.registration.CheckInService;
import eventdesk.registration.CheckInService.CheckInResult;
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
    CheckInService checkIns;

    /** What the door screen shows: the outcome and whose ticket it was (null when unknown). */
    public record Outcome(CheckInResult kind, AttendeeRow attendee) {
    }

    /** The registration behind a typed code or a scanned QR link (…/admin/checkin/CODE). */
    @Transactional
    public Optional<AttendeeRow> find(String scanned, Locale locale) {
        return AccessToken.resolve(token(scanned), AccessToken.Purpose.CHECKIN).map(r -> AttendeeRow.of(r, locale));
    }

    /** Checks in the holder of a scanned code; {@code eventSlug} is the event at this door, or null for any. */
    public Outcome scan(String scanned, String eventSlug, Instant now, Locale locale) {
        AttendeeRow found = find(scanned, locale).orElse(null);
        if (found == null) return new Outcome(CheckInResult.UNKNOWN, null);
        if (eventSlug != null && !eventSlug.isBlank() && !eventSlug.equals(found.eventSlug())) {
            return new Outcome(CheckInResult.WRONG_EVENT, found);
        }
        return byId(found.id(), now, locale);
    }

    public Outcome byId(long registrationId, Instant now, Locale locale) {
        return new Outcome(checkIns.checkIn(registrationId, now), row(registrationId, locale));
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
