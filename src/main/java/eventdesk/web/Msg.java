package eventdesk.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every visible text, English by default; Korean in messages/msg_ko.properties
 * (MessageBundleTest fails when a Korean text is missing).
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message("Sign-up desk for startup and developer events in Seoul")
    String app_tagline();

    @Message("Skip to content")
    String skip_to_content();

    @Message("한국어")
    String lang_switch();

    @Message("Language")
    String lang_switch_label();

    @Message("eventdesk · Seoul · Times in Korea Standard Time (KST)")
    String footer();

    @Message("Upcoming events")
    String list_title();

    @Message("No upcoming events right now.")
    String list_empty();

    @Message("Past events")
    String list_past_title();

    @Message("Ended")
    String event_ended();

    @Message("{n} seats left")
    String seats_left(long n);

    @Message("Full · waitlist open")
    String seats_waitlist();

    @Message("Sold out")
    String seats_sold_out();

    @Message("Registration closed")
    String reg_closed();

    @Message("Registration not open yet")
    String reg_not_open();

    @Message("Cancelled")
    String event_cancelled();

    @Message("When")
    String event_when();

    @Message("Where")
    String event_where();

    @Message("Seats")
    String event_seats();

    @Message("{seatsLeft} of {capacity} seats left")
    String event_capacity(long seatsLeft, long capacity);

    @Message("{n} on the waitlist")
    String event_waitlist_count(long n);

    @Message("Sign up")
    String form_title();

    @Message("It takes a minute. We will email you a link to confirm your seat.")
    String form_intro();

    @Message("All fields are required unless marked optional.")
    String form_required_note();

    @Message("Full name")
    String field_name();

    @Message("One field, written as you use it, e.g. 김민준 or Jane Doe.")
    String field_name_hint();

    @Message("Email")
    String field_email();

    @Message("We send the confirmation link here.")
    String field_email_hint();

    @Message("Company or school")
    String field_affiliation();

    @Message("Role")
    String field_role();

    @Message("Language for emails")
    String field_locale();

    @Message("한국어 (Korean)")
    String locale_ko();

    @Message("English")
    String locale_en();

    @Message("Consent to the collection and use of personal data (required)")
    String consent_title();

    @Message("Purpose: registration, check-in and notices for this event.")
    String consent_purpose();

    @Message("Items: name, email, affiliation, role, preferred language, and your answers to the event's own questions if it asks any.")
    String consent_items();

    @Message("Retention: until {period} after the event, then deleted.")
    String consent_retention(String period);

    @Message("one year")
    String consent_period_year();

    @Message("{years} years")
    String consent_period_years(long years);

    @Message("{days} days")
    String consent_period_days(long days);

    @Message("{hours} hours")
    String consent_period_hours(long hours);

    @Message("You may refuse; without this consent we cannot register you.")
    String consent_refuse();

    @Message("I agree to the collection and use of my personal data as described above.")
    String consent_label();

    @Message("News by email (optional)")
    String marketing_title();

    @Message("We use your name and email to tell you about future events and offers, until you withdraw (at most as long as your registration is kept). Every such mail has a link to stop it. You may refuse; refusing changes nothing about your registration.")
    String marketing_terms();

    @Message("Email me about future events (optional).")
    String marketing_label();

    @Message("Sign up")
    String submit_register();

    @Message("Join the waitlist")
    String submit_waitlist();

    @Message("Please correct the marked fields.")
    String form_errors_title();

    @Message("This event has been cancelled; it takes no sign-ups.")
    String closure_CANCELLED();

    @Message("Registration opens {when}.")
    String closure_NOT_YET_OPEN(String when);

    @Message("Registration has closed.")
    String closure_CLOSED();

    @Message("All seats are taken and this event has no waitlist.")
    String sold_out_text();

    @Message("All seats are taken. Join the waitlist: when a seat frees up, we email people in the order they joined.")
    String waitlist_notice();

    @Message("Please fill in this field.")
    String error_required();

    @Message("This is too long; please shorten it.")
    String error_too_long();

    @Message("Enter a valid email address, like name@example.com.")
    String error_invalid_email();

    @Message("Please leave out the characters < and > and control characters.")
    String error_invalid_chars();

    @Message("Choose one of the options.")
    String error_invalid_choice();

    @Message("Your consent is needed to register.")
    String error_consent_required();

    @Message("Check your inbox")
    String thanks_pending_title();

    @Message("We are holding a seat for you and emailed you a confirmation link. Open it and press Confirm to get your ticket; an unconfirmed seat is released when its hold ends.")
    String thanks_pending_text();

    @Message("You are on the waitlist")
    String thanks_waitlist_title();

    @Message("You are number {n} on the waitlist. When a seat frees up, we email you a link to claim it.")
    String thanks_waitlist_text(long n);

    @Message("No email after a few minutes? Check your spam folder, or sign up again with the same address and we re-send it.")
    String thanks_mail_note();

    @Message("Back to the event")
    String back_to_event();

    @Message("All events")
    String back_to_list();

    @Message("Confirm your seat")
    String confirm_title();

    @Message("Press Confirm to keep your seat. Your hold ends {deadline}.")
    String confirm_text(String deadline);

    @Message("Confirm my seat")
    String confirm_button();

    @Message("You are confirmed")
    String confirmed_title();

    @Message("Your ticket with its QR code and a calendar entry is on its way to {email}.")
    String confirmed_text(String email);

    @Message("This link no longer works")
    String link_invalid_title();

    @Message("It may have expired or been used up. Open the latest email from eventdesk, or sign up again on the event page with the same email and we re-send your links.")
    String link_invalid_text();

    @Message("Your hold has expired")
    String hold_expired_title();

    @Message("The seat was released. Sign up again on the event page: you get a seat if one is left, or a place on the waitlist.")
    String hold_expired_text();

    @Message("Your registration")
    String manage_title();

    @Message("Status")
    String manage_status();

    @Message("Number {n} on the waitlist")
    String manage_position(long n);

    @Message("Confirm by {deadline} using the link in your email.")
    String manage_hold(String deadline);

    @Message("Checked in at {time}")
    String manage_checked_in(String time);

    @Message("Cannot come?")
    String cancel_title();

    @Message("Cancel to free your seat for the next person. This cannot be undone.")
    String cancel_text();

    @Message("Cancel my registration")
    String cancel_button();

    @Message("Your registration is cancelled. Thank you for freeing the seat.")
    String cancelled_text();

    @Message("Add to calendar (.ics)")
    String calendar_download();

    @Message("Your ticket")
    String manage_ticket_title();

    @Message("Show this QR code at the entrance to check in.")
    String manage_ticket_text();

    @Message("QR code of your ticket for {event}: show it at the entrance to check in")
    String manage_ticket_alt(String event);

    @Message("Your ticket and manage page")
    String confirmed_manage_link();

    @Message("Your seat is held until {deadline} — confirm from the mail before then.")
    String thanks_hold(String deadline);

    @Message("Page not found")
    String not_found_title();

    @Message("We could not find that page or event. It may have moved or never existed.")
    String not_found_text();

    @Message("Something went wrong")
    String error_title();

    @Message("Please try again in a moment. If it keeps happening, give the organizers this code: {id}")
    String error_text(String id);

    @Message("Too many sign-ups")
    String rate_limited_title();

    @Message("Too many sign-ups came from your network or for this email address just now. Please try again in {minutes} {#if minutes == 1}minute{#else}minutes{/if}.")
    String rate_limited_text(long minutes);

    @Message("Too many people are signing up right now")
    String busy_title();

    @Message("Nothing was saved. Please try again in {seconds} seconds.")
    String busy_text(long seconds);

    @Message("Request not accepted")
    String bad_request_title();

    @Message("The form may have expired. Go back, reload the page and try again.")
    String bad_request_text();

    @Message("Not for your role")
    String forbidden_title();

    @Message("Your organizer role does not include this page or action, or this event is not one of yours. Nothing was changed. The team's owner can change your role.")
    String forbidden_text();

    @Message("Back to my organizer pages")
    String forbidden_back();

    @Message("This form has expired")
    String csrf_refused_title();

    @Message("The page was open for a long time, or you signed in or out after loading it. Go back, reload the page and send the form again.")
    String csrf_refused_text();

    @Message("Hello {name},")
    String mail_hello(String name);

    @Message("Confirm your seat: {title}")
    String mail_held_subject(String title);

    @Message("We are holding a seat for you. Please confirm by {deadline}; after that the seat goes to the next person.")
    String mail_held_text(String deadline);

    @Message("A seat is free for you: {title}")
    String mail_offered_subject(String title);

    @Message("Good news: a seat freed up and it is yours if you confirm by {deadline}.")
    String mail_offered_text(String deadline);

    @Message("Confirm my seat")
    String mail_confirm_button();

    @Message("You are on the waitlist: {title}")
    String mail_waitlisted_subject(String title);

    @Message("The event is full. You are number {n} on the waitlist; we email you as soon as a seat is yours.")
    String mail_waitlisted_text(long n);

    @Message("Your ticket: {title}")
    String mail_ticket_subject(String title);

    @Message("You are confirmed. Show the QR code at the door; the calendar entry is attached.")
    String mail_ticket_text();

    @Message("Check-in code")
    String mail_checkin_code();

    @Message("Registration cancelled: {title}")
    String mail_cancelled_subject(String title);

    @Message("Your registration has been cancelled. You can sign up again while registration is open.")
    String mail_cancelled_text();

    @Message("Your seat hold expired: {title}")
    String mail_expired_subject(String title);

    @Message("You did not confirm in time, so the seat was released. You can sign up again while registration is open.")
    String mail_expired_text();

    @Message("View or cancel your registration")
    String mail_manage();

    @Message("You receive this email because this address was used to sign up at eventdesk.")
    String mail_footer();

    @Message("You agreed to news of future events by email when you signed up.")
    String mail_unsubscribe_note();

    @Message("Stop promotional mail")
    String mail_unsubscribe();

    @Message("This is promotional mail: you get it because you agreed to news of future events by email when you signed up.")
    String mail_ad_reason();

    @Message("Sender: {name} · Contact: {contact}")
    String mail_ad_sender(String name, String contact);

    @Message("Stop promotional mail")
    String unsubscribe_title();

    @Message("{email} will get no more news of future events or other promotional mail from {sender}.")
    String unsubscribe_text(String email, String sender);

    @Message("Mails about your registrations (confirmation, ticket, changes to the event) still arrive.")
    String unsubscribe_still();

    @Message("Stop promotional mail")
    String unsubscribe_button();

    @Message("Done: {email} gets no more promotional mail from {sender}.")
    String unsubscribe_done(String email, String sender);

    @Message("Organizer area")
    String admin_title();

    @Message("Events")
    String admin_nav_dashboard();

    @Message("Check-in")
    String admin_nav_checkin();

    @Message("New event")
    String admin_nav_new();

    @Message("Log out")
    String admin_logout();

    @Message("Organizer login")
    String login_title();

    @Message("Email")
    String login_username();

    @Message("Password")
    String login_password();

    @Message("Log in")
    String login_button();

    @Message("Wrong user name or password.")
    String login_error();

    @Message("Too many sign-in attempts. Try again in {minutes} minutes.")
    String login_limited(long minutes);

    @Message("eventdesk: organizer sign-in locked")
    String mail_locked_subject();

    @Message("{failures} wrong passwords were tried for the organizer account {account}, the last from the address {address}. Signing in to this account is locked until {until} (KST); sessions already signed in keep working.")
    String mail_locked_text(long failures, String account, String address, String until);

    @Message("If this was not you, someone is guessing the password: choose a long random one (EVENTDESK_ADMIN_PASSWORD) and restart eventdesk. Behind a proxy, check its settings so that the address above is the client's.")
    String mail_locked_advice();

    @Message("Events and live counts")
    String dash_title();

    @Message("No events yet.")
    String dash_empty();

    @Message("{taken} of {capacity} seats taken")
    String count_seats(long taken, long capacity);

    @Message("Pending")
    String count_pending();

    @Message("Confirmed")
    String count_confirmed();

    @Message("Waitlisted")
    String count_waitlisted();

    @Message("Cancelled")
    String count_cancelled();

    @Message("Expired")
    String count_expired();

    @Message("Checked in")
    String count_checked_in();

    @Message("Attendees")
    String admin_attendees();

    @Message("Edit")
    String admin_edit();

    @Message("Public page")
    String admin_public_page();

    @Message("New event")
    String edit_title_new();

    @Message("Edit event")
    String edit_title_edit();

    @Message("Saved.")
    String edit_saved();

    @Message("Web address (slug)")
    String field_slug();

    @Message("Lowercase letters, digits and hyphens, e.g. founders-day-2027. Cannot be changed later.")
    String field_slug_hint();

    @Message("Title (English)")
    String field_title_en();

    @Message("Title (Korean)")
    String field_title_ko();

    @Message("Description (English)")
    String field_description_en();

    @Message("Description (Korean)")
    String field_description_ko();

    @Message("Venue")
    String field_venue();

    @Message("Street address")
    String field_address();

    @Message("Starts (KST)")
    String field_starts();

    @Message("Ends (KST)")
    String field_ends();

    @Message("Capacity (seats)")
    String field_capacity();

    @Message("Raising it offers seats to the waitlist at once; it cannot go below the seats already taken.")
    String field_capacity_hint();

    @Message("Take a waitlist when full")
    String field_waitlist();

    @Message("Registration opens (KST)")
    String field_opens();

    @Message("Registration closes (KST)")
    String field_closes();

    @Message("Leave empty: open now until the event starts.")
    String field_window_hint();

    @Message("Status")
    String field_status();

    @Message("Save")
    String save_button();

    @Message("Use lowercase letters, digits and hyphens only.")
    String error_slug();

    @Message("Another event already uses this address.")
    String error_slug_taken();

    @Message("Enter a date and time.")
    String error_datetime();

    @Message("The end must come after the start.")
    String error_ends_before();

    @Message("Registration must close after it opens.")
    String error_closes_before();

    @Message("Enter a whole number of seats, at least {taken} (seats already taken).")
    String error_capacity(long taken);

    @Message("Attendees: {title}")
    String attendees_title(String title);

    @Message("Search name, email or affiliation")
    String search_label();

    @Message("Status")
    String status_filter();

    @Message("All")
    String status_all();

    @Message("Filter")
    String filter_button();

    @Message("Download CSV")
    String export_csv();

    @Message("Download Excel")
    String export_xlsx();

    @Message("Reason for the download")
    String export_reason_label();

    @Message("Kept in the access log with your name, e.g. “name badges for the door”.")
    String export_reason_hint();

    @Message("Why do you download these attendees?")
    String export_reason_title();

    @Message("Each download of the attendee list is kept in the access log with its reason. "
            + "Say what the list is for, then download it.")
    String export_reason_text();

    @Message("Type a reason of {min} to {max} characters on one line.")
    String export_reason_error(int min, int max);

    @Message("Back to the attendees")
    String export_reason_back();

    @Message("Name")
    String col_name();

    @Message("Status")
    String col_status();

    @Message("Registered")
    String col_registered();

    @Message("Actions")
    String col_actions();

    @Message("No registrations match.")
    String no_attendees();

    @Message("Page {page} of {pages}")
    String page_of(int page, int pages);

    @Message("Previous")
    String page_prev();

    @Message("Next")
    String page_next();

    @Message("Cancel registration")
    String action_cancel();

    @Message("Resend email")
    String action_resend();

    @Message("Check in")
    String action_checkin();

    @Message("Registration cancelled; the person was emailed.")
    String action_done_cancelled();

    @Message("Email queued again.")
    String action_done_resent();

    @Message("Nothing was changed: that registration is no longer active.")
    String action_done_unchanged();

    @Message("Cancel the registration of {name}?")
    String cancel_confirm_title(String name);

    @Message("They get a mail saying that their registration is cancelled, and a seat they hold goes to the next person on the waitlist. This cannot be undone.")
    String cancel_confirm_text();

    @Message("Yes, cancel this registration")
    String cancel_confirm_button();

    @Message("Back (nothing changes)")
    String confirm_back();

    @Message("Waitlist in order")
    String waitlist_title();

    @Message("Door check-in")
    String checkin_title();

    @Message("Ticket code or QR scan")
    String checkin_code();

    @Message("Scan the ticket's QR code with a scanner, or type the code under it.")
    String checkin_code_hint();

    @Message("Or search by name or email")
    String checkin_search();

    /** The same for a door volunteer, whose search leaves email addresses out. */
    @Message("Or search by name or affiliation")
    String checkin_search_door();

    @Message("No one matches “{q}”.")
    String checkin_no_match(String q);

    @Message("Event")
    String checkin_event();

    @Message("Checked in")
    String checkin_ok();

    @Message("Already checked in at {time}")
    String checkin_already(String time);

    @Message("Not confirmed: do not admit without checking")
    String checkin_not_confirmed();

    @Message("This ticket is for another event: {title}")
    String checkin_wrong_event(String title);

    @Message("No ticket with this code.")
    String checkin_unknown();

    @Message("Check in this person?")
    String checkin_confirm_title();

    // Custom questions (sign-up form, attendee page, organizer's question editor)

    @Message("Enter a number, like 3 or 2.5.")
    String error_number();

    @Message("This event has no such question.")
    String error_unknown_question();

    @Message("Please leave out control characters.")
    String error_control_chars();

    @Message("A few questions")
    String questions_form_title();

    @Message("optional")
    String question_optional();

    @Message("Only for: {types}")
    String question_only_for(String types);

    @Message("Yes")
    String answer_yes();

    @Message("No")
    String answer_no();

    @Message("{label} (removed)")
    String question_removed_header(String label);

    @Message("Answers")
    String col_answers();

    @Message("Consents")
    String col_consents();

    @Message("Sign-up notice agreed")
    String consent_agreed_at();

    @Message("Notice version")
    String consent_version();

    @Message("News by email")
    String marketing_consent();

    @Message("agreed {at}")
    String marketing_agreed(String at);

    @Message("withdrawn {at}")
    String marketing_withdrawn(String at);

    @Message("not agreed")
    String marketing_not_agreed();

    @Message("Custom questions")
    String admin_questions();

    @Message("Questions: {title}")
    String questions_title(String title);

    @Message("People answer these on the sign-up form, in their language. The answers are kept with each registration, shown on the attendee list and exported as one column per question (Excel and CSV).")
    String questions_intro();

    @Message("People have signed up: a question's key and type stay as they are, and a removed question keeps its answers (they still export).")
    String questions_answered_note();

    @Message("No questions yet: the form asks only the usual fields.")
    String questions_none();

    @Message("Removed questions (answers kept and exported)")
    String questions_removed_title();

    @Message("Add a question")
    String question_add_title();

    @Message("Add question")
    String question_add_button();

    @Message("Save question")
    String question_save();

    @Message("Remove question")
    String question_remove();

    @Message("Ask again")
    String question_restore();

    @Message("Question added.")
    String question_done_added();

    @Message("Question saved; its answers are kept.")
    String question_done_saved();

    @Message("Question removed from the form. Answers already given are kept.")
    String question_done_removed();

    @Message("The question is on the form again.")
    String question_done_restored();

    @Message("Key")
    String field_question_key();

    @Message("Lowercase letters, digits, - and _, e.g. company-stage. It names the answers and cannot change later.")
    String field_question_key_hint();

    @Message("Type")
    String field_question_type();

    @Message("Question (English)")
    String field_question_label_en();

    @Message("Question (Korean)")
    String field_question_label_ko();

    @Message("Hint (English, optional)")
    String field_question_hint_en();

    @Message("Hint (Korean, optional)")
    String field_question_hint_ko();

    @Message("Choices (single or multiple choice)")
    String field_question_choices();

    @Message("One per line: key|English|한국어, e.g. seed|Seed|시드")
    String field_question_choices_hint();

    @Message("Only for ticket types (optional)")
    String field_question_ticket_types();

    @Message("Ticket type keys separated by commas; empty: everybody is asked.")
    String field_question_ticket_types_hint();

    @Message("Order on the form")
    String field_question_order();

    @Message("An answer is required")
    String field_question_required();

    @Message("Use 1–40 lowercase letters, digits, - or _, starting with a letter or digit.")
    String error_question_key();

    @Message("This event already has a question with this key (perhaps a removed one: ask it again instead).")
    String error_question_key_taken();

    @Message("The type cannot change after people signed up; remove this question and add a new one.")
    String error_question_type_locked();

    @Message("Give at least one choice, one per line as key|English|한국어, each key once.")
    String error_question_choices();

    @Message("Ticket type keys: lowercase letters, digits, - or _, separated by commas.")
    String error_question_ticket_types();

    @Message("An event asks at most {max} questions.")
    String error_question_too_many(int max);

    @Message("Questions people answer when they sign up: short or long text, choices, yes/no, numbers.")
    String edit_questions_hint();

    @Message("Short text")
    String qtype_text();

    @Message("Long text")
    String qtype_long_text();

    @Message("Single choice")
    String qtype_choice();

    @Message("Multiple choice")
    String qtype_multi_choice();

    @Message("Yes / no")
    String qtype_yes_no();

    @Message("Number")
    String qtype_number();
}
