package eventdesk.message;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the message pages, English by default; Korean in messages/gm_ko.properties. Group
 * labels ({@code gm:group(RecipientGroup)}) are in messages/gm.properties.
 */
@MessageBundle(value = "gm", locale = "en")
public interface MessageTexts {

    @Message
    String group(RecipientGroup value);

    @Message("Messages")
    String messages_link();

    @Message("Messages: {title}")
    String messages_title(String title);

    @Message("New message")
    String new_message();

    @Message("After the event")
    String after_title();

    @Message("One click fills in the message in both languages; you check it in the preview before anything is sent.")
    String after_explain();

    @Message("Thank you for coming")
    String preset_thanks();

    @Message("Sorry we missed you")
    String preset_missed();

    @Message("Thank you for coming to {title}")
    String preset_thanks_subject(String title);

    @Message("Thank you for coming to {title}! We hope you met good people and left with new ideas.\n\nWe would love to see you again at our next event.")
    String preset_thanks_body(String title);

    @Message("Sorry we missed you at {title}")
    String preset_missed_subject(String title);

    @Message("We kept a seat for you at {title}, but missed you on the day. We hope everything is all right.\n\nWhen you cannot come next time, please release your seat from the manage link so someone on the waitlist can take it.")
    String preset_missed_body(String title);

    @Message("Sent messages")
    String sent_title();

    @Message("No messages sent yet.")
    String sent_empty();

    @Message("Sent at")
    String col_when();

    @Message("Group")
    String col_group();

    @Message("Recipients")
    String col_recipients();

    @Message("Subject")
    String col_subject();

    @Message("Sent by")
    String col_sent_by();

    @Message("To")
    String field_group();

    @Message("Choose a group")
    String choose_group();

    @Message("the {n} people you selected on the attendee list")
    String selected_people(int n);

    @Message("Subject (Korean)")
    String field_subject_ko();

    @Message("Subject (English)")
    String field_subject_en();

    @Message("Message (Korean)")
    String field_body_ko();

    @Message("Message (English)")
    String field_body_en();

    @Message("Plain text; links (https://…) become clickable. Each person gets their language; where one language is blank they get the other. Every mail ends with the event and the person's manage link.")
    String text_hint();

    @Message("Preview")
    String preview_button();

    @Message("Preview: {title}")
    String preview_title(String title);

    @Message("This message goes to {count} people: {group}.")
    String preview_count(long count, String group);

    @Message("Nobody is in this group right now, so there is nothing to send.")
    String preview_nobody();

    @Message("The group changed while you were checking: it now has {count} people. Check again and confirm.")
    String count_changed(long count);

    @Message("Send to {count} people")
    String send_button(long count);

    @Message("Change the message")
    String change_button();

    @Message("Mails leave a few per second so the mail server is not swamped; a large group takes a few minutes.")
    String rate_hint();

    @Message("Message")
    String detail_title();

    @Message("Sent. The mails are on their way; this page shows when each one left.")
    String detail_sent();

    @Message("Waiting to be sent")
    String status_pending();

    @Message("Sent")
    String status_sent();

    @Message("Failed")
    String status_dead();

    @Message("Name")
    String col_name();

    @Message("Email")
    String col_email();

    @Message("Language")
    String col_language();

    @Message("Mail")
    String col_mail();

    @Message("Back to messages")
    String back_to_messages();

    @Message("Choose who gets the message.")
    String error_group();

    @Message("This group can be chosen once the event has started.")
    String error_group_not_yet();

    @Message("Nobody in this event waits for approval: choose another group.")
    String error_group_not_offered();

    @Message("Write a subject in at least one language.")
    String error_subject_required();

    @Message("Write the message in at least one language.")
    String error_body_required();

    @Message("Too long.")
    String error_too_long();

    @Message("Contains characters that cannot be sent (control characters; a subject is one line).")
    String error_invalid_chars();

    @Message("This form has expired. Open a new message and try again.")
    String error_reload();

    @Message("Please correct the following")
    String errors_title();

    @Message("Kind of message")
    String field_purpose();

    @Message("About this event")
    String purpose_transactional();

    @Message("Goes to everyone in the group: practical details, changes, thanks. No advertising.")
    String purpose_transactional_hint();

    @Message("Promotional")
    String purpose_promotional();

    @Message("News of other events, offers, sponsors: anything that advertises. Goes only to people in the group who agreed to news by email and have not withdrawn. The Korean subject starts with {mark}, and the mail ends with the sender ({sender}, {contact}) and a link to stop such mail.")
    String purpose_promotional_hint(String mark, String sender, String contact);

    @Message("Promotional")
    String purpose_badge();

    @Message("Choose the kind of message.")
    String error_purpose();

    @Message("{count} people of this group are left out: they did not agree to news by email when they signed up, or have withdrawn.")
    String preview_left_out(long count);

    @Message("Nobody in this group has agreed to news by email, so a promotional message reaches no one.")
    String preview_nobody_promotional();

    @Message("Promotional: the Korean subject starts with {mark}; every mail ends with the sender ({sender}, {contact}) and a link to stop promotional mail, and mail clients offer one-click unsubscribe.")
    String preview_promotional_marks(String mark, String sender, String contact);

    @Message("Not sent: marketing consent withdrawn")
    String status_dropped();
}
