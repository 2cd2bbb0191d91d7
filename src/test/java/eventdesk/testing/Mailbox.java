package eventdesk.testing;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads what the GreenMail SMTP server received. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<MimeMessage> to(GreenMail greenMail, String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
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
