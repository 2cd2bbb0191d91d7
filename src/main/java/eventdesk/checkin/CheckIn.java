package eventdesk.checkin;

import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.registration.AccessToken;
import eventdesk.registration.AttendeeRow;
import eventdesk.registration.EventHead;
import eventdesk.registration.Registration;
import eventdesk.registration.CheckInService;
import eventdesk.registration.CheckInService.CheckInResult;
import eventdesk.team.Access;
import eventdesk.team.Role;
import eventdesk.web.Lang;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;

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
     * A ticket of an event that is not one of the organizer's is refused (403) and nobody is checked in.
     * A check-in is one access log entry of the organizer {@code by}.
     */
    public Outcome scan(String scanned, String eventSlug, Instant now, Locale locale, Access access, AccessLog.Entry by) {
        Optional<AttendeeRow> found = find(scanned, locale);
        if (found.isEmpty()) return Outcome.unknown();
        if (!access.may(Role.DOOR, found.get().eventSlug())) throw new ForbiddenException();
        if (eventSlug != null && !eventSlug.isBlank() && !eventSlug.equals(found.get().eventSlug())) {
            return new Outcome(CheckInResult.WRONG_EVENT, found.get());
        }
        return byId(found.get().id(), now, locale, access, by);
    }

    /**
     * Checks in a registration chosen from a search, if its event is one of the organizer's (else 403, nothing
     * changes); a check-in is one access log entry of the organizer {@code by}.
     */
    public Outcome byId(long registrationId, Instant now, Locale locale, Access access, AccessLog.Entry by) {
        AttendeeRow before = row(registrationId, locale);
        if (before == null) return Outcome.unknown();
        if (!access.may(Role.DOOR, before.eventSlug())) throw new ForbiddenException();
        return new Outcome(registrations.checkIn(registrationId, now, by), row(registrationId, locale));
    }

    /**
     * People of the door's event (or of all the organizer's events) whose name, affiliation or reference
     * contains {@code q}; their email too where the organizer manages the event (a door volunteer neither
     * sees nor searches email addresses).
     */
    @Transactional
    public List<AttendeeRow> search(String q, String eventSlug, Locale locale, Access access) {
        return Event.allByStart().stream()
                .filter(e -> (eventSlug == null || eventSlug.isBlank() || e.slug.equals(eventSlug)) && access.may(Role.DOOR, e.slug))
                .flatMap(e -> Registration.search(e, q, null, null, access.may(Role.MANAGER, e.slug)).page(0, MATCHES).list().stream())
                .limit(MATCHES).map(r -> AttendeeRow.of(r, locale)).toList();
    }

    /** The organizer's events the door can be set to: those not ended, and those that started less than a day ago. */
    @Transactional
    public List<EventHead> doorEvents(Instant now, Lang lang, Access access) {
        Map<Long, Registration.Counts> counts = Registration.countsByEvent();
        return Event.upcoming(now.minus(DOOR_OPEN_AFTER_START)).stream().filter(e -> access.may(Role.DOOR, e.slug))
                .map(e -> EventHead.of(e, e.capacity, counts.getOrDefault(e.id, new Registration.Counts()), lang)).toList();
    }

    @Transactional
    AttendeeRow row(long id, Locale locale) {
        Registration r = Registration.findById(id);
        return r == null ? null : AttendeeRow.of(r, locale);
    }

    static String token(String scanned) {
        if (scanned == null) return null;
        String s = scanned.strip();
        int query = s.indexOf('?');
        if (query >= 0) s = s.substring(0, query);
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
