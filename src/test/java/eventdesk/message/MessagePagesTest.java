package eventdesk.message;

import eventdesk.event.Event;
import eventdesk.mail.OutboxMessage;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The organizer's message pages: form, preview with the exact count, one send per form, the record. */
@QuarkusTest
class MessagePagesTest extends RestoresTestClock {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    /** The organizer's browser: one CSRF cookie for the whole visit. */
    String csrfCookie;
    String csrfField;

    String get(String path, String lang) {
        Response page = given().auth().preemptive().basic("admin", "admin").header("Accept-Language", lang).get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        if (page.getCookie("csrf-token") != null) csrfCookie = page.getCookie("csrf-token");
        Matcher m = CSRF.matcher(page.asString());
        if (m.find()) csrfField = m.group(1);
        return page.asString();
    }

    Response post(String path, Map<String, String> fields, String lang) {
        return given().auth().preemptive().basic("admin", "admin").redirects().follow(false).header("Accept-Language", lang)
                .cookie("csrf-token", csrfCookie).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(fields).formParam("csrf-token", csrfField).post(path);
    }

    static long messages(Event event) {
        return QuarkusTransaction.requiringNew().call(() -> GroupMessage.count("event.id", event.id));
    }

    static long mails(Event event) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                "kind = ?1 and ownerId in (select r.id from Registration r where r.event.id = ?2)", "GROUP_MESSAGE", event.id));
    }

    void people(Event event, int n, RegistrationStatus status) {
        for (int i = 0; i < n; i++) {
            TestEvents.insert(event, "Person " + i + " " + tag, status + "." + i + "." + tag + "@example.com", "Toss", status);
        }
    }

    @Test
    void previewShowsTheExactCountAndTheConfirmSendsToThatManyOnceEvenWhenRepeated() {
        Event event = TestEvents.create(20, true);
        people(event, 3, RegistrationStatus.CONFIRMED);
        people(event, 2, RegistrationStatus.PENDING);
        String base = "/admin/events/" + event.slug + "/messages";
        String form = get(base + "/new", "en");
        Matcher key = KEY.matcher(form);
        assertThat(key.find()).isTrue();
        Map<String, String> fields = new HashMap<>(Map.of("group", "CONFIRMED", "subject", "Doors at 9", "subjectKo", "9시 입장",
                "body", "See <b>you</b> at https://example.com/map", "bodyKo", "지도: https://example.com/map",
                "idempotencyKey", key.group(1)));

        Response preview = post(base + "/preview", fields, "en");
        assertThat(preview.statusCode()).isEqualTo(200);
        String html = preview.asString();
        assertThat(html).contains("This message goes to 3 people: Confirmed.", "Send to 3 people", "9시 입장", "Doors at 9",
                "See &lt;b&gt;you&lt;/b&gt; at <a href=\"https://example.com/map\"");
        assertThat(messages(event)).as("a preview sends nothing").isZero();

        fields.put("count", "3");
        Response sent = post(base, fields, "en");
        assertThat(sent.statusCode()).isEqualTo(303);
        String record = sent.getHeader("Location");
        assertThat(record).contains(base + "/");
        assertThat(mails(event)).isEqualTo(3);

        // A double click or a reload of the confirm: the same record, nothing more sent.
        Response again = post(base, fields, "en");
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.getHeader("Location")).isEqualTo(record);
        assertThat(messages(event)).isEqualTo(1);
        assertThat(mails(event)).isEqualTo(3);

        String detail = get(record.replaceFirst("^https?://[^/]+", ""), "en");
        assertThat(detail).contains("Doors at 9", "Person 0 " + tag, "Person 2 " + tag, "Waiting to be sent")
                .doesNotContain("PENDING." + "0." + tag);
        String list = get(base, "ko");
        assertThat(list).contains("보낸 메시지", "9시 입장", "확정");
    }

    @Test
    void aGroupThatChangedSinceThePreviewIsShownAgainAndNothingIsSent() {
        Event event = TestEvents.create(20, true);
        people(event, 2, RegistrationStatus.WAITLISTED);
        String base = "/admin/events/" + event.slug + "/messages";
        get(base + "/new", "ko");
        Map<String, String> fields = new HashMap<>(Map.of("group", "WAITLISTED", "subject", "", "subjectKo", "대기 안내",
                "body", "", "bodyKo", "조금만 기다려 주세요.", "idempotencyKey", "page-" + tag));
        assertThat(post(base + "/preview", fields, "ko").asString()).contains("이 메시지는 2명에게 갑니다", "2명에게 보내기");
        people(event, 1, RegistrationStatus.PENDING);
        TestEvents.insert(event, "Late " + tag, "late." + tag + "@example.com", "Toss", RegistrationStatus.WAITLISTED);
        fields.put("count", "2");
        Response changed = post(base, fields, "ko");
        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(changed.asString()).contains("지금은 3명입니다", "3명에게 보내기");
        assertThat(messages(event)).isZero();
        fields.put("count", "3");
        assertThat(post(base, fields, "ko").statusCode()).isEqualTo(303);
        assertThat(mails(event)).isEqualTo(3);
    }

    @Test
    void badInputKeepsTheFormWithErrorsNextToTheFields() {
        Event event = TestEvents.create(20, true);
        String base = "/admin/events/" + event.slug + "/messages";
        get(base + "/new", "en");
        Response bad = post(base + "/preview", Map.of("group", "", "subject", " ", "subjectKo", "", "body", "Kept text",
                "bodyKo", "", "idempotencyKey", "bad-" + tag), "en");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.asString()).contains("Choose who gets the message.", "Write a subject in at least one language.",
                "Kept text", "value=\"bad-" + tag + "\"");
        Response sendBad = post(base, Map.of("group", "NOBODY", "subject", "Hi", "body", "x", "idempotencyKey", "bad2-" + tag), "en");
        assertThat(sendBad.statusCode()).isEqualTo(422);
        assertThat(messages(event)).isZero();
        // Without the CSRF token nothing happens.
        Response forged = given().auth().preemptive().basic("admin", "admin").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParams(Map.of("group", "ACTIVE", "subject", "Hi",
                        "body", "x", "idempotencyKey", "csrf-" + tag)).post(base);
        assertThat(forged.statusCode()).isBetween(400, 499);
        assertThat(messages(event)).isZero();
    }

    @Test
    void afterTheEventOneClickFillsInThankYouAndSorryInBothLanguages() {
        Event event = TestEvents.create(20, true);
        String base = "/admin/events/" + event.slug + "/messages";
        assertThat(get(base, "en")).doesNotContain("Thank you for coming").contains("New message");
        assertThat(get(base + "/new", "en")).doesNotContain("value=\"NOT_CHECKED_IN\"");
        TestClock.get().set(event.endsAt.plus(Duration.ofHours(1)));
        assertThat(get(base, "en")).contains("?preset=thanks", "?preset=missed");
        String thanks = get(base + "/new?preset=thanks", "en");
        assertThat(thanks).contains("<option value=\"CHECKED_IN\" selected>", "Thank you for coming to Test Meetup",
                "테스트 밋업에 와 주셔서 감사합니다");
        String missed = get(base + "/new?preset=missed", "ko");
        assertThat(missed).contains("<option value=\"NOT_CHECKED_IN\" selected>", "Sorry we missed you at Test Meetup",
                "테스트 밋업에서 못 뵈어 아쉬웠습니다");
    }

    @Test
    void theApplicantsGroupIsOfferedInBothLanguagesAndTheApplicationsPageLinkChoosesIt() {
        Event event = TestEvents.update(TestEvents.create(20, true), e -> e.approvalRequired = true);
        people(event, 2, RegistrationStatus.APPLIED);
        people(event, 1, RegistrationStatus.CONFIRMED);
        people(event, 1, RegistrationStatus.PENDING);
        String base = "/admin/events/" + event.slug + "/messages";
        assertThat(get(base + "/new", "en")).contains("<option value=\"APPLIED\">Applicants waiting for approval</option>");
        assertThat(get(base + "/new?group=APPLIED", "en"))
                .contains("<option value=\"APPLIED\" selected>Applicants waiting for approval</option>");
        String ko = get(base + "/new?group=APPLIED", "ko");
        assertThat(ko).contains("<option value=\"APPLIED\" selected>승인 대기 중인 신청자</option>");
        Matcher key = KEY.matcher(ko);
        assertThat(key.find()).isTrue();
        Response preview = post(base + "/preview", Map.of("group", "APPLIED", "subject", "Your application", "subjectKo", "",
                "body", "We decide by Friday.", "bodyKo", "", "idempotencyKey", key.group(1)), "en");
        assertThat(preview.asString()).contains("This message goes to 2 people: Applicants waiting for approval.");

        // An event that asks nobody for approval does not offer the group; a link naming it chooses nothing.
        Event plain = TestEvents.create(20, true);
        String plainForm = get("/admin/events/" + plain.slug + "/messages/new?group=APPLIED", "en");
        assertThat(plainForm).doesNotContain("value=\"APPLIED\"").contains("<option value=\"\">");
        Response refused = post("/admin/events/" + plain.slug + "/messages/preview", Map.of("group", "APPLIED", "subject", "Hi",
                "body", "x", "idempotencyKey", "ap-" + tag), "en");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("Nobody in this event waits for approval: choose another group.");
    }
}
