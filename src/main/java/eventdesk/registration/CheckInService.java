package eventdesk.registration;

import eventdesk.audit.AccessLog;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

import static eventdesk.registration.RegistrationStatus.CONFIRMED;

/**
 * The door: only a CONFIRMED registration is checked in, once. Under the event lock, so a check-in and a
 * cancel of the same person never both happen (a checked-in registration is no longer cancelled).
 */
@ApplicationScoped
public class CheckInService {

    @Inject
    MeterRegistry metrics;
    @Inject
    AccessLog accessLog;

    /** What a scan or a click at the door did (the door screen also reports codes it cannot place). */
    public enum CheckInResult { CHECKED_IN, ALREADY, NOT_CONFIRMED, WRONG_EVENT, UNKNOWN }

    /**
     * Marks a CONFIRMED attendee present at the door. A second scan changes nothing and reports the
     * first time; anyone not CONFIRMED is refused.
     */
    @Transactional
    public CheckInResult checkIn(long registrationId, Instant now) {
        Registration r = Registration.lockById(registrationId);
        if (r.status != CONFIRMED) return CheckInResult.NOT_CONFIRMED;
        if (r.checkedInAt != null) return CheckInResult.ALREADY;
        r.checkedInAt = now;
        metrics.counter("eventdesk.checkins").increment();
        return CheckInResult.CHECKED_IN;
    }

    /**
     * {@link #checkIn(long, Instant)} at the door by the organizer {@code by}: a check-in writes its access
     * log entry (the event, the registration's id) with it; a refused one writes nothing.
     */
    @Transactional
    public CheckInResult checkIn(long registrationId, Instant now, AccessLog.Entry by) {
        CheckInResult result = checkIn(registrationId, now);
        if (result == CheckInResult.CHECKED_IN) {
            Registration r = Registration.findById(registrationId);
            accessLog.recordWithChange(by.forEvent(r.event.slug).withRegistrations(List.of(r.id)));
        }
        return result;
    }
}
