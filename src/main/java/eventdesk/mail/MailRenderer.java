package eventdesk.mail;

import java.util.Map;

/**
 * Renders the mails of one feature when the outbox sends them. A feature that writes
 * {@link OutgoingMail}s provides one of these as a CDI bean; the outbox asks each for the kinds it renders.
 */
public interface MailRenderer {

    /** Whether this renderer knows mails of this kind (an enum constant's name). */
    boolean renders(String kind);

    /**
     * The mail's body now, in its recipient's language, inside the relay's transaction.
     *
     * @throws IllegalStateException when the owner no longer exists (the mail then goes dead)
     */
    Rendered render(String kind, long ownerId, Map<String, String> params);

    /**
     * @param qrData text of a QR code attached inline as {@code cid:ticket-qr@eventdesk}, or null
     * @param ics    a calendar entry attached as {@code icsName}, or null
     */
    record Rendered(String html, String text, String qrData, String ics, String icsName) {
    }
}
