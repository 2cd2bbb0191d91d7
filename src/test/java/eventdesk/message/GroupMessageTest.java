package eventdesk.message;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.registration.Retention;
import eventdesk.testing.Deliveries;
import eventdesk.testing.Erased;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.Race;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.web.EventdeskConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Messages to a group of an event, read from a real SMTP server. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class GroupMessageTest extends RestoresTestClock {

    GreenMail greenMail;
    @Inject
    Outbox outbox;
    @Inject
    Retention retention;
    @Inject
    EventdeskConfig config;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    String email(String who) {
        return who + "." + tag + "@example.com";
    }

    long person(Event event, String who, RegistrationStatus status, String locale) {
        long id = TestEvents.insert(event, who + " " + tag, email(who), "Toss", status);
        change(id, r -> r.locale = locale);
        return id;
    }

    static void change(long id, Consumer<Registration> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(Registration.findById(id)));
    }

    static Response post(Event event, String json) {
        return given().auth().preemptive().basic("admin", "admin").contentType("application/json").body(json)
                .post("/api/admin/events/" + event.slug + "/messages");
    }

    static String json(String group, String subject, String subjectKo, String body, String bodyKo, String key) {
        return """
                {"group": %s, "subject": %s, "subjectKo": %s, "body": %s, "bodyKo": %s, "idempotencyKey": %s}
                """.formatted(q(group), q(subject), q(subjectKo), q(body), q(bodyKo), q(key));
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Every mail now due, and those the spread holds back a few seconds. */
    void deliverAll() {
        TestClock.get().advance(Duration.ofMinutes(5));
        Deliveries.deliver(outbox);
    }

    static long messages(Event event) {
        return QuarkusTransaction.requiringNew().call(() -> GroupMessage.count("event.id", event.id));
    }

    @Test
    void aMessageReachesExactlyTheChosenGroupOnceEachInTheirLanguage() throws Exception {
        Event event = TestEvents.create(10, true);
        person(event, "mina", RegistrationStatus.CONFIRMED, "ko");
        long jane = person(event, "jane", RegistrationStatus.CONFIRMED, "en");
        person(event, "pending", RegistrationStatus.PENDING, "en");
        person(event, "waiting", RegistrationStatus.WAITLISTED, "ko");
        person(event, "gone", RegistrationStatus.CANCELLED, "en");
        String key = "k-" + tag;
        String body = "Doors open at 9:30.\nSlides: https://example.com/slides?a=1&b=2.\n\n<b>Bring</b> your badge!";
        String bodyKo = "9시 30분에 문을 엽니다.\n발표 자료: https://example.com/slides?a=1&b=2";
        post(event, json("CONFIRMED", "Practical details", "안내 사항", body, bodyKo, key))
                .then().statusCode(202).body("recipients", equalTo(2));
        deliverAll();

        MimeMessage toMina = only(email("mina"));
        assertThat(Mailbox.subject(toMina)).isEqualTo("안내 사항");
        assertThat(Mailbox.text(toMina)).contains("9시 30분에 문을 엽니다.", "테스트 밋업", "/manage/")
                .contains("<a href=\"https://example.com/slides?a=1&amp;b=2\"");
        MimeMessage toJane = only(email("jane"));
        assertThat(Mailbox.subject(toJane)).isEqualTo("Practical details");
        String janeText = Mailbox.text(toJane);
        assertThat(janeText).contains("Doors open at 9:30.", "Test Meetup", "&lt;b&gt;Bring&lt;/b&gt;", "<b>Bring</b> your badge!");
        // The manage link in the mail opens that person's registration.
        String manage = Forms.link(janeText, "http://localhost:8080/manage/").replace("http://localhost:8080", "");
        given().header("Accept-Language", "en").get(manage).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("jane " + tag));
        assertThat(Mailbox.to(greenMail, email("pending"))).isEmpty();
        assertThat(Mailbox.to(greenMail, email("waiting"))).isEmpty();
        assertThat(Mailbox.to(greenMail, email("gone"))).isEmpty();

        // The same key again (a retry, a double click): nothing more is sent, the same answer.
        post(event, json("CONFIRMED", "Practical details", "안내 사항", body, bodyKo, key))
                .then().statusCode(202).body("recipients", equalTo(2));
        deliverAll();
        assertThat(Mailbox.to(greenMail, email("mina"))).hasSize(1);
        assertThat(Mailbox.to(greenMail, email("jane"))).hasSize(1);
        assertThat(messages(event)).isEqualTo(1);

        // The record: who got it, and when it was sent.
        List<Object[]> record = QuarkusTransaction.requiringNew().call(() -> MessageRecipient.getEntityManager().createQuery(
                "select r.registration.id, r.outboxMessage.sentAt from MessageRecipient r where r.message.event.id = ?1",
                Object[].class).setParameter(1, event.id).getResultList());
        assertThat(record).hasSize(2).allSatisfy(row -> assertThat(row[1]).isNotNull());
        assertThat(record).anySatisfy(row -> assertThat(row[0]).isEqualTo(jane));
    }

    @Test
    void aBlankLanguageFallsBackToTheOther() throws Exception {
        Event event = TestEvents.create(10, true);
        person(event, "mina", RegistrationStatus.WAITLISTED, "ko");
        person(event, "jane", RegistrationStatus.PENDING, "en");
        post(event, json("ACTIVE", "", "공지", "   ", "한국어로만 씁니다.", "k-" + tag))
                .then().statusCode(202).body("recipients", equalTo(2));
        deliverAll();
        assertThat(Mailbox.subject(only(email("jane")))).isEqualTo("공지");
        assertThat(Mailbox.text(only(email("jane")))).contains("한국어로만 씁니다.", "Test Meetup");
        assertThat(Mailbox.subject(only(email("mina")))).isEqualTo("공지");
    }

    @Test
    void twoConcurrentSubmitsOfOneKeySendOnce() throws Exception {
        Event event = TestEvents.create(20, true);
        for (int i = 0; i < 5; i++) person(event, "p" + i, RegistrationStatus.CONFIRMED, i % 2 == 0 ? "ko" : "en");
        String request = json("CONFIRMED", "Hello", "안녕하세요", "See you.", "곧 만나요.", "race-" + tag);
        List<Response> answers = Race.run(6, i -> () -> post(event, request));
        for (Response answer : answers) answer.then().statusCode(202).body("recipients", equalTo(5));
        deliverAll();
        assertThat(messages(event)).isEqualTo(1);
        for (int i = 0; i < 5; i++) assertThat(Mailbox.to(greenMail, email("p" + i))).as("p" + i).hasSize(1);
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndSendsNothing() {
        Event event = TestEvents.create(10, true);
        person(event, "mina", RegistrationStatus.CONFIRMED, "ko");
        post(event, json("EVERYONE", "Hi", null, "Text", null, "a-" + tag)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("group"));
        post(event, json("CONFIRMED", " ", "", "Text", null, "b-" + tag)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("subject")));
        post(event, json("CONFIRMED", "Hi", null, null, "", "c-" + tag)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("body")));
        post(event, json("CONFIRMED", "Hi", null, "Text", null, null)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("idempotencyKey")));
        post(event, json("CONFIRMED", "Line\nbreak", null, "Text", null, "d-" + tag)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("subject")));
        // Nobody can have been missed before the event started.
        post(event, json("NOT_CHECKED_IN", "Hi", null, "Text", null, "e-" + tag)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("group")));
        post(event, "{\"group\": 5}").then().statusCode(400);
        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body(json("CONFIRMED", "Hi", null, "Text", null, "f-" + tag))
                .post("/api/admin/events/no-such-event/messages").then().statusCode(404);
        given().contentType("application/json").body(json("CONFIRMED", "Hi", null, "Text", null, "g-" + tag))
                .post("/api/admin/events/" + event.slug + "/messages").then().statusCode(401);
        assertThat(messages(event)).isZero();
    }

    @Test
    void theAppliedGroupReachesExactlyTheApplicantsWaitingForApproval() throws Exception {
        Event event = TestEvents.update(TestEvents.create(10, true), e -> e.approvalRequired = true);
        person(event, "applicant", RegistrationStatus.APPLIED, "ko");
        person(event, "applicant2", RegistrationStatus.APPLIED, "en");
        person(event, "confirmed", RegistrationStatus.CONFIRMED, "en");
        person(event, "pending", RegistrationStatus.PENDING, "en");
        person(event, "waiting", RegistrationStatus.WAITLISTED, "ko");
        person(event, "declined", RegistrationStatus.DECLINED, "en");
        post(event, json("APPLIED", "About your application", "신청 안내", "We decide by Friday.", "금요일까지 알려 드립니다.", "ap-" + tag))
                .then().statusCode(202).body("recipients", equalTo(2));
        deliverAll();
        assertThat(Mailbox.subject(only(email("applicant")))).isEqualTo("신청 안내");
        assertThat(Mailbox.text(only(email("applicant")))).contains("금요일까지 알려 드립니다.");
        assertThat(Mailbox.subject(only(email("applicant2")))).isEqualTo("About your application");
        for (String other : List.of("confirmed", "pending", "waiting", "declined")) {
            assertThat(Mailbox.to(greenMail, email(other))).as(other).isEmpty();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> GroupMessage.<GroupMessage>find("event.id", event.id)
                .singleResult().recipientGroup)).isEqualTo(RecipientGroup.APPLIED);

        // Not offered where nobody waits for approval, nor in a draw, whose applicants wait for the draw.
        Event plain = TestEvents.create(10, true);
        post(plain, json("APPLIED", "Hi", null, "Text", null, "ap2-" + tag)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("group")));
        // A whole draw event (with its draw time): an event left half a draw would break every page that lists it.
        Event draw = TestEvents.update(TestEvents.create(10, true), e -> {
            e.makeDraw();
            e.drawAt = e.startsAt.minusSeconds(3600);
        });
        person(draw, "lot", RegistrationStatus.APPLIED, "en");
        post(draw, json("APPLIED", "Hi", null, "Text", null, "ap3-" + tag)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("group")));
        assertThat(messages(plain) + messages(draw)).isZero();
    }

    @Test
    void afterTheEventCheckedInAndNotCheckedInAreSeparateGroups() throws Exception {
        Event event = TestEvents.create(10, true);
        long came = person(event, "came", RegistrationStatus.CONFIRMED, "en");
        person(event, "missed", RegistrationStatus.CONFIRMED, "ko");
        person(event, "waiting", RegistrationStatus.WAITLISTED, "ko");
        change(came, r -> r.checkedInAt = TestClock.now());
        TestClock.get().set(event.endsAt.plus(Duration.ofHours(2)));
        post(event, json("CHECKED_IN", "Thank you for coming", "와 주셔서 감사합니다", "Thanks!", "감사합니다!", "t-" + tag))
                .then().statusCode(202).body("recipients", equalTo(1));
        post(event, json("NOT_CHECKED_IN", "Sorry we missed you", "못 뵈어 아쉬웠습니다", "Next time!", "다음에 봬요!", "m-" + tag))
                .then().statusCode(202).body("recipients", equalTo(1));
        deliverAll();
        assertThat(Mailbox.to(greenMail, email("came"))).extracting(Mailbox::subject).containsExactly("Thank you for coming");
        assertThat(Mailbox.to(greenMail, email("missed"))).extracting(Mailbox::subject).containsExactly("못 뵈어 아쉬웠습니다");
        assertThat(Mailbox.to(greenMail, email("waiting"))).isEmpty();
    }

    @Test
    void aLargeMessageLeavesTheOutboxAtTheConfiguredRate() {
        Event event = TestEvents.create(40, true);
        int people = 25;
        for (int i = 0; i < people; i++) person(event, "rate" + i, RegistrationStatus.CONFIRMED, "en");
        String key = "rate-" + tag;
        post(event, json("CONFIRMED", "Hi", null, "Text", null, key)).then().statusCode(202).body("recipients", equalTo(people));

        // 10 per second (the default): due at the send, 1 s later, 2 s later.
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> MessageRecipient.getEntityManager().createQuery(
                        "select r.outboxMessage.nextAttemptAt, m.createdAt from MessageRecipient r join r.message m"
                                + " where m.idempotencyKey = ?1 order by r.registration.id", Object[].class)
                .setParameter(1, key).getResultList());
        assertThat(rows).hasSize(people);
        Instant sentAt = (Instant) rows.get(0)[1];
        for (int i = 0; i < people; i++) {
            assertThat(Duration.between(sentAt, (Instant) rows.get(i)[0]).toMillis()).as("row " + i).isEqualTo(1000L * (i / 10));
        }

        // The relay takes what is due: ten at first, ten a second later, the rest after that (a send
        // that fails on a busy machine is retried, so the rows tried are counted, then what arrived).
        TestClock.get().set(sentAt.plusMillis(500));
        outbox.relay();
        assertThat(tried(key)).isEqualTo(10);
        TestClock.get().set(sentAt.plusMillis(1500));
        outbox.relay();
        assertThat(tried(key)).isEqualTo(20);
        TestClock.get().set(sentAt.plusMillis(2500));
        outbox.relay();
        assertThat(tried(key)).isEqualTo(25);
        deliverAll();
        assertThat(delivered(people)).isEqualTo(25);
        for (int i = 0; i < people; i++) assertThat(Mailbox.to(greenMail, email("rate" + i))).hasSize(1);
    }

    /** Outbox rows of this message the relay has tried to send (sent, or failed and waiting for a retry). */
    static long tried(String key) {
        return QuarkusTransaction.requiringNew().call(() -> MessageRecipient.count(
                "message.idempotencyKey = ?1 and outboxMessage.attempts > 0", key));
    }

    @Test
    void retentionErasesTheRecipientsAndKeepsTheMessageAndItsRecord() {
        Event event = TestEvents.create(10, true);
        person(event, "kept", RegistrationStatus.CONFIRMED, "ko");
        post(event, json("CONFIRMED", "Hi", null, "Text", null, "ret-" + tag)).then().statusCode(202).body("recipients", equalTo(1));
        // The event ended over the retention period ago; the nightly purge runs.
        TestEvents.update(event, e -> {
            e.startsAt = TestClock.now().minus(config.retention()).minus(Duration.ofDays(2));
            e.endsAt = e.startsAt.plus(Duration.ofHours(3));
        });
        retention.purge(TestClock.now());
        assertThat(TestEvents.registrations(event)).hasSize(1).allSatisfy(r -> Erased.check(r.id));
        // Who got it stays as a number (the recipient row names a registration without personal data).
        assertThat(QuarkusTransaction.requiringNew().call(() -> MessageRecipient.count("message.event.id", event.id))).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> GroupMessage.<GroupMessage>find("event.id", event.id)
                .singleResult().recipientCount)).isEqualTo(1);
    }

    private long delivered(int people) {
        long n = 0;
        for (int i = 0; i < people; i++) n += Mailbox.to(greenMail, email("rate" + i)).size();
        return n;
    }

    private MimeMessage only(String address) {
        List<MimeMessage> mails = Mailbox.to(greenMail, address);
        assertThat(mails).as(address).hasSize(1);
        return mails.get(0);
    }
}
