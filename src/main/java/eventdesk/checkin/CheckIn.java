package eventdesk.checkin;

import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.registration.AccessToken;
import eventdesk.registration.AttendeeRow;
import eventdesk.registration.EventHead;
import eventdesk.registration.Registration;
import eventdesk.registration.CheckInService;
import eventdesk.registration.CheckInService.CheckInResult;
import eventdesk.web.Lang;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The door: finds the ticket behind a scanned code and checks its holder in. Only a confirmed
 * registration of the event at this door is checked in, and only once; every other case is an
 * outcome the screen shows, never an error.
 */
@ApplicationScoped
public class CheckIn {

    /** How many people a name search at the door lists. */
    static final int MATCHES = 20;
    /** Events stay at the door until a day after they started. */
    static final Duration DOOR_OPEN_AFTER_START = Duration.ofHours(24);

    @Inject
    CheckInService registrations;

    /** What the door screen shows: the outcome and whose ticket it was (null when unknown). */
    public record Outcome(CheckInResult kind, AttendeeRow attendee) {

        static Outcome unknown() {
            return new Outcome(CheckInResult.UNKNOWN, null);
        }
    }

    /** The registration behind a typed code or a scanned QR link (…/admin/checkin/CODE). */
    @Transactional
    public Optional<AttendeeRow> find(String scanned, Locale locale) {
        return AccessToken.resolve(token(scanned), AccessToken.Purpose.CHECKIN).map(r -> AttendeeRow.of(r, locale));
    }

    /**
     * Checks in the holder of a scanned code; {@code eventSlug} is the event at this door, or null for any.
     * A check-in is one access log entry of the organizer {@code by}.
     */
    public Outcome scan(String scanned, String eventSlug, Instant now, Locale locale, AccessLog.Entry by) {
        Optional<AttendeeRow> found = find(scanned, locale);
        if (found.isEmpty()) return Outcome.unknown();
        if (eventSlug != null && !eventSlug.isBlank() && !eventSlug.equals(found.get().eventSlug())) {
            return new Outcome(CheckInResult.WRONG_EVENT, found.get());
        }
        return byId(found.get().id(), now, locale, by);
    }

    /** Checks in a registration chosen from a search; a check-in is one access log entry of the organizer {@code by}. */
    public Outcome byId(long registrationId, Instant now, Locale locale, AccessLog.Entry by) {
        return new Outcome(registrations.checkIn(registrationId, now, by), row(registrationId, locale));
    }

    /** People whose name, email, affiliation or reference contains {@code q}, of the door's event or of any. */
    @Transactional
    public List<AttendeeRow> search(String q, String eventSlug, Locale locale) {
        return Event.allByStart().stream().filter(e -> eventSlug == null || eventSlug.isBlank() || e.slug.equals(eventSlug))
                .flatMap(e -> Registration.search(e, q, null).page(0, MATCHES).list().stream())
                .limit(MATCHES).map(r -> AttendeeRow.of(r, locale)).toList();
    }

    /** The events the door can be set to: those not ended, and those that started less than a day ago. */
    @Transactional
    public List<EventHead> doorEvents(Instant now, Lang lang) {
        Map<Long, Registration.Counts> counts = Registration.countsByEvent();
        return Event.upcoming(now.minus(DOOR_OPEN_AFTER_START)).stream()
                .map(e -> EventHead.of(e, e.capacity, counts.getOrDefault(e.id, new Registration.Counts()), lang)).toList();
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
