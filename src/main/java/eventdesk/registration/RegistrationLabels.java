package eventdesk.registration;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Labels of registration enums (role, status) in the visitor's language.
 * English in messages/reg.properties, Korean in messages/reg_ko.properties; templates use {reg:method(value)}.
 */
@MessageBundle(value = "reg", locale = "en")
public interface RegistrationLabels {

    /** The label of a Role: Qute generates it from the role_CONSTANT messages in messages/reg.properties. */
    @Message
    String role(Role value);

    /** The label of a RegistrationStatus: Qute generates it from the status_CONSTANT messages in messages/reg.properties. */
    @Message
    String status(RegistrationStatus value);
}
