package eventdesk.mail;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.event.Event;
import eventdesk.testing.Deliveries;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header block of every kind of mail as a real SMTP server receives it: a To: with the person's
 * address, and no Cc: or Bcc: line that names nobody (an empty address list is invalid mail and a
 * spam signal). The ticket keeps its inline QR code and calendar file.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class MailHeadersTest extends RestoresTestClock {

    GreenMail greenMail;
    @Inject
    Outbox outbox;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    /** The unfolded header lines of the message as received (everything before the first blank line). */
    static List<String> headerLines(MimeMessage m) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
            m.writeTo(raw);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
        String text = raw.toString(StandardCharsets.ISO_8859_1);
        String head = text.split("\r?\n\r?\n", 2)[0];
        List<String> lines = new ArrayList<>();
        for (String line : head.split("\r?\n")) {
            if (!lines.isEmpty() && (line.startsWith(" ") || line.startsWith("\t"))) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line);
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    static void assertNoEmptyAddressHeader(MimeMessage m, String to, String what) {
        List<String> lines = headerLines(m);
        for (String name : List.of("to", "cc", "bcc")) {
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    assertThat(line.substring(colon + 1).strip()).as(what + ": " + line).isNotEmpty();
                }
            }
        }
        assertThat(lines).as(what).noneMatch(l -> l.toLowerCase().startsWith("cc:") || l.toLowerCase().startsWith("bcc:"));
        assertThat(lines).as(what).anyMatch(l -> l.toLowerCase().startsWith("to:") && l.contains(to));
    }

    private MimeMessage onlyMailTo(String address, String subjectPart) {
        List<MimeMessage> mails = Mailbox.to(greenMail, address).stream()
                .filter(m -> Mailbox.subject(m).contains(subjectPart)).toList();
        assertThat(mails).as(address + " / " + subjectPart).hasSize(1);
        return mails.get(0);
    }

    @Test
    void signUpWaitlistTicketAndGroupMailsHaveNoEmptyCcOrBccHeader() {
        Event event = TestEvents.create(1, true);
        String seated = "seated." + tag + "@example.com", waiting = "waiting." + tag + "@example.com";
        for (String email : List.of(seated, waiting)) {
            given().contentType("application/json").body(signUpJson("Header Test", email, "en"))
                    .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
        }
        Deliveries.deliver(outbox);
        MimeMessage held = Mailbox.to(greenMail, seated).get(0);
        assertNoEmptyAddressHeader(held, seated, "seat held");
        assertNoEmptyAddressHeader(Mailbox.to(greenMail, waiting).get(0), waiting, "waitlisted");

        // Confirm from the emailed link: the ticket, with its QR code and calendar file.
        String confirm = Forms.link(Mailbox.text(held), "http://localhost:8080/confirm/").replace("http://localhost:8080", "");
        Response confirmed = Forms.submit(confirm, confirm, Map.of(), "en");
        assertThat(confirmed.statusCode()).isEqualTo(303);
        Deliveries.deliver(outbox);
        List<MimeMessage> toSeated = Mailbox.to(greenMail, seated);
        assertThat(toSeated).hasSize(2);
        MimeMessage ticket = toSeated.get(1);
        assertNoEmptyAddressHeader(ticket, seated, "ticket");
        assertThat(Mailbox.partTypes(ticket)).contains("text/plain", "text/html", "image/png", "text/calendar");
        assertThat(Mailbox.text(ticket)).contains("cid:ticket-qr@eventdesk", "BEGIN:VCALENDAR");

        // A message from the organizer to everyone active.
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body("""
                {"group": "ACTIVE", "subject": "Doors at nine %s", "subjectKo": "9시 입장 %s", "body": "See you.",
                 "bodyKo": "곧 뵙겠습니다.", "idempotencyKey": "headers-%s"}""".formatted(tag, tag, tag))
                .post("/api/admin/events/" + event.slug + "/messages").then().statusCode(202);
        TestClock.get().advance(Duration.ofMinutes(5));
        Deliveries.deliver(outbox);
        assertNoEmptyAddressHeader(onlyMailTo(seated, "Doors at nine " + tag), seated, "group message");
        assertNoEmptyAddressHeader(onlyMailTo(waiting, "Doors at nine " + tag), waiting, "group message");
    }
}
