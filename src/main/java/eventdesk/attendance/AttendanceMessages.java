package eventdesk.attendance;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the mails and pages before the day ("still coming?", reminders), English by default;
 * Korean in messages/att_ko.properties. Templates use {att:key}.
 */
@MessageBundle(value = "att", locale = "en")
public interface AttendanceMessages {

    @Message("Still coming? {title}")
    String reconfirm_subject(String title);

    @Message("Your seat is confirmed. Can you still come? One click tells us. If you cannot, your seat goes to the next person on the waitlist at once.")
    String reconfirm_text();

    @Message("Please answer by {deadline}. If we have not heard from you by then, your seat is released to the waitlist.")
    String reconfirm_deadline(String deadline);

    @Message("I'll be there")
    String yes_button();

    @Message("Release my seat")
    String release_button();

    @Message("See you soon: {title}")
    String reminder_subject(String title);

    @Message("Here is your ticket again. Show the QR code at the door.")
    String reminder_text();

    @Message("Open the map")
    String map_link();

    @Message("Can't come after all? Release your seat so the next person on the waitlist gets it.")
    String reminder_release();

    @Message("Your seat was released: {title}")
    String released_subject(String title);

    @Message("We did not hear from you by {deadline}, so your seat went to the next person on the waitlist. You can sign up again while registration is open.")
    String released_text(String deadline);

    @Message("Still coming?")
    String page_title();

    @Message("Please confirm that you will come. It takes one click.")
    String page_ask_yes();

    @Message("Your seat goes to the next person on the waitlist at once. This cannot be undone.")
    String page_ask_release();

    @Message("Thank you. See you there!")
    String page_attending();

    @Message("Plans changed?")
    String page_changed();

    @Message("Your seat is released. Thank you for letting someone else come.")
    String page_released();

    @Message("This registration is no longer active.")
    String page_inactive();

    @Message("Answered \"I'll be there\" {time}")
    String answered(String time);

    @Message("Still coming? and reminders")
    String form_legend();

    @Message("\"Still coming?\" mail, hours before the start")
    String form_reconfirm();

    @Message("Empty: the server's default ({hours} h). 0: off. Also accepts an ISO-8601 duration such as P3D.")
    String form_default_hint(long hours);

    @Message("Reminder with the ticket, hours before the start")
    String form_reminder();

    @Message("Release the seats of people who did not answer \"still coming?\" in time")
    String form_auto_release();

    @Message("Answer deadline, hours before the start")
    String form_deadline();

    @Message("Empty: {hours} h. Must be shorter than the \"still coming?\" time. Only people whose mail named this deadline (sent at least 12 h before it) are released.")
    String form_deadline_hint(long hours);

    @Message("Automatic release is on: confirmed people who do not answer by the deadline lose their seat to the waitlist, each with a mail. Check the deadline before you save.")
    String form_auto_release_warning();

    @Message("Reconfirmed")
    String count_reconfirmed();

    @Message("a whole number of hours from 0 to 8760, or an ISO-8601 duration such as P3D")
    String error_duration();

    @Message("The deadline must come after the \"still coming?\" mail: make it shorter than that time, and turn \"still coming?\" on.")
    String error_deadline();
}
