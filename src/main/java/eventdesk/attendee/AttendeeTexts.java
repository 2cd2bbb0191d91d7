package eventdesk.attendee;

import eventdesk.registration.RegistrationStatus;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the organizer's attendee table and its bulk actions, in the organizer's words, English by
 * default; Korean in messages/desk_ko.properties, status labels in messages/desk.properties and desk_ko.properties.
 */
@MessageBundle(value = "desk", locale = "en")
public interface AttendeeTexts {

    /** A status as the organizer says it (the visitor's page says "Waiting for your confirmation"): status_CONSTANT. */
    @Message
    String status(RegistrationStatus value);

    @Message("Email")
    String col_email();

    @Message("Affiliation")
    String col_affiliation();

    @Message("Role")
    String col_role();

    @Message("Ticket type")
    String col_type();

    @Message("Registered (KST)")
    String col_registered();

    @Message("Confirmed (KST)")
    String col_confirmed();

    @Message("Checked in (KST)")
    String col_checked_in();

    @Message("Still coming?")
    String col_answered();

    @Message("asked, no answer")
    String not_answered();

    @Message("Checked in")
    String filter_checked_in();

    @Message("Answered \"still coming?\"")
    String filter_answered();

    @Message("Any")
    String any();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("{shown} of {total} registrations match · page {page} of {pages}")
    String totals(long shown, long total, int page, int pages);

    @Message("Select {name}")
    String select_row(String name);

    @Message("Select this registration")
    String select_erased();

    @Message("With the selected people")
    String bulk_legend();

    @Message("Action")
    String bulk_action();

    @Message("Send their mail again")
    String bulk_resend();

    @Message("Cancel their registrations")
    String bulk_cancel();

    @Message("Apply to all {n} matching the filters, not only those selected")
    String bulk_all(long n);

    @Message("Continue…")
    String bulk_continue();

    @Message("Select at least one person, or tick \"all matching\".")
    String bulk_none();

    @Message("Send the mail again to {n} people?")
    String resend_question(int n);

    @Message("Each gets the mail that fits where they stand now, with fresh links: the confirmation link, the ticket, their waitlist place or their application. {skipped} of the selected are cancelled, expired or declined and get nothing.")
    String resend_consequence(int skipped);

    @Message("Send {n} mails")
    String resend_button(int n);

    @Message("Cancel {n} registrations?")
    String cancel_question(int n);

    @Message("Each person gets a cancellation mail; their seats go to the waitlist at once. This cannot be undone. {skipped} of the selected are already checked in, cancelled, expired or declined and are left alone.")
    String cancel_consequence(int skipped);

    @Message("Cancel {n} registrations")
    String cancel_button(int n);

    @Message("…and {n} more")
    String and_more(int n);

    @Message("Sent the mail again to {n} people.")
    String done_resent(String n);

    @Message("Cancelled {n} registrations.")
    String done_cancelled(String n);

    @Message("The people matching the filters changed since you looked ({was} then, {now} now). Check the list and try again.")
    String changed(long was, long now);

    @Message("First")
    String first_page();

    @Message("Last")
    String last_page();

    @Message("Sort by")
    String sort_label();

    @Message("Order")
    String dir_label();

    @Message("A to Z, oldest first")
    String dir_asc();

    @Message("Z to A, newest first")
    String dir_desc();

    @Message("Write them a message")
    String bulk_message();

    @Message("Write a message to {n} people?")
    String message_question(int n);

    @Message("Next you write the message in Korean and English and see a preview with the exact number of recipients; nothing is sent before you press Send there. {skipped} of the selected erased their data and get nothing.")
    String message_consequence(int skipped);

    @Message("Write the message")
    String message_button(int n);

    @Message("That is more people than one message to selected people may reach; choose a group on the Messages page instead.")
    String bulk_too_many();
}
