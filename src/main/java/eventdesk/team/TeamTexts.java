package eventdesk.team;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the team's mails and the invitation page, English by default; Korean in messages/team_ko.properties. */
@MessageBundle(value = "team", locale = "en")
public interface TeamTexts {

    @Message("eventdesk: you are invited to the organizer team")
    String invitation_subject();

    @Message("{inviter} invited {name} to organize events on eventdesk as {role}.")
    String invitation_text(String inviter, String name, String role);

    @Message("Open this link to choose your password and set up your authenticator app. It works once, until {until} (KST):")
    String invitation_action(String until);

    @Message("If you did not expect this invitation, ignore this mail: nothing happens until the link is opened.")
    String invitation_ignore();

    @Message("Join the organizer team")
    String join_title();

    @Message("Welcome, {name}. Choose a password for {email}; next you set up your authenticator app.")
    String join_intro(String name, String email);

    @Message("Password")
    String join_password();

    @Message("At least 12 characters; a few unrelated words are easy to remember and hard to guess.")
    String join_password_hint();

    @Message("Choose a password of 12 to 200 characters.")
    String join_password_short();

    @Message("Password again")
    String join_repeat();

    @Message("The two passwords differ. Type the same password twice.")
    String join_mismatch();

    @Message("Continue")
    String join_button();

    @Message("This invitation link no longer works")
    String join_expired_title();

    @Message("It was already used, it expired (a link works for 72 hours), or a newer invitation replaced it. Ask an owner of the team for a new one.")
    String join_expired_text();
}
