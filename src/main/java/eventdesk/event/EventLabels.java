package eventdesk.event;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Labels of event enums in the visitor's language.
 * English in messages/evt.properties, Korean in messages/evt_ko.properties; templates use {evt:method(value)}.
 */
@MessageBundle(value = "evt", locale = "en")
public interface EventLabels {

    /** The label of a EventStatus: Qute generates it from the status_CONSTANT messages in messages/evt.properties. */
    @Message
    String status(EventStatus value);
}
