package eventdesk.testing;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

/** Reads what the GreenMail SMTP server received. */
public final class Mailbox {

    private Mailbox() {
    }

    /**
     * The To: addresses of each message received, read once per message: the server keeps every mail of the test
     * run, and parsing all their headers again on every look (tests poll until a mail arrives) cost more CPU than
     * the mails themselves.
     */
    private static final Map<MimeMessage, Set<String>> RECIPIENTS = Collections.synchronizedMap(new WeakHashMap<>());

    public static List<MimeMessage> to(GreenMail greenMail, String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> recipients(m).contains(wanted)).toList();
    }

    private static Set<String> recipients(MimeMessage m) {
        Set<String> known = RECIPIENTS.get(m);
        if (known != null) return known;
        try {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            Set<String> read = to == null ? Set.of()
                    : Arrays.stream(to).map(a -> a.toString().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            RECIPIENTS.put(m, read);
            return read;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<MimeMessage, String> SUBJECTS = Collections.synchronizedMap(new WeakHashMap<>());

    /** The decoded subject, read once per message like the recipients. */
    public static String subject(MimeMessage m) {
        String known = SUBJECTS.get(m);
        if (known != null) return known;
        try {
            String read = String.valueOf(m.getSubject());
            SUBJECTS.put(m, read);
            return read;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All text of the message (plain and HTML parts), decoded. */
    public static String text(MimeMessage m) {
        StringBuilder out = new StringBuilder();
        collect(m, out, new ArrayList<>());
        return out.toString();
    }

    /** Content types of every leaf part, e.g. text/plain, text/html, image/png, text/calendar. */
    public static List<String> partTypes(MimeMessage m) {
        List<String> types = new ArrayList<>();
        collect(m, new StringBuilder(), types);
        return types;
    }

    private static void collect(Part part, StringBuilder text, List<String> types) {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, text, types);
                }
                return;
            }
            types.add(part.getContentType().toLowerCase().split(";")[0].trim());
            if (content instanceof String s) text.append(s).append('\n');
            else if (content instanceof java.io.InputStream in) text.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
