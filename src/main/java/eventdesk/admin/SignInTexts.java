package eventdesk.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the second sign-in step and the recovery codes page, English by default; Korean in messages/signin_ko.properties. */
@MessageBundle(value = "signin", locale = "en")
public interface SignInTexts {

    @Message("Sign-in code")
    String code_title();

    @Message("Enter the 6-digit code your authenticator app shows for eventdesk.")
    String code_intro();

    @Message("Code")
    String code_label();

    @Message("Lost your phone? Enter one of your recovery codes instead; each works once.")
    String code_recovery_hint();

    @Message("That code is not right, or it was already used. Enter the next code your app shows.")
    String code_error();

    @Message("Continue")
    String code_button();

    @Message("Set up your authenticator app")
    String enroll_title();

    @Message("Signing in takes a second step: a code from an authenticator app on your phone (for example Google Authenticator or Microsoft Authenticator). Scan this QR code with the app, then enter the 6-digit code it shows.")
    String enroll_intro();

    @Message("QR code that adds eventdesk to an authenticator app")
    String enroll_qr_alt();

    @Message("Cannot scan it? Type this key into the app instead:")
    String enroll_key();

    @Message("6-digit code from the app")
    String enroll_code_label();

    @Message("Recovery codes")
    String recovery_title();

    @Message("If you lose your phone, a recovery code signs you in instead of the app's code. Each code works once; making new codes ends the old ones.")
    String recovery_intro();

    @Message("You have {n} unused recovery codes.")
    String recovery_unused(long n);

    @Message("Make 10 new recovery codes")
    String recovery_button();

    @Message("Write these codes down or print them now, and keep them apart from your phone: they are shown only this once.")
    String recovery_shown();

    @Message("Go to the dashboard")
    String recovery_continue();

    /** The same for a door volunteer, whose organizer area is the check-in screen. */
    @Message("Go to check-in")
    String recovery_continue_door();
}
