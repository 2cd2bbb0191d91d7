package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.web.Lang;

import java.time.Instant;

/**
 * A draw event's state as the organizer's attendee page shows it: the applications and how many are
 * verified before the draw, the "draw now" button once the application window has closed
 * ({@link DrawResource}), and when it ran and how many were drawn after.
 */
public record DrawPanel(String drawAt, long applications, long verified, boolean due, String drawnAt, long drawn) {

    /** The panel of a draw event, read inside the caller's transaction. */
    public static DrawPanel of(Event e, Instant now, Lang lang) {
        boolean drawn = e.drawnAt != null;
        return new DrawPanel(lang.dateTime(e.drawAt), e.applied, Registration.verifiedApplications(e), e.drawDueAt(now),
                drawn ? lang.dateTime(e.drawnAt) : null, drawn ? Registration.drawOrder(e).size() : 0);
    }
}
