package eventdesk.attendee;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The Excel export's sheet name and column headers, English by default; Korean in messages/sheet_ko.properties. */
@MessageBundle(value = "sheet", locale = "en")
public interface SheetTexts {

    @Message("Attendees")
    String sheet_name();

    @Message("Name")
    String col_name();

    @Message("Status")
    String col_status();

    @Message("Registered at")
    String col_registered();

    @Message("Confirmed at")
    String col_confirmed();

    @Message("Checked in at")
    String col_checked_in();

    @Message("Waitlist position")
    String col_waitlist();

    @Message("Language")
    String col_language();

    @Message("Draw reference")
    String col_reference();

    @Message("Draw rank")
    String col_draw_rank();

    @Message("Registration ID")
    String col_id();
}
