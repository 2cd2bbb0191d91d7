package eventdesk.registration;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.testing.Deliveries;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.Race;
import eventdesk.testing.TestEvents;
import eventdesk.web.Msg;
import eventdesk.web.TicketMsg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Approval mode: sign-ups wait as APPLIED (no seat) and get a "we received your application" mail;
 * approving takes a seat through the seat path (so concurrent approvals never oversell); declining
 * sends a kind note in the person's language. Mails are read from a real SMTP server.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class ApprovalTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Outbox outbox;

    GreenMail greenMail;

    @Test
    void signUpsWaitAsAppliedWithAMailAndARepeatIsAnsweredTheSame() throws Exception {
        Event event = Curated.create(10, true, null, "\"approvalRequired\": true");
        Curated.post(event, Curated.signUp("지원자", "applicant@example.kr", "ko", null, null)).then().statusCode(202)
                .body("status", equalTo("APPLIED")).body("waitlistPosition", equalTo(null));
        Curated.post(event, Curated.signUp("지원자", "applicant@example.kr", "ko", null, null)).then().statusCode(202)
                .body("status", equalTo("APPLIED"));
        assertThat(TestEvents.registrations(event)).hasSize(1);
        assertThat(TestEvents.counters(event)).containsExactly(0L, 0L, 1L);
        Deliveries.deliver(outbox);
        List<MimeMessage> mails = Mailbox.to(greenMail, "applicant@example.kr");
        assertThat(mails).isNotEmpty();
        assertThat(Mailbox.subject(mails.get(0))).isEqualTo(tix("ko").mail_applied_subject("큐레이션 밋업"));
        assertThat(Mailbox.text(mails.get(0))).contains(tix("ko").mail_applied_text());

        // The form says so, and the result page too.
        var page = Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", Map.of(
                "name", "Jane Doe", "email", "jane.apply@example.com", "affiliation", "Acme", "role", "DEVELOPER",
                "locale", "en", "consent", "true"), "en");
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.header("Location")).contains("applied=true");
        io.restassured.RestAssured.given().header("Accept-Language", "en").get(page.header("Location")).then()
                .body(org.hamcrest.Matchers.containsString(tix("en").thanks_applied_title()));
    }

    @Test
    void approvingAHundredApplicantsAtOnceForFiftySeatsSeatsExactlyFiftyAndQueuesTheRest() throws Exception {
        Event event = Curated.create(50, true, null, "\"approvalRequired\": true");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long id = TestEvents.insert(event, "Applicant " + i, "app" + i + "@example.com", "X", RegistrationStatus.APPLIED);
            ids.add(id);
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        List<HttpRequest> approvals = new ArrayList<>();
        for (long id : ids) {
            approvals.add(HttpRequest.newBuilder(base.toURI().resolve("api/admin/registrations/" + id + "/approve"))
                    .timeout(Duration.ofSeconds(90)).header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        List<String> answers = Race.send(approvals);
        assertThat(answers).allSatisfy(a -> assertThat(a).startsWith("200 "));
        assertThat(answers.stream().filter(a -> a.contains("\"status\":\"PENDING\""))).hasSize(50);
        assertThat(answers.stream().filter(a -> a.contains("\"status\":\"WAITLISTED\""))).hasSize(50);
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isEqualTo(50);
        assertThat(TestEvents.count(event, RegistrationStatus.WAITLISTED)).isEqualTo(50);
        assertThat(TestEvents.count(event, RegistrationStatus.APPLIED)).isZero();
        assertThat(TestEvents.counters(event)).containsExactly(50L, 50L, 0L);
        assertThat(TestEvents.waitlistPositions(event)).isEqualTo(LongStream.rangeClosed(1, 50).boxed().toList());

        // Approving again is refused: it is no longer an application.
        Curated.admin().contentType("application/json").post("/api/admin/registrations/" + ids.get(0) + "/approve").then().statusCode(409);
    }

    @Test
    void declinedPeopleGetAKindNoteInTheirLanguageAndTheOrganizerDecidesManyAtOnce() throws Exception {
        Event event = Curated.create(1, true, null, "\"approvalRequired\": true");
        Curated.post(event, Curated.signUp("박지민", "jimin@example.kr", "ko", null, null)).then().statusCode(202);
        Curated.post(event, Curated.signUp("Sam Lee", "sam@example.com", "en", null, null)).then().statusCode(202);
        Curated.post(event, Curated.signUp("Kim One", "one@example.com", "en", null, null)).then().statusCode(202);
        Curated.post(event, Curated.signUp("Kim Two", "two@example.com", "en", null, null)).then().statusCode(202);
        long jimin = TestEvents.byEmail(event, "jimin@example.kr").id;
        Curated.admin().contentType("application/json").post("/api/admin/registrations/" + jimin + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED"));
        Deliveries.deliver(outbox);
        MimeMessage note = Mailbox.to(greenMail, "jimin@example.kr").stream()
                .filter(m -> Mailbox.subject(m).equals(tix("ko").mail_declined_subject("큐레이션 밋업"))).findFirst().orElseThrow();
        assertThat(Mailbox.text(note)).contains(tix("ko").mail_declined_text()).contains("박지민");

        // The applications page: tick two, approve them together; one takes the seat, one waits.
        Curated.admin().get("/admin/events/" + event.slug + "/applications").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("sam@example.com"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("jimin@example.kr")));
        long sam = TestEvents.byEmail(event, "sam@example.com").id;
        long one = TestEvents.byEmail(event, "one@example.com").id;
        var done = Forms.submitAsAdmin("/admin/events/" + event.slug + "/applications",
                "/admin/events/" + event.slug + "/applications", Map.of("id", List.of(sam, one), "action", "approve"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(Curated.status(event, "sam@example.com")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(Curated.status(event, "one@example.com")).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(Curated.status(event, "two@example.com")).isEqualTo(RegistrationStatus.APPLIED);
        Curated.admin().get(done.header("Location")).then().body(org.hamcrest.Matchers.containsString(
                tix("en").approved_done(1, 1, 0)));
        Deliveries.deliver(outbox);
        assertThat(Mailbox.to(greenMail, "sam@example.com").stream().map(Mailbox::subject))
                .contains(tix("en").mail_approved_subject("Curated Meetup"));
        assertThat(Mailbox.to(greenMail, "one@example.com").stream().map(Mailbox::subject))
                .contains(MessageBundles.get(Msg.class, Localized.Literal.of("en")).mail_waitlisted_subject("Curated Meetup"));
        var declined = Forms.submitAsAdmin("/admin/events/" + event.slug + "/applications",
                "/admin/events/" + event.slug + "/applications", Map.of("id", List.of(TestEvents.byEmail(event, "two@example.com").id),
                        "action", "decline", "confirmed", "true"));
        assertThat(declined.statusCode()).isEqualTo(303);
        assertThat(Curated.status(event, "two@example.com")).isEqualTo(RegistrationStatus.DECLINED);
    }

    /**
     * The applications form never declines by default: without an action, or with one it does not
     * know, it changes nothing and says so; declining first shows a page that says what will happen
     * to how many people, and only its confirmed POST declines (and mails).
     */
    @Test
    void aMissingOrUnknownActionChangesNothingAndDecliningAsksFirst() {
        Event event = Curated.create(5, true, null, "\"approvalRequired\": true");
        List<String> emails = List.of("keep1@example.com", "keep2@example.com", "keep3@example.com");
        for (String email : emails) Curated.post(event, Curated.signUp("Keep " + email.charAt(4), email, "en", null, null))
                .then().statusCode(202);
        List<Long> ids = emails.stream().map(e -> TestEvents.byEmail(event, e).id).toList();
        String page = "/admin/events/" + event.slug + "/applications";
        long mailsBefore = outboxRows(ids);

        for (Map<String, Object> form : List.<Map<String, Object>>of(Map.of("id", ids), Map.of("id", ids, "action", "delete"),
                Map.of("id", ids, "action", ""))) {
            var answer = Forms.submitAsAdmin(page, page, form);
            assertThat(answer.statusCode()).as(form.toString()).isEqualTo(303);
            Curated.admin().get(answer.header("Location")).then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString(tix("en").applications_no_action()));
        }
        assertThat(emails).allMatch(e -> Curated.status(event, e) == RegistrationStatus.APPLIED);

        var ask = Forms.submitAsAdmin(page, page, Map.of("id", ids, "action", "decline"));
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.asString()).contains("Decline 3 application(s)?", tix("en").decline_confirm_text(),
                "Keep 1", "keep3@example.com", "name=\"confirmed\" value=\"true\"", "name=\"csrf-token\"",
                "name=\"action\" value=\"decline\"");
        assertThat(emails).allMatch(e -> Curated.status(event, e) == RegistrationStatus.APPLIED);
        assertThat(outboxRows(ids)).isEqualTo(mailsBefore);
        var askKo = Forms.submitAsAdmin(page, page + "?lang=ko", Map.of("id", ids.subList(0, 2), "action", "decline"));
        assertThat(askKo.statusCode()).isEqualTo(200);
        assertThat(askKo.asString()).contains("신청 2건을 거절할까요?", tix("ko").decline_confirm_text(), "네, 2건 거절");

        var confirmed = Forms.submitAsAdmin(page, page, Map.of("id", ids, "action", "decline", "confirmed", "true"));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(emails).allMatch(e -> Curated.status(event, e) == RegistrationStatus.DECLINED);
        Curated.admin().get(confirmed.header("Location")).then().body(org.hamcrest.Matchers.containsString(tix("en").declined_done(3, 0)));
    }

    private static long outboxRows(List<Long> ids) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ids.stream().mapToLong(id -> eventdesk.mail.OutboxMessage.forOwner(id).size()).sum());
    }

    @Test
    void approvalCanBeAskedForOneTicketTypeOnly() {
        Event event = Curated.create(10, true, """
                [{"key": "founder", "name": "Founder", "nameKo": "창업자", "capacity": 5, "held": 0, "approvalRequired": true},
                 {"key": "developer", "name": "Developer", "nameKo": "개발자", "capacity": 5, "held": 0}]""", "");
        Curated.post(event, Curated.signUp("F", "f-only@example.com", "en", "founder", null)).then()
                .body("status", equalTo("APPLIED"));
        Curated.post(event, Curated.signUp("D", "d-only@example.com", "en", "developer", null)).then()
                .body("status", equalTo("PENDING"));
    }

    private static TicketMsg tix(String lang) {
        return MessageBundles.get(TicketMsg.class, Localized.Literal.of(lang));
    }
}
