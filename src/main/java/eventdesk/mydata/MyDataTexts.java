package eventdesk.mydata;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of a person's own page at /me and its mail, English here, Korean in
 * messages/me_ko.properties; templates use {me:key}. The organizer's mark of an erased registration is here too.
 */
@MessageBundle(value = "me", locale = "en")
public interface MyDataTexts {

    @Message("My registrations and data")
    String footer_link();

    @Message("Your registrations and your data")
    String title();

    @Message("Enter the email address you signed up with. We mail you a link that opens all your registrations for 30 minutes: see them and what we hold about you, download it, correct your name or affiliation, cancel, withdraw consent to news, or erase your data.")
    String intro();

    @Message("Email address")
    String email_label();

    @Message("Mail me a link")
    String send_button();

    @Message("Check your mailbox")
    String sent_title();

    @Message("If this address has registrations, a link is on its way. It works once, within 15 minutes.")
    String sent_text();

    @Message("Open your registrations")
    String open_title();

    @Message("This opens your registrations on this device for 30 minutes.")
    String open_text();

    @Message("Open my registrations")
    String open_button();

    @Message("This link no longer works")
    String link_invalid_title();

    @Message("A link works once, within 15 minutes of being sent. Ask for a new one.")
    String link_invalid_text();

    @Message("Ask for a new link")
    String ask_again();

    @Message("Your session has ended. Ask for a new link to see your registrations again.")
    String ended_notice();

    @Message("Registrations of {email}. This session ends at {until}.")
    String session_for(String email, String until);

    @Message("Download my data (JSON)")
    String download();

    @Message("Everything we hold about you: your registrations, answers, consents and the mails we sent you.")
    String download_hint();

    @Message("This address has no registrations left.")
    String none();

    @Message("Registered")
    String field_registered();

    @Message("Consent to the use of personal data")
    String field_consent();

    @Message("{at}, notice version {version}")
    String consent_value(String at, String version);

    @Message("Consent to news")
    String field_marketing();

    @Message("Given on {at}")
    String marketing_given(String at);

    @Message("Given on {given}, withdrawn on {withdrawn}")
    String marketing_withdrawn(String given, String withdrawn);

    @Message("Not given")
    String marketing_none();

    @Message("Your answers")
    String answers_title();

    @Message("Mails we sent you")
    String mails_title();

    @Message("waiting to be sent")
    String mail_waiting();

    @Message("Correct your name or affiliation")
    String correct_title();

    @Message("Save")
    String save_button();

    @Message("Cancel this registration")
    String cancel_button();

    @Message("News from the organizers")
    String marketing_title();

    @Message("Withdraw your consent to news for all your registrations. Mails about your registrations still come.")
    String marketing_text();

    @Message("Withdraw consent to news")
    String marketing_button();

    @Message("You have not given consent to news, or you have withdrawn it.")
    String marketing_nothing();

    @Message("Erase my data")
    String erase_title();

    @Message("Erases your name, email address, affiliation and answers from all your registrations, with the links and mails we kept. A registration that holds or waits for a seat is cancelled first, and the seat goes to the next person waiting. The organizers keep only counts.")
    String erase_text();

    @Message("Erase my data…")
    String erase_button();

    @Message("Erase all your data?")
    String erase_confirm_title();

    @Message("This cannot be undone. These registrations lose your name, email address, affiliation and answers; those that hold or wait for a seat are cancelled, and the seats go to the next people waiting. This session ends.")
    String erase_confirm_text();

    @Message("Yes, erase my data")
    String erase_confirm_button();

    @Message("Your data is erased")
    String erased_title();

    @Message("We no longer hold your name, email address, affiliation or answers. The events' counts keep your registrations without them.")
    String erased_text();

    @Message("End session")
    String end_button();

    @Message("Saved.")
    String done_corrected();

    @Message("Nothing changed: this registration can no longer be changed.")
    String done_unchanged();

    @Message("Registration cancelled. A mail confirms it.")
    String done_cancelled();

    @Message("Consent to news withdrawn.")
    String done_withdrawn();

    @Message("Your registrations at eventdesk")
    String mail_subject();

    @Message("Someone, most likely you, asked to see the registrations of this email address. The button opens them for 30 minutes. It works once, until {until}.")
    String mail_text(String until);

    @Message("If you did not ask, ignore this mail: nothing changes.")
    String mail_ignore();

    @Message("Too many requests")
    String too_many_title();

    @Message("Too many links were asked for from your network or for this email address just now. Please try again in {minutes} {#if minutes == 1}minute{#else}minutes{/if}.")
    String too_many_text(long minutes);

    @Message("Erased on request")
    String erased_on_request();
}
