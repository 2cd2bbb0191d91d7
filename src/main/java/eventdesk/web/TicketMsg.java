package eventdesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of curated events (ticket types, approval, invitation codes), English by default;
 * Korean in messages/tix_ko.properties. Templates use {@code {tix:key}}.
 */
@MessageBundle(value = "tix", locale = "en")
public interface TicketMsg {

    // Public pages and the sign-up form

    @Message("Ticket type")
    String field_type();

    @Message("{name}: {n} seats left")
    String type_seats_left(String name, long n);

    @Message("{name}: full · waitlist open")
    String type_waitlist(String name);

    @Message("{name}: sold out")
    String type_sold_out(String name);

    @Message("{n} seats left")
    String choice_seats_left(long n);

    @Message("Full · waitlist")
    String choice_waitlist();

    @Message("Sold out")
    String choice_sold_out();

    @Message("Needs approval")
    String choice_approval();

    @Message("Choose a ticket type.")
    String error_type_required();

    @Message("Invitation code (optional)")
    String field_code();

    @Message("Only if the organizers sent you one: it takes a seat kept for invitations. Letters and digits, e.g. K7QM-3XPA-9HRT-WD4N.")
    String field_code_hint();

    @Message("We do not know this code. Check it against your invitation: 16 letters and digits, e.g. K7QM-3XPA-9HRT-WD4N.")
    String code_UNKNOWN();

    @Message("This code has already been used. Each invitation code takes one seat.")
    String code_USED();

    @Message("This code has expired.")
    String code_EXPIRED();

    @Message("This code is for another email address. Use the address your invitation was sent to.")
    String code_OTHER_EMAIL();

    @Message("This code is for another ticket type. Choose the type named in your invitation, or leave the choice to the code.")
    String code_OTHER_TYPE();

    @Message("No seat is left for this code.")
    String code_NO_SEAT();

    @Message("The organizers review every sign-up. Apply now and we email you their decision; you hold no seat until then.")
    String approval_notice();

    @Message("All public seats are taken. Some seats are kept for invitations: sign up with your invitation code.")
    String codes_only_notice();

    @Message("Apply")
    String submit_apply();

    @Message("Application received")
    String thanks_applied_title();

    @Message("Thank you for applying. The organizers review every application and email you their decision. You hold no seat until then.")
    String thanks_applied_text();

    @Message("Your application is waiting for the organizers' review. We email you their decision.")
    String manage_applied();

    @Message("Your application was not accepted this time.")
    String manage_declined();

    // Mails

    @Message("Application received: {title}")
    String mail_applied_subject(String title);

    @Message("Thank you for applying. The organizers review every application and email you their decision; you hold no seat until then.")
    String mail_applied_text();

    @Message("You are approved: {title}")
    String mail_approved_subject(String title);

    @Message("Good news: your application was approved and a seat is held for you. Please confirm by {deadline}; after that the seat goes to the next person.")
    String mail_approved_text(String deadline);

    @Message("About your application: {title}")
    String mail_declined_subject(String title);

    @Message("Thank you for your interest in this event. We are sorry that we cannot offer you a place this time, and we hope to see you at one of our next events.")
    String mail_declined_text();

    // Organizer area

    @Message("Review every sign-up before it gets a seat (approval)")
    String field_approval();

    @Message("Ticket types")
    String edit_types_title();

    @Message("Optional. Each type has its own seats and waitlist inside the event's capacity, which stays the overall cap. Held seats are kept for invitation codes. Empty rows add nothing; \"Remove this type\" removes one, only while it has no registrations.")
    String edit_types_hint();

    @Message("Type {n}")
    String edit_type_legend(int n);

    @Message("Key")
    String field_type_key();

    @Message("Name (English)")
    String field_type_name();

    @Message("Name (Korean)")
    String field_type_name_ko();

    @Message("Seats")
    String field_type_capacity();

    @Message("Held for invitations")
    String field_type_held();

    @Message("Needs approval")
    String field_type_approval();

    @Message("Remove this type")
    String field_type_remove();

    @Message("Held seats are released (KST)")
    String field_held_until();

    @Message("At this time, held seats no code has taken go to their type's waitlist. Leave empty to hold them until you change it.")
    String field_held_until_hint();

    @Message("Use lowercase letters, digits and hyphens (at most 32), each key once.")
    String error_type_key();

    @Message("Enter a whole number of seats, at least {taken} (seats of this type already taken).")
    String error_type_capacity(long taken);

    @Message("Enter a number between 0 and the type's seats.")
    String error_type_held();

    @Message("This type has registrations and cannot be removed.")
    String error_type_in_use();

    @Message("Ticket types can be added only before sign-ups start.")
    String error_types_after_signups();

    @Message("Ticket type")
    String type_filter();

    @Message("All types")
    String type_all();

    @Message("{taken} of {capacity} taken")
    String type_taken(long taken, long capacity);

    @Message("held {remaining} of {held}")
    String type_held(long remaining, long held);

    @Message("{n} waiting")
    String type_waiting(long n);

    @Message("Applications")
    String count_applied();

    @Message("Declined")
    String count_declined();

    @Message("Applications ({n})")
    String admin_applications(long n);

    @Message("Invitation codes")
    String admin_codes();

    @Message("Applications: {title}")
    String applications_title(String title);

    @Message("Tick the applications to decide, then approve or decline them together. Approved people get a seat while one is free (they confirm it by email), else a place on the waitlist; declined people get a kind note.")
    String applications_intro();

    @Message("No applications waiting.")
    String applications_empty();

    @Message("Select")
    String col_select();

    @Message("Select {name}")
    String select_label(String name);

    @Message("Approve selected")
    String approve_button();

    @Message("Decline selected")
    String decline_button();

    @Message("Approved: {seated} with a seat, {waitlisted} on the waitlist. Skipped: {skipped}.")
    String approved_done(int seated, int waitlisted, int skipped);

    @Message("Declined: {declined}. Skipped: {skipped}.")
    String declined_done(int declined, int skipped);

    @Message("Nothing was changed: choose Approve or Decline for the selected applications.")
    String applications_no_action();

    @Message("Nothing was changed: no application awaiting a decision was selected.")
    String applications_none_selected();

    @Message("This is a draw event: its seats are given by the draw (and by invitation codes for held seats), so its applications are not approved or declined here.")
    String applications_draw();

    @Message("Decline {n} application(s)?")
    String decline_confirm_title(int n);

    @Message("Each person below gets a mail saying that their application was not accepted. This cannot be undone.")
    String decline_confirm_text();

    @Message("Yes, decline {n}")
    String decline_confirm_button(int n);

    @Message("Approve {n} application(s)?")
    String approve_all_confirm_title(int n);

    @Message("Each person below gets a seat of their ticket type while one is free, with a mail asking them to confirm it; once the seats are gone, the rest join the waitlist in this order (a mail with their place), or stay waiting for a decision when there is no waitlist.")
    String approve_all_confirm_text();

    @Message("Yes, approve {n}")
    String approve_all_confirm_button(int n);

    @Message("The applications matching this filter changed since you looked: now {n}. Nothing was decided yet.")
    String applications_changed(int n);

    @Message("{n} of {total} applications")
    String applications_count(int n, int total);

    @Message("Only the first {n} are listed here; applying to all matching (the box below) covers the rest too.")
    String applications_listed_first(int n);

    @Message("Apply to all {n} applications matching this filter")
    String select_all(int n);

    @Message("Then Approve or Decline first shows who is affected and asks you to confirm; ticked boxes below do not matter.")
    String select_all_hint();

    @Message("Answer")
    String filter_answer();

    @Message("Any answer")
    String filter_any_answer();

    @Message("Text answer contains")
    String filter_contains();

    @Message("In the answer to")
    String filter_text_question();

    @Message("Any text question")
    String filter_any_text_question();

    @Message("Show all applications")
    String filter_clear();

    @Message("Message applicants")
    String message_applicants();

    @Message("Invitation codes: {title}")
    String codes_title(String title);

    @Message("A code takes one seat of its type: one held for invitations while any is left, else a public one. No approval is needed. Each code works once.")
    String codes_intro();

    @Message("New codes")
    String codes_new();

    @Message("How many")
    String field_code_count();

    @Message("Only for this email (optional)")
    String field_code_email();

    @Message("Valid until (KST, optional)")
    String field_code_expires();

    @Message("Create codes")
    String codes_create();

    @Message("Copy these codes now: they are shown only this once (only their first characters are kept). Each link opens the sign-up form with the code filled in.")
    String codes_created();

    @Message("Sign-up links with the codes (one per line)")
    String codes_links();

    @Message("Code")
    String col_code();

    @Message("For")
    String col_for();

    @Message("Valid until")
    String col_expires();

    @Message("Used by")
    String col_used_by();

    @Message("Anyone")
    String code_anyone();

    @Message("Not used")
    String code_unused();

    @Message("No codes yet.")
    String codes_empty();

    @Message("Enter a whole number from 1 to 500.")
    String error_code_count();
    @Message("Mail a code to each person")
    String codes_mail_title();

    @Message("One personal code per address, usable only with that address, mailed to it in Korean and English with a sign-up link that fills the code in. An address given twice gets one code.")
    String codes_mail_intro();

    @Message("Send codes to these addresses (one per line)")
    String field_code_emails();

    @Message("Mail the codes")
    String codes_mail_button();

    @Message("{n} code(s) made and mailed, one to each address.")
    String codes_mailed(int n);

    @Message("These addresses cannot be mailed: {addresses}. No code was made.")
    String error_code_emails(String addresses);

    @Message("At most 500 addresses at a time.")
    String error_code_emails_many();

    @Message("Your invitation code for {title}")
    String mail_code_subject(String title);

    @Message("You are invited to {title}. Your personal invitation code:")
    String mail_code_text(String title);

    @Message("It works once, and only with this email address. The link below opens the sign-up form with the code filled in.")
    String mail_code_use();

    @Message("Valid until {until} (KST).")
    String mail_code_until(String until);

    @Message("Sign up with the code")
    String mail_code_button();

    @Message("You receive this email because an organizer of this event invited this address. If you do not wish to come, you can ignore it.")
    String mail_code_footer();
}
