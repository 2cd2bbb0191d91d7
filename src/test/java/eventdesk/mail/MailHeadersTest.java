package eventdesk.mail;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.admin.DownloadReviewMail;
import eventdesk.admin.SignInLockMail;
import eventdesk.attendance.AttendanceMails;
import eventdesk.event.Event;
import eventdesk.message.GroupMessageMails;
import eventdesk.registration.CodeMail;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationMails;
import eventdesk.registration.RegistrationStatus;
import eventdesk.mydata.MyDataMail;
import eventdesk.team.InvitationMail;
import eventdesk.web.EventdeskConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header block of every kind of mail as a real SMTP server receives it: a To: with the person's
 * address, and no Cc: or Bcc: line that names nobody (an empty address list is invalid mail and a
 * spam signal); a Date, a Message-ID on the base URL's domain, Korean subjects RFC 2047-encoded. The
 * ticket keeps its inline QR code and calendar file.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class MailHeadersTest extends RestoresTestClock {

    GreenMail greenMail;
    @Inject
    Outbox outbox;
    @Inject
    EventdeskConfig config;
    @Inject
    jakarta.enterprise.inject.Instance<MailRenderer> renderers;

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

    /**
     * Every kind of mail eventdesk sends, each written into the outbox as its feature writes it (kind,
     * owner, Korean subject, the parameters its renderer reads), rendered by that feature's renderer and
     * sent to the SMTP server: the header block is plain ASCII with no empty field (no To:, Cc: or Bcc:
     * naming nobody), a To: naming the recipient, a From:, a Date:, a Message-ID on the base URL's domain,
     * and the Korean subject as an RFC 2047 encoded word. A kind this test does not know fails it.
     */
    @Test
    void everyKindOfMailHasWellFormedHeaders() throws Exception {
        Event event = TestEvents.update(TestEvents.create(10, true), e -> {
            e.makeDraw();
            e.drawAt = TestClock.now().plus(Duration.ofDays(3));
        });
        String person = "every." + tag + "@example.com";
        long id = TestEvents.insert(event, "모든 메일 " + tag, person, "Toss", RegistrationStatus.PENDING);
        QuarkusTransaction.requiringNew().run(() -> {
            Registration r = Registration.findById(id);
            r.holdExpiresAt = TestClock.now().plus(Duration.ofHours(2));
            r.reference = "REF-" + tag;
            r.marketingConsent = true;
            r.marketingConsentAt = r.createdAt;
        });
        String deadline = TestClock.now().plus(Duration.ofHours(2)).toString();
        Map<String, String> seat = Map.of("confirm", "c-" + tag, "manage", "m-" + tag, "deadline", deadline);
        Map<Enum<?>, Map<String, String>> registrationKinds = new LinkedHashMap<>();
        registrationKinds.put(RegistrationMails.Kind.SEAT_HELD, seat);
        registrationKinds.put(RegistrationMails.Kind.SEAT_OFFERED, seat);
        registrationKinds.put(RegistrationMails.Kind.APPROVED, seat);
        registrationKinds.put(RegistrationMails.Kind.DRAWN, seat);
        registrationKinds.put(RegistrationMails.Kind.WAITLISTED, Map.of("manage", "m-" + tag, "position", "3"));
        registrationKinds.put(RegistrationMails.Kind.DRAW_RESERVE, Map.of("manage", "m-" + tag, "position", "2"));
        registrationKinds.put(RegistrationMails.Kind.TICKET, Map.of("checkin", "k-" + tag, "manage", "m-" + tag));
        registrationKinds.put(RegistrationMails.Kind.CANCELLED, Map.of());
        registrationKinds.put(RegistrationMails.Kind.EXPIRED, Map.of());
        registrationKinds.put(RegistrationMails.Kind.DECLINED, Map.of());
        registrationKinds.put(RegistrationMails.Kind.WITHDRAWN, Map.of());
        registrationKinds.put(RegistrationMails.Kind.APPLIED, Map.of("manage", "m-" + tag));
        registrationKinds.put(RegistrationMails.Kind.DRAW_APPLIED, Map.of("verify", "v-" + tag, "manage", "m-" + tag));
        registrationKinds.put(AttendanceMails.Kind.RECONFIRM, Map.of("attend", "a-" + tag, "manage", "m-" + tag, "deadline", deadline));
        registrationKinds.put(AttendanceMails.Kind.REMINDER, Map.of("checkin", "k-" + tag, "manage", "m-" + tag, "attend", "a-" + tag));
        registrationKinds.put(AttendanceMails.Kind.AUTO_RELEASED, Map.of("deadline", deadline));
        registrationKinds.put(MyDataMail.Kind.MY_DATA_LINK, Map.of("link", "http://localhost:8080/me/l-" + tag,
                "until", TestClock.now().plus(Duration.ofMinutes(15)).toString(), "lang", "ko"));
        String organizer = "owner." + tag + "@example.com";
        Map<Enum<?>, Map<String, String>> organizerKinds = new LinkedHashMap<>();
        organizerKinds.put(InvitationMail.Kind.TEAM_INVITATION, Map.of("name", "새 멤버", "inviter", "owner@example.com", "role", "MANAGER",
                "link", "http://localhost:8080/admin/invitation/i-" + tag, "until", TestClock.now().plus(Duration.ofHours(72)).toString()));
        organizerKinds.put(SignInLockMail.Kind.SIGN_IN_LOCKED, Map.of("account", organizer, "address", "203.0.113.7",
                "failures", "10", "until", TestClock.now().plus(Duration.ofMinutes(15)).toString()));
        organizerKinds.put(DownloadReviewMail.Kind.DOWNLOAD_REVIEW, Map.of("month", "2026-01"));
        String invited = "invited." + tag + "@example.com";
        Map<Enum<?>, Map<String, String>> invitedKinds = new LinkedHashMap<>();
        invitedKinds.put(CodeMail.Kind.INVITATION_CODE, Map.of("event", String.valueOf(event.id), "code", "K7QM-3XPA-9HRT-WD4N",
                "until", TestClock.now().plus(Duration.ofDays(7)).toString()));

        Set<String> known = new TreeSet<>();
        for (Class<? extends Enum<?>> kinds : List.of(RegistrationMails.Kind.class, AttendanceMails.Kind.class,
                GroupMessageMails.Kind.class, InvitationMail.Kind.class, SignInLockMail.Kind.class, DownloadReviewMail.Kind.class,
                MyDataMail.Kind.class, CodeMail.Kind.class)) {
            for (Enum<?> k : kinds.getEnumConstants()) known.add(k.name());
        }
        Set<String> covered = new TreeSet<>();
        registrationKinds.keySet().forEach(k -> covered.add(k.name()));
        organizerKinds.keySet().forEach(k -> covered.add(k.name()));
        invitedKinds.keySet().forEach(k -> covered.add(k.name()));
        covered.add(GroupMessageMails.Kind.GROUP_MESSAGE.name());
        assertThat(covered).as("every kind of mail is sent here").isEqualTo(known);
        assertThat(renderers.stream().map(r -> r.getClass().getName().replaceAll("_Subclass$|_ClientProxy$", "")).toList())
                .as("every feature that writes mails").containsExactlyInAnyOrder(RegistrationMails.class.getName(),
                        AttendanceMails.class.getName(), GroupMessageMails.class.getName(), InvitationMail.class.getName(),
                        SignInLockMail.class.getName(), DownloadReviewMail.class.getName(), MyDataMail.class.getName(),
                        CodeMail.class.getName());

        QuarkusTransaction.requiringNew().run(() -> {
            registrationKinds.forEach((kind, params) -> outbox.enqueue(new OutgoingMail(kind, id, person, subject(kind), params)));
            organizerKinds.forEach((kind, params) -> outbox.enqueue(new OutgoingMail(kind, 0, organizer, subject(kind), params)));
            invitedKinds.forEach((kind, params) -> outbox.enqueue(new OutgoingMail(kind, 0, invited, subject(kind), params)));
        });
        for (String purpose : List.of("TRANSACTIONAL", "PROMOTIONAL")) {
            given().auth().preemptive().basic("admin", "admin").contentType("application/json").body("""
                    {"group": "PENDING", "subject": "", "subjectKo": "%s", "body": "", "bodyKo": "안내입니다.",
                     "idempotencyKey": "every-%s-%s", "purpose": "%s"}""".formatted(subject(purpose), purpose, tag, purpose))
                    .post("/api/admin/events/" + event.slug + "/messages").then().statusCode(202);
        }
        TestClock.get().advance(Duration.ofMinutes(5));
        Deliveries.deliver(outbox);

        String domain = java.net.URI.create(config.baseUrl()).getHost();
        for (Enum<?> kind : registrationKinds.keySet()) assertWellFormed(onlyMailTo(person, subject(kind)), person, subject(kind), domain);
        for (Enum<?> kind : organizerKinds.keySet()) assertWellFormed(onlyMailTo(organizer, subject(kind)), organizer, subject(kind), domain);
        for (Enum<?> kind : invitedKinds.keySet()) assertWellFormed(onlyMailTo(invited, subject(kind)), invited, subject(kind), domain);
        assertWellFormed(onlyMailTo(person, subject("TRANSACTIONAL")), person, subject("TRANSACTIONAL"), domain);
        MimeMessage promotional = onlyMailTo(person, subject("PROMOTIONAL"));
        assertWellFormed(promotional, person, "(광고) " + subject("PROMOTIONAL"), domain);
        assertThat(headerLines(promotional)).anyMatch(l -> l.matches("List-Unsubscribe: <http://localhost:8080/unsubscribe/[A-Za-z0-9_-]+>"))
                .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    }

    /** A Korean subject of this test for one kind of mail. */
    String subject(Object kind) {
        return "메일 종류 " + kind + " " + tag;
    }

    static void assertWellFormed(MimeMessage m, String to, String subject, String messageIdDomain) throws MessagingException {
        String what = Mailbox.subject(m);
        assertThat(what).isEqualTo(subject);
        List<String> lines = headerLines(m);
        assertNoEmptyAddressHeader(m, to, what);
        for (String line : lines) {
            assertThat(line.chars().allMatch(c -> c >= 32 && c < 127 || c == '\t')).as(what + ": plain ASCII header " + line).isTrue();
            int colon = line.indexOf(':');
            assertThat(colon).as(what + ": a header field " + line).isPositive();
            assertThat(line.substring(colon + 1).strip()).as(what + ": no empty header field " + line).isNotEmpty();
        }
        assertThat(lines.stream().filter(l -> l.regionMatches(true, 0, "Subject:", 0, 8)).toList()).as(what).singleElement()
                .satisfies(l -> assertThat(l.substring(8).strip()).as("RFC 2047 encoded").startsWithIgnoringCase("=?UTF-8?"));
        assertThat(m.getHeader("Message-ID")).as(what).singleElement().satisfies(id ->
                assertThat(id).matches("<[^<>@\\s]+@" + java.util.regex.Pattern.quote(messageIdDomain) + ">"));
        assertThat(m.getHeader("Date")).as(what).hasSize(1);
        assertThat(m.getSentDate()).as(what + ": a Date that parses").isNotNull();
        assertThat(m.getHeader("From")).as(what).hasSize(1);
        assertThat(m.getHeader("MIME-Version")).as(what).containsExactly("1.0");
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
