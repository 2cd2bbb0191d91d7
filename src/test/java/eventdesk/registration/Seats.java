package eventdesk.registration;

import eventdesk.event.Event;

/** Test access to the seat path's bookkeeping for registrations written straight to the database. */
public final class Seats {

    private Seats() {
    }

    /**
     * Gives a registration written by a test its status as the seat path would (status, active email,
     * the event's counters and the waitlist sequence). Call inside a transaction with the event locked.
     */
    public static void place(Registration r, Event locked, RegistrationStatus status) {
        r.event = locked;
        r.setStatus(status);
        if (status.holdsSeat()) {
            locked.seatsTaken++;
            r.seatedAt = r.createdAt;
        }
        if (status == RegistrationStatus.APPLIED) locked.applied++;
        if (status == RegistrationStatus.WAITLISTED) {
            locked.waitlisted++;
            r.waitlistSeq = ++locked.waitlistSeq;
        }
    }
}
