package eventdesk.message;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutboxMessage;
import eventdesk.registration.MarketingConsent;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.Deliveries;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Promotional group messages, read from a real SMTP server: only people whose marketing consent stands
 * get one, marked as advertising (the Korean subject starts with (광고), the mail ends with the sender and
 * an unsubscribe link, List-Unsubscribe and List-Unsubscribe-Post headers); the one-click unsubscribe a
 * mail client posts (no cookie, no CSRF token) withdraws at once; transactional messages still reach everyone.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class PromotionalMailTest extends RestoresTestClock {

    static final Pattern UNSUBSCRIBE = Pattern.compile("http://localhost:8080/unsubscribe/[A-Za-z0-9_-]+");

    GreenMail greenMail;
    @Inject
    Outbox outbox;
    @Inject
    MarketingConsent marketing;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    String email(String who) {
        return who + "." + tag + "@example.com";
    }

    /** A confirmed registration in {@code locale}, with marketing consent given at sign-up or not. */
    long person(Event event, String who, String locale, boolean marketingConsent) {
        long id = TestEvents.insert(event, who + " " + tag, email(who), "Toss", RegistrationStatus.CONFIRMED);
        QuarkusTransaction.requiringNew().run(() -> {
            Registration r = Registration.findById(id);
            r.locale = locale;
            r.marketingConsent = marketingConsent;
            r.marketingConsentAt = marketingConsent ? r.createdAt : null;
        });
        return id;
    }

    static Registration registration(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.findById(id));
    }

    static Response send(Event event, String purpose, String subject, String subjectKo, String key) {
        String json = """
                {"group": "CONFIRMED", "subject": "%s", "subjectKo": "%s", "body": "Our next meetup is open: https://example.com/next",
                 "bodyKo": "다음 밋업 신청을 받습니다: https://example.com/next", "idempotencyKey": "%s"%s}
                """.formatted(subject, subjectKo, key, purpose == null ? "" : ", \"purpose\": \"" + purpose + "\"");
        return given().auth().preemptive().basic("admin", "admin").contentType("application/json").body(json)
                .post("/api/admin/events/" + event.slug + "/messages");
    }

    void deliverAll() {
        TestClock.get().advance(Duration.ofMinutes(5));
        Deliveries.deliver(outbox);
    }

    /** The mails of this test whose subject contains {@code part}. */
    List<MimeMessage> mails(String part) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (Mailbox.subject(m).contains(part)) found.add(m);
        }
        return found;
    }

    static String to(MimeMessage m) {
        try {
            return m.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage m, String name) {
        try {
            String[] values = m.getHeader(name);
            assertThat(values).as(name).isNotNull().hasSize(1);
            return values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPromotionalMessageReachesOnlyConsentingPeopleMarkedAsAdvertisingAndOneClickUnsubscribeStopsTheNext() {
        Event event = TestEvents.create(20, true);
        Map<String, Long> people = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            boolean consent = i < 4;
            String who = (consent ? "yes" : "no") + i;
            people.put(who, person(event, who, i == 3 ? "en" : "ko", consent));
        }

        send(event, "PROMOTIONAL", "Next: DevDay " + tag, "다음 행사: 데브데이 " + tag, "ad1-" + tag)
                .then().statusCode(202).body("recipients", equalTo(4));
        deliverAll();

        List<MimeMessage> ads = mails("데브데이 " + tag);
        ads.addAll(mails("Next: DevDay " + tag));
        assertThat(ads).as("one mail to each of the four who agreed to news, none to the six who did not").hasSize(4);
        assertThat(ads.stream().map(PromotionalMailTest::to))
                .containsExactlyInAnyOrder(email("yes0"), email("yes1"), email("yes2"), email("yes3"));
        MarketingConsent.Sender sender = marketing.sender();
        assertThat(sender.name()).isEqualTo("Seoul Founders Club");
        for (MimeMessage m : ads) {
            boolean korean = !to(m).equals(email("yes3"));
            if (korean) assertThat(Mailbox.subject(m)).isEqualTo("(광고) 다음 행사: 데브데이 " + tag);
            else assertThat(Mailbox.subject(m)).isEqualTo("Next: DevDay " + tag);
            String unsubscribe = header(m, "List-Unsubscribe");
            assertThat(unsubscribe).matches("<http://localhost:8080/unsubscribe/[A-Za-z0-9_-]{40,}>");
            assertThat(header(m, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
            String text = Mailbox.text(m);
            String link = unsubscribe.substring(1, unsubscribe.length() - 1);
            assertThat(text).contains(sender.name(), sender.contact(), link);
            String plain = text.substring(0, text.indexOf("<!DOCTYPE"));
            // The text part ends with the sender and the link (정보통신망법: who sends it, how to refuse it).
            assertThat(plain.strip()).endsWith(link).contains(korean
                    ? "보낸 이: Seoul Founders Club · 연락처: +82 2-555-0100" : "Sender: Seoul Founders Club · Contact: +82 2-555-0100")
                    .contains(korean ? "광고성 정보 수신거부: " + link : "Stop promotional mail: " + link);
        }

        // yes1's mail client unsubscribes with one click: a POST of its own, no cookie, no CSRF token.
        MimeMessage toYes1 = ads.stream().filter(m -> to(m).equals(email("yes1"))).findFirst().orElseThrow();
        String link = header(toYes1, "List-Unsubscribe");
        Instant before = TestClock.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Response click = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post(link.substring(1, link.length() - 1).replace("http://localhost:8080", ""));
        assertThat(click.statusCode()).isEqualTo(200);
        assertThat(click.getHeaders().getValues("Set-Cookie")).isEmpty();
        Registration yes1 = registration(people.get("yes1"));
        assertThat(yes1.marketingConsent).isFalse();
        assertThat(yes1.marketingWithdrawnAt).isBetween(before, TestClock.now());

        // The next promotional message skips yes1.
        send(event, "PROMOTIONAL", "Demo day " + tag, "데모데이 " + tag, "ad2-" + tag)
                .then().statusCode(202).body("recipients", equalTo(3));
        deliverAll();
        List<MimeMessage> next = mails("데모데이 " + tag);
        next.addAll(mails("Demo day " + tag));
        assertThat(next.stream().map(PromotionalMailTest::to)).containsExactlyInAnyOrder(email("yes0"), email("yes2"), email("yes3"));

        // A message about the event still reaches all ten, yes1 included; only those who still agree to
        // news find the unsubscribe link at its end, and it has no advertising marks.
        send(event, null, "Doors at nine " + tag, "9시 입장 " + tag, "info-" + tag)
                .then().statusCode(202).body("recipients", equalTo(10));
        deliverAll();
        List<MimeMessage> info = mails("9시 입장 " + tag);
        info.addAll(mails("Doors at nine " + tag));
        assertThat(info).hasSize(10);
        for (MimeMessage m : info) {
            String who = to(m);
            boolean consenting = who.equals(email("yes0")) || who.equals(email("yes2")) || who.equals(email("yes3"));
            assertThat(Mailbox.subject(m)).doesNotContain("(광고)");
            try {
                assertThat(m.getHeader("List-Unsubscribe")).as("a transactional mail is no mailing list").isNull();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
            Matcher footer = UNSUBSCRIBE.matcher(Mailbox.text(m));
            assertThat(footer.find()).as(who + " has an unsubscribe link in the footer").isEqualTo(consenting);
            assertThat(Mailbox.text(m)).doesNotContain(sender.contact());
        }
        assertThat(info.stream().map(PromotionalMailTest::to)).contains(email("yes1"), email("no9"));
    }

    @Test
    void aConsentWithdrawnWhileTheMailWaitsInTheOutboxStopsThatMail() {
        Event event = TestEvents.create(20, true);
        long stays = person(event, "stays", "ko", true);
        long leaves = person(event, "leaves", "ko", true);
        send(event, "PROMOTIONAL", "", "가을 밋업 " + tag, "late-" + tag).then().statusCode(202).body("recipients", equalTo(2));
        Instant now = TestClock.now();
        QuarkusTransaction.requiringNew().run(() -> Registration.<Registration>findById(leaves).withdrawMarketing(now));
        deliverAll();

        assertThat(mails("가을 밋업 " + tag).stream().map(PromotionalMailTest::to)).containsExactly(email("stays"));
        OutboxMessage dropped = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.forOwner(leaves).get(0));
        assertThat(dropped.status).isEqualTo(OutboxMessage.Status.DROPPED);
        assertThat(dropped.bodyText).isNull();
        assertThat(registration(stays).marketingConsent).isTrue();

        long id = QuarkusTransaction.requiringNew().call(() -> GroupMessage.<GroupMessage>find("event.id", event.id).firstResult().id);
        String detail = given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en")
                .get("/admin/events/" + event.slug + "/messages/" + id).then().statusCode(200).extract().asString();
        assertThat(detail).contains("Promotional", "Not sent: marketing consent withdrawn", "(광고) 가을 밋업 " + tag);
    }

    @Test
    void thePreviewSaysWhoIsLeftOutAndWhyAndTheConfirmSendsToTheRest() {
        Event event = TestEvents.create(20, true);
        for (int i = 0; i < 5; i++) person(event, "page" + i, "ko", i < 2);
        String base = "/admin/events/" + event.slug + "/messages";
        String form = given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en").get(base + "/new")
                .then().statusCode(200).extract().asString();
        assertThat(form).contains("Kind of message", "About this event", "Promotional",
                "The Korean subject starts with (광고), and the mail ends with the sender (Seoul Founders Club, +82 2-555-0100)")
                .containsPattern("value=\"TRANSACTIONAL\"[^>]*checked");
        Map<String, String> fields = new HashMap<>(Map.of("group", "CONFIRMED", "purpose", "PROMOTIONAL", "subject", "",
                "subjectKo", "새 밋업 " + tag, "body", "", "bodyKo", "신청하세요.", "idempotencyKey", "page-" + tag));
        Response preview = eventdesk.testing.Forms.submitAsAdmin(base + "/new", base + "/preview", fields);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.asString()).contains("This message goes to 2 people: Confirmed.",
                "3 people of this group are left out: they did not agree to news by email when they signed up, or have withdrawn.",
                "(광고) 새 밋업 " + tag, "name=\"purpose\" value=\"PROMOTIONAL\"", "Send to 2 people");
        fields.put("count", "2");
        assertThat(eventdesk.testing.Forms.submitAsAdmin(base + "/new", base, fields).statusCode()).isEqualTo(303);
        deliverAll();
        assertThat(mails("(광고) 새 밋업 " + tag).stream().map(PromotionalMailTest::to))
                .containsExactlyInAnyOrder(email("page0"), email("page1"));
        String list = given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "ko").get(base)
                .then().statusCode(200).extract().asString();
        assertThat(list).contains("(광고) 새 밋업 " + tag, ">광고</span>");
    }

    @Test
    void anUnknownPurposeIsRefusedWithItsField() {
        Event event = TestEvents.create(20, true);
        send(event, "ADVERT", "Hi", "안녕", "bad-" + tag).then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("purpose"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> GroupMessage.count("event.id", event.id))).isZero();
    }
}
