package eventdesk.mail;

import io.quarkus.mailer.Attachment;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.mutiny.Multi;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hands a mail to the SMTP server, with no header that names nobody.
 *
 * <p>Quarkus' {@link Mailer} passes the Vert.x mail client a Cc and a Bcc list for every mail, empty
 * when the mail has none, and the Vert.x client writes a {@code Cc:} header for any Cc list it is
 * given, even an empty one. Every mail thus carried an empty {@code Cc:} line, which RFC 5322 does
 * not allow (an address list names at least one address) and spam filters count against the sender.
 * So the Vert.x message is built here, with Cc and Bcc only when they name someone, and sent with the
 * mail client Quarkus configures from {@code quarkus.mailer.*} (host, port, TLS, login, DKIM, pool).
 * In mock mode (dev, and tests without an SMTP server) the mail goes to Quarkus' mock mailbox as before.
 */
@ApplicationScoped
public class SmtpTransport {

    @Inject
    Mailer mailer;
    @Inject
    Instance<MailClient> client;
    @ConfigProperty(name = "quarkus.mailer.mock")
    Optional<Boolean> mock;
    @ConfigProperty(name = "quarkus.mailer.from")
    Optional<String> from;
    @ConfigProperty(name = "quarkus.mailer.bounce-address")
    Optional<String> bounceAddress;
    @ConfigProperty(name = "quarkus.mailer.timeout")
    Optional<Duration> timeout;

    /** Sends the mail now; a refusal or a timeout of the server is an exception (the outbox retries). */
    public void send(Mail mail) {
        // Quarkus' own default: the mock outside production unless configured.
        if (mock.orElse(LaunchMode.current() != LaunchMode.NORMAL)) {
            mailer.send(mail);
            return;
        }
        var sending = client.get().sendMail(message(mail, from.orElse(null), bounceAddress.orElse(null))).await();
        Duration limit = timeout.filter(t -> !t.isZero() && !t.isNegative()).orElse(null);
        if (limit == null) sending.indefinitely();
        else sending.atMost(limit);
    }

    /** The mail as the Vert.x client encodes it: To, and Cc / Bcc / Reply-To only when they hold an address. */
    static MailMessage message(Mail mail, String defaultFrom, String defaultBounce) {
        MailMessage message = new MailMessage()
                .setFrom(mail.getFrom() != null ? mail.getFrom() : defaultFrom)
                .setBounceAddress(mail.getBounceAddress() != null ? mail.getBounceAddress() : defaultBounce)
                .setTo(new ArrayList<>(mail.getTo()))
                .setSubject(mail.getSubject())
                .setText(mail.getText())
                .setHtml(mail.getHtml());
        if (!mail.getCc().isEmpty()) message.setCc(new ArrayList<>(mail.getCc()));
        if (!mail.getBcc().isEmpty()) message.setBcc(new ArrayList<>(mail.getBcc()));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        mail.getHeaders().forEach(headers::add);
        if (mail.getReplyTo() != null && !mail.getReplyTo().isBlank()) headers.set("Reply-To", mail.getReplyTo());
        message.setHeaders(headers);
        List<MailAttachment> attached = new ArrayList<>();
        List<MailAttachment> inline = new ArrayList<>();
        for (Attachment a : mail.getAttachments()) {
            MailAttachment part = MailAttachment.create().setName(a.getName()).setContentType(a.getContentType())
                    .setDisposition(a.getDisposition()).setDescription(a.getDescription())
                    .setContentId(a.getContentId()).setData(Buffer.buffer(bytes(a)));
            (a.isInlineAttachment() ? inline : attached).add(part);
        }
        if (!attached.isEmpty()) message.setAttachment(attached);
        if (!inline.isEmpty()) message.setInlineAttachment(inline);
        return message;
    }

    private static byte[] bytes(Attachment a) {
        try {
            if (a.getFile() != null) return Files.readAllBytes(a.getFile().toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (a.getData() == null) throw new IllegalArgumentException("attachment " + a.getName() + " has no content");
        return Multi.createFrom().publisher(a.getData())
                .collect().in(ByteArrayOutputStream::new, ByteArrayOutputStream::write)
                .await().indefinitely().toByteArray();
    }
}
