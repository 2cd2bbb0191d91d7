package eventdesk.team;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the team's mails, English by default; Korean in messages/team_ko.properties. */
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
}
