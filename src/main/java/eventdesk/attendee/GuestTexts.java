package eventdesk.attendee;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the page that adds an attendee by hand, English by default; Korean in messages/guest_ko.properties. */
@MessageBundle(value = "guest", locale = "en")
public interface GuestTexts {

    @Message("Add attendee")
    String add_link();

    @Message("Add an attendee: {title}")
    String title(String title);

    @Message("For a speaker, a sponsor's staff or a walk-in. They take a free seat like everyone else (seats held for invitation codes stay for the codes), also after registration has closed; with no seat left nothing is stored. You answer for having their agreement to the use of their data.")
    String intro();

    @Message("What happens now")
    String field_status();

    @Message("Confirmed now: mail the ticket (QR code and calendar entry)")
    String status_confirmed();

    @Message("Pending: mail the confirmation link, as after a sign-up")
    String status_pending();

    @Message("Language of the mails")
    String field_locale();

    @Message("Add attendee")
    String submit();

    @Message("No seat is left (of this ticket type). Nothing was stored: raise the capacity on the event's edit page first.")
    String refused_no_seat();

    @Message("This address already has a registration for this event. Nothing was stored.")
    String refused_duplicate();

    @Message("The event is cancelled. Nothing was stored.")
    String refused_cancelled();

    @Message("Before the draw, seats are given by the draw (invitation codes take held seats). Nothing was stored.")
    String refused_draw();

    @Message("The event has started, so a confirmation link would expire at once: choose \"Confirmed now\". Nothing was stored.")
    String refused_started();

    @Message("Attendee added as confirmed; the ticket is on its way.")
    String done_confirmed();

    @Message("Attendee added as pending; the confirmation link is on its way.")
    String done_pending();
}
