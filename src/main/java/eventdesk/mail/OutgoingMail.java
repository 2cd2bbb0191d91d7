package eventdesk.mail;

import java.util.Map;

/**
 * An email for the outbox. The outbox knows nothing of what it is about: {@code kind} names it (an
 * enum of the feature that writes it), {@code ownerId} ties it to the row it belongs to (so that
 * row's deletion can take its mails along) and {@code params} is what the feature's
 * {@link MailRenderer} needs to render the body when the mail is sent. Rows stay small, so writing
 * thousands of them in the opening minute costs little.
 */
public record OutgoingMail(Enum<?> kind, long ownerId, String recipient, String subject, Map<String, String> params) {
}
