package eventdesk.mail;

/**
 * An email ready for the outbox: already rendered, in the recipient's language. The outbox knows
 * nothing of what it is about; {@code kind} names it (an enum of the feature that writes it) and
 * {@code ownerId} ties it to the row it belongs to, so that row's deletion can take its mails along.
 *
 * @param qrData text of a QR code attached inline as {@code cid:ticket-qr@eventdesk}, or null
 * @param ics    a calendar entry attached as {@code icsName}, or null
 */
public record OutgoingMail(Enum<?> kind, long ownerId, String recipient, String subject, String html, String text,
                           String qrData, String ics, String icsName) {
}
