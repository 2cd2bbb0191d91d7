package eventdesk.admin;

import eventdesk.event.Event;
import eventdesk.registration.AccessToken;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.Forms;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class AdminFeaturesTest {

    static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en");
    }

    @Test
    void csvExportIsExcelReadyWithBomQuotingFormulaGuardAndEveryRegistration() throws Exception {
        Event event = TestEvents.create(3, true);
        TestEvents.insert(event, "김민준", "minjun@example.kr", "토스, 서울", RegistrationStatus.CONFIRMED);
        TestEvents.insert(event, "Jane \"JJ\" Doe", "jane@example.com", "Line1\nLine2", RegistrationStatus.PENDING);
        TestEvents.insert(event, "=HYPERLINK(\"http://evil\")", "formula@example.com", "+82 10-1234-5678", RegistrationStatus.PENDING);
        TestEvents.insert(event, "@cmd", "w1@example.com", "-minus", RegistrationStatus.WAITLISTED);
        TestEvents.insert(event, "\tTab", "w2@example.com", "\rCR", RegistrationStatus.WAITLISTED);
        TestEvents.insert(event, "Gone", "gone@example.com", "X", RegistrationStatus.CANCELLED);

        Response r = admin().get("/admin/events/" + event.slug + "/attendees.csv");
        r.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(event.slug + "-attendees-"));
        byte[] bytes = r.asByteArray();
        assertThat(new byte[]{bytes[0], bytes[1], bytes[2]}).isEqualTo(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).contains("\r\n");
        List<CSVRecord> rows = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(CSVParser.parse(new StringReader(text), CSVFormat.RFC4180).getRecords().get(0).toList())
                .containsExactly(AttendeeCsv.HEADER);
        assertThat(rows).hasSize(6);
        Map<String, CSVRecord> byEmail = new java.util.HashMap<>();
        rows.forEach(row -> byEmail.put(row.get("email"), row));
        assertThat(byEmail.get("minjun@example.kr").get("name")).isEqualTo("김민준");
        assertThat(byEmail.get("minjun@example.kr").get("affiliation")).isEqualTo("토스, 서울");
        assertThat(byEmail.get("minjun@example.kr").get("status")).isEqualTo("CONFIRMED");
        assertThat(byEmail.get("minjun@example.kr").get("confirmed_at")).endsWith("+09:00");
        assertThat(byEmail.get("minjun@example.kr").get("language")).isEqualTo("ko");
        assertThat(byEmail.get("jane@example.com").get("name")).isEqualTo("Jane \"JJ\" Doe");
        assertThat(byEmail.get("jane@example.com").get("affiliation")).isEqualTo("Line1\nLine2");
        assertThat(byEmail.get("formula@example.com").get("name")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(byEmail.get("formula@example.com").get("affiliation")).isEqualTo("'+82 10-1234-5678");
        assertThat(byEmail.get("w1@example.com").get("name")).isEqualTo("'@cmd");
        assertThat(byEmail.get("w1@example.com").get("affiliation")).isEqualTo("'-minus");
        assertThat(byEmail.get("w1@example.com").get("waitlist_position")).isEqualTo("1");
        assertThat(byEmail.get("w2@example.com").get("name")).isEqualTo("'\tTab");
        assertThat(byEmail.get("w2@example.com").get("affiliation")).isEqualTo("'\rCR");
        assertThat(byEmail.get("w2@example.com").get("waitlist_position")).isEqualTo("2");
        assertThat(byEmail.get("gone@example.com").get("waitlist_position")).isEmpty();

        String waitlistOnly = new String(admin().get("/admin/events/" + event.slug + "/attendees.csv?status=WAITLISTED")
                .asByteArray(), StandardCharsets.UTF_8);
        assertThat(CSVParser.parse(new StringReader(waitlistOnly.substring(1)), CSVFormat.RFC4180).getRecords()).hasSize(3);
    }

    @Test
    void adminPagesEscapeWhatPeopleTyped() {
        Event event = TestEvents.create(5, true);
        TestEvents.insert(event, "<script>alert('x')</script>", "xss@example.com", "<img src=x onerror=alert(1)>",
                RegistrationStatus.PENDING);
        admin().get("/admin/events/" + event.slug).then().statusCode(200)
                .body(not(containsString("<script>alert")))
                .body(not(containsString("<img src=x")))
                .body(containsString("&lt;script&gt;alert("));
        admin().get("/admin/checkin?q=xss").then().statusCode(200)
                .body(not(containsString("<script>alert"))).body(containsString("&lt;script&gt;"));
    }

    @Test
    void attendeeListSearchesFiltersAndCancelsWithMail() {
        Event event = TestEvents.create(1, true);
        given().contentType("application/json").body(signUpJson("Park Jisoo", "jisoo@example.com"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
        given().contentType("application/json").body(signUpJson("Lee Minho", "minho@example.com"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
        admin().get("/admin/events/" + event.slug + "?q=jisoo").then().statusCode(200)
                .body(containsString("<strong>Park Jisoo")).body(not(containsString("<strong>Lee Minho")));
        admin().get("/admin/events/" + event.slug + "?status=WAITLISTED").then().statusCode(200)
                .body(containsString("<strong>Lee Minho")).body(not(containsString("<strong>Park Jisoo")));
        long id = TestEvents.byEmail(event, "jisoo@example.com").id;
        // Cancelling is final and mails the person: the button first asks, naming who and what follows.
        Response ask = Forms.submitAsAdmin("/admin/events/" + event.slug, "/admin/registrations/" + id + "/cancel", Map.of());
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.asString()).contains("Cancel the registration of Park Jisoo?", "jisoo@example.com",
                "next person on the waitlist", "cannot be undone", "name=\"confirmed\" value=\"true\"",
                "action=\"/admin/registrations/" + id + "/cancel\"", "name=\"csrf-token\"");
        assertThat(TestEvents.byEmail(event, "jisoo@example.com").status).isEqualTo(RegistrationStatus.PENDING);
        assertThat(Forms.submitAsAdmin("/admin/events/" + event.slug, "/admin/registrations/" + id + "/cancel?lang=ko", Map.of())
                .asString()).contains("Park Jisoo 님의 신청을 취소할까요?", "되돌릴 수 없습니다");
        Forms.submitAsAdmin("/admin/events/" + event.slug, "/admin/registrations/" + id + "/cancel", Map.of("confirmed", "true"))
                .then().statusCode(303).header("Location", containsString("done=cancelled"));
        assertThat(TestEvents.byEmail(event, "jisoo@example.com").status).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(TestEvents.byEmail(event, "minho@example.com").status).isEqualTo(RegistrationStatus.PENDING);
        // Asking again about a registration that is no longer active changes nothing and says so.
        Response again = Forms.submitAsAdmin("/admin/events/" + event.slug, "/admin/registrations/" + id + "/cancel", Map.of());
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.header("Location")).contains("done=unchanged");
    }

    @Test
    void theNewEventFormStartsAtDraftWhileTheApiKeepsPublished() {
        admin().get("/admin/events/new").then().statusCode(200)
                .body(containsString("value=\"draft\" checked")).body(not(containsString("value=\"published\" checked")));
        String slug = "draft-" + System.nanoTime();
        java.time.LocalDate day = TestEvents.tenAmKst(70).toLocalDate();
        Forms.submitAsAdmin("/admin/events/new", "/admin/events", Map.of("slug", slug, "title", "Quiet Draft", "venue", "Hall",
                "address", "Seoul", "startsAt", day + "T19:00", "endsAt", day + "T21:00", "capacity", "10")).then().statusCode(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).orElseThrow().status))
                .isEqualTo(eventdesk.event.EventStatus.draft);
        given().get("/events/" + slug).then().statusCode(404);
    }

    @Test
    void theDashboardListsTheSoonestEventFirstAndEndedOnesAfterTheUpcoming() {
        java.time.Instant now = eventdesk.testing.TestClock.now();
        Event later = TestEvents.named(TestEvents.update(TestEvents.create(5, true), e -> {
            e.startsAt = now.plus(java.time.Duration.ofDays(90));
            e.endsAt = e.startsAt.plus(java.time.Duration.ofHours(2));
        }));
        Event soon = TestEvents.named(TestEvents.update(TestEvents.create(5, true), e -> {
            e.startsAt = now.plus(java.time.Duration.ofDays(1));
            e.endsAt = e.startsAt.plus(java.time.Duration.ofHours(2));
        }));
        Event ended = TestEvents.named(TestEvents.update(TestEvents.create(5, true), e -> {
            e.startsAt = now.minus(java.time.Duration.ofDays(3));
            e.endsAt = e.startsAt.plus(java.time.Duration.ofHours(2));
        }));
        String dashboard = admin().get("/admin").then().statusCode(200).extract().asString();
        int soonAt = dashboard.indexOf("Meetup " + soon.slug), laterAt = dashboard.indexOf("Meetup " + later.slug),
                endedAt = dashboard.indexOf("Meetup " + ended.slug);
        assertThat(soonAt).isPositive();
        assertThat(laterAt).isGreaterThan(soonAt);
        assertThat(endedAt).isGreaterThan(laterAt);
    }

    @Test
    void eventsAreCreatedAndEditedThroughFormsAndRaisingCapacityPromotesFifo() {
        String slug = "meetup-" + System.nanoTime();
        java.time.LocalDate day = TestEvents.tenAmKst(60).toLocalDate();
        Map<String, String> fields = new java.util.HashMap<>(Map.of("slug", slug, "title", "Rust Seoul", "titleKo", "러스트 서울",
                "venue", "D2SF", "address", "Gangnam", "startsAt", day + "T19:00", "endsAt", day + "T21:00",
                "capacity", "1", "waitlistEnabled", "true", "status", "published"));
        Forms.submitAsAdmin("/admin/events/new", "/admin/events", fields).then().statusCode(303);
        String date = java.time.format.DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", java.util.Locale.ENGLISH).format(day);
        given().header("Accept-Language", "en").get("/events/" + slug).then().statusCode(200)
                .body(containsString("Rust Seoul")).body(containsString(date + ", 7:00 PM – 9:00 PM KST"));
        Event event = QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).orElseThrow());
        for (String who : List.of("f1", "f2", "f3")) {
            given().contentType("application/json").body(signUpJson(who, who + "@example.com"))
                    .post("/api/events/" + slug + "/registrations").then().statusCode(202);
        }
        fields.remove("slug");
        fields.put("capacity", "2");
        Forms.submitAsAdmin("/admin/events/" + slug + "/edit", "/admin/events/" + slug, fields).then().statusCode(303);
        assertThat(TestEvents.byEmail(event, "f2@example.com").status).isEqualTo(RegistrationStatus.PENDING);
        assertThat(TestEvents.byEmail(event, "f3@example.com").status).isEqualTo(RegistrationStatus.WAITLISTED);

        fields.put("capacity", "1");
        Forms.submitAsAdmin("/admin/events/" + slug + "/edit", "/admin/events/" + slug, fields).then().statusCode(422)
                .body(containsString("at least 2"));
        fields.put("capacity", "2");
        fields.put("endsAt", day + "T18:00");
        Forms.submitAsAdmin("/admin/events/" + slug + "/edit", "/admin/events/" + slug, fields).then().statusCode(422)
                .body(containsString("The end must come after the start"));
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isEqualTo(2);
    }

    @Test
    void adminApiCreatesAndUpdatesEvents() {
        String slug = "api-made-" + System.nanoTime();
        java.time.OffsetDateTime startsAt = TestEvents.tenAmKst(50).toOffsetDateTime();
        admin().contentType("application/json").body("""
                {"slug":"%s","title":"API Day","titleKo":"API 데이","description":"d","descriptionKo":"설명",
                 "venue":"Hall","address":"Seoul","startsAt":"%s","endsAt":"%s",
                 "capacity":1,"waitlistEnabled":true}""".formatted(slug, startsAt, startsAt.plusHours(2)))
                .post("/api/admin/events").then().statusCode(201)
                .body("slug", equalTo(slug)).body("registrationOpen", equalTo(true)).body("status", equalTo("published"));
        given().contentType("application/json").body(signUpJson("A", "api-a@example.com"))
                .post("/api/events/" + slug + "/registrations").then().statusCode(202);
        given().contentType("application/json").body(signUpJson("B", "api-b@example.com"))
                .post("/api/events/" + slug + "/registrations").then().statusCode(202).body("waitlistPosition", equalTo(1));
        admin().contentType("application/json").body("{\"capacity\": 5}").put("/api/admin/events/" + slug)
                .then().statusCode(200).body("capacity", equalTo(5)).body("seatsLeft", equalTo(3))
                .body("waitlistCount", equalTo(0));
        admin().contentType("application/json").body("{\"capacity\": 1}").put("/api/admin/events/" + slug)
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("capacity"));
        admin().contentType("application/json").body("{\"slug\":\"Bad Slug\"}").post("/api/admin/events")
                .then().statusCode(400).contentType(containsString("problem+json"));
        admin().get("/api/admin/events/" + slug + "/registrations").then().statusCode(200)
                .body("size()", equalTo(2)).body("status", org.hamcrest.Matchers.everyItem(equalTo("PENDING")));
    }

    @Test
    void doorCheckInWarnsOnSecondScanWrongEventAndUnconfirmed() {
        Event event = TestEvents.create(5, true);
        Event other = TestEvents.create(5, true);
        long confirmed = TestEvents.insert(event, "Choi Yuna", "yuna@example.com", "Kakao", RegistrationStatus.CONFIRMED);
        long cancelled = TestEvents.insert(event, "Han Gone", "hangone@example.com", "Line", RegistrationStatus.CANCELLED);
        String code = token(confirmed);
        String cancelledCode = token(cancelled);

        Forms.submitAsAdmin("/admin/checkin", "/admin/checkin", Map.of("code", "http://localhost:8080/admin/checkin/" + code,
                "event", other.slug)).then().statusCode(200).body(containsString("This ticket is for another event"));
        assertThat(TestEvents.byEmail(event, "yuna@example.com").checkedInAt).isNull();

        Forms.submitAsAdmin("/admin/checkin", "/admin/checkin", Map.of("code", code, "event", event.slug))
                .then().statusCode(200).body(containsString("Checked in")).body(containsString("Choi Yuna"));
        assertThat(TestEvents.byEmail(event, "yuna@example.com").checkedInAt).isNotNull();
        String time = eventdesk.web.Kst.time(TestEvents.byEmail(event, "yuna@example.com").checkedInAt);
        Forms.submitAsAdmin("/admin/checkin", "/admin/checkin", Map.of("code", code, "event", event.slug))
                .then().statusCode(200).body(containsString("Already checked in at " + time));

        Forms.submitAsAdmin("/admin/checkin", "/admin/checkin", Map.of("code", cancelledCode))
                .then().statusCode(200).body(containsString("Not confirmed"));
        assertThat(TestEvents.byEmail(event, "hangone@example.com").checkedInAt).isNull();
        Forms.submitAsAdmin("/admin/checkin", "/admin/checkin", Map.of("code", "no-such-code-0000000000000"))
                .then().statusCode(200).body(containsString("No ticket with this code"));

        // The QR link shows who it is and a button; the GET alone checks nobody in.
        long other2 = TestEvents.insert(event, "Kang Dohyun", "dohyun@example.com", "Coupang", RegistrationStatus.CONFIRMED);
        admin().get("/admin/checkin/" + token(other2)).then().statusCode(200)
                .body(containsString("Kang Dohyun")).body(containsString("Check in this person?"));
        assertThat(TestEvents.byEmail(event, "dohyun@example.com").checkedInAt).isNull();
    }

    private static String token(long registrationId) {
        return QuarkusTransaction.requiringNew().call(() ->
                AccessToken.issue(Registration.findById(registrationId), AccessToken.Purpose.CHECKIN, eventdesk.testing.TestClock.now()));
    }
}
