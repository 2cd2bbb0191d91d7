package eventdesk.registration;

import java.util.EnumSet;
import java.util.Set;

public enum RegistrationStatus {
    PENDING, CONFIRMED, WAITLISTED, CANCELLED, EXPIRED;

    /** Statuses that take a seat: seats taken = PENDING + CONFIRMED. */
    public static final Set<RegistrationStatus> SEATED = EnumSet.of(PENDING, CONFIRMED);

    public boolean isActive() {
        return this == PENDING || this == CONFIRMED || this == WAITLISTED;
    }

    public boolean holdsSeat() {
        return SEATED.contains(this);
    }
}
