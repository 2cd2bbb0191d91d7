package eventdesk.registration;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a registration stands (SPEC §2). APPLIED holds no seat: a draw's application before the
 * draw; it leaves as PENDING or WAITLISTED (drawn), EXPIRED (never verified) or CANCELLED (withdrawn).
 */
public enum RegistrationStatus {
    PENDING, CONFIRMED, WAITLISTED, APPLIED, CANCELLED, EXPIRED;

    /** Statuses that take a seat: seats taken = PENDING + CONFIRMED. */
    public static final Set<RegistrationStatus> SEATED = EnumSet.of(PENDING, CONFIRMED);

    public boolean isActive() {
        return this == PENDING || this == CONFIRMED || this == WAITLISTED || this == APPLIED;
    }

    public boolean holdsSeat() {
        return SEATED.contains(this);
    }
}
