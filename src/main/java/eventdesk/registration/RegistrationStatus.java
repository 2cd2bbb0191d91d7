package eventdesk.registration;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a registration stands. PENDING and CONFIRMED hold a seat; WAITLISTED waits for one
 * in first-come order; APPLIED holds no seat and waits for the organizer (approval) or for the
 * draw (a draw event's verified applications become PENDING or WAITLISTED, unverified ones EXPIRED).
 * CANCELLED, EXPIRED and DECLINED are final.
 */
public enum RegistrationStatus {
    PENDING, CONFIRMED, WAITLISTED, APPLIED, CANCELLED, EXPIRED, DECLINED;

    /** Statuses that take a seat: seats taken = PENDING + CONFIRMED. */
    public static final Set<RegistrationStatus> SEATED = EnumSet.of(PENDING, CONFIRMED);

    public boolean isActive() {
        return this == PENDING || this == CONFIRMED || this == WAITLISTED || this == APPLIED;
    }

    public boolean holdsSeat() {
        return SEATED.contains(this);
    }
}
