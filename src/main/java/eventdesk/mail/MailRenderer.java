package eventdesk.mail;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

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
     * @throws NotDue                when the mail must no longer go out (it is then dropped, never retried)
     */
    Rendered render(String kind, long ownerId, Map<String, String> params);

    /**
     * @param qrData  text of a QR code attached inline as {@code cid:ticket-qr@eventdesk}, or null
     * @param ics     a calendar entry attached as {@code icsName}, or null
     * @param headers header fields of this mail beyond From, To, Subject, Date and Message-ID (e.g. List-Unsubscribe)
     */
    record Rendered(String html, String text, String qrData, String ics, String icsName, Map<String, String> headers) {

        public Rendered(String html, String text, String qrData, String ics, String icsName) {
            this(html, text, qrData, ics, icsName, Map.of());
        }

        /** The same mail with these header fields too. */
        public Rendered withHeaders(Map<String, String> more) {
            Map<String, String> all = new java.util.LinkedHashMap<>(headers);
            all.putAll(more);
            return new Rendered(html, text, qrData, ics, icsName, Map.copyOf(all));
        }
    }

    /**
     * The mail was due when it was written but must not go out now: say, a promotional mail whose
     * recipient withdrew consent while it waited. The outbox drops it (status DROPPED) instead of retrying.
     */
    final class NotDue extends RuntimeException {
        public NotDue(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Whether {@code kind} names one of {@code kinds}: a renderer's {@link #renders} for its enum of kinds. */
    static boolean isOneOf(Enum<?>[] kinds, String kind) {
        for (Enum<?> k : kinds) if (k.name().equals(kind)) return true;
        return false;
    }

    /** Both variants of a template pair ({@code x.html} and {@code x.txt}), in {@code locale} (null: the template's own texts). */
    static Rendered pair(Supplier<TemplateInstance> template, Locale locale) {
        return pair(template, locale, null, null, null);
    }

    /** {@link #pair(Supplier, Locale)} with a QR code and a calendar entry (each may be null). */
    static Rendered pair(Supplier<TemplateInstance> template, Locale locale, String qrData, String ics, String icsName) {
        return new Rendered(variant(template.get(), locale, Variant.TEXT_HTML), variant(template.get(), locale, Variant.TEXT_PLAIN),
                qrData, ics, icsName);
    }

    private static String variant(TemplateInstance t, Locale locale, String contentType) {
        if (locale != null) t.setLocale(locale);
        return t.setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType)).render();
    }
}
