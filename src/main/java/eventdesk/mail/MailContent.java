package eventdesk.mail;

import java.util.List;

/** What one email says; the same content renders as HTML and as plain text. */
public record MailContent(String lang, String subject, String hello, List<String> paragraphs, String actionLabel,
                          String actionUrl, String eventTitle, String when, String where, String whenLabel,
                          String whereLabel, boolean qr, String checkinLabel, String checkinCode,
                          String manageLabel, String manageUrl, String footer) {
}
