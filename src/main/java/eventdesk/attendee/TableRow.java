package eventdesk.attendee;

import eventdesk.registration.AttendeeRow;
import eventdesk.registration.Registration;
import eventdesk.web.Kst;

import java.util.Locale;

/**
 * One registration as a row of the organizer's attendee table: the person ({@link AttendeeRow}) with the
 * table's short KST times (registered, confirmed, checked in, answered "still coming?"), and whether it
 * was asked "still coming?" at all.
 */
public record TableRow(AttendeeRow row, String registered, String confirmed, String checkedIn, String answered,
                       boolean asked) {

    static TableRow of(Registration r, Locale locale, long waitlistPosition) {
        return new TableRow(AttendeeRow.of(r, locale, waitlistPosition), Kst.compact(r.createdAt), Kst.compact(r.confirmedAt),
                Kst.compact(r.checkedInAt), Kst.compact(r.reconfirmedAt), r.reconfirmSentAt != null);
    }
}
