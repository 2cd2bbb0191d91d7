package eventdesk.attendee;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLogEntry;
import eventdesk.event.Event;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.Forms;
import eventdesk.testing.TestClock;
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
import static org.hamcrest.Matchers.not;

/** The organizer's attendee page: search, filters, cancel with a confirm step, escaping, and the CSV export. */
@QuarkusTest
class AttendeePagesTest {

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

        Response r = admin().get("/admin/events/" + event.slug + "/attendees.csv?reason=name%20badges");
        r.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(event.slug + "-attendees-"));
        byte[] bytes = r.asByteArray();
        assertThat(new byte[]{bytes[0], bytes[1], bytes[2]}).isEqualTo(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).contains("\r\n");
        List<CSVRecord> rows = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(CSVParser.parse(new StringReader(text), CSVFormat.RFC4180).getRecords().get(0).toList())
                .containsExactlyElementsOf(AttendeeCsv.HEADER);
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

        String waitlistOnly = new String(admin().get("/admin/events/" + event.slug + "/attendees.csv?status=WAITLISTED&reason=door%20list")
                .asByteArray(), StandardCharsets.UTF_8);
        assertThat(CSVParser.parse(new StringReader(waitlistOnly.substring(1)), CSVFormat.RFC4180).getRecords()).hasSize(3);
    }

    /** The CSV of {@code path} (the page's filters and a reason), as records by header. */
    private static List<CSVRecord> csv(String path) throws Exception {
        Response r = admin().get(path);
        r.then().statusCode(200);
        String text = new String(r.asByteArray(), StandardCharsets.UTF_8).substring(1);
        return CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
    }

    private static List<String> emails(List<CSVRecord> rows) {
        return rows.stream().map(row -> row.get("email")).toList();
    }

    @Test
    void anExportHoldsThePeopleThePageFiltersShowAndAWaitingPersonKeepsTheirPlace() throws Exception {
        Event event = TestEvents.create(3, true);
        String tag = event.slug;
        long came = TestEvents.insert(event, "Kim Came", "came-" + tag + "@example.com", "Toss", RegistrationStatus.CONFIRMED);
        TestEvents.insert(event, "Lee Stayed", "stayed-" + tag + "@example.com", "Kakao", RegistrationStatus.CONFIRMED);
        TestEvents.insert(event, "Park Pending", "pending-" + tag + "@example.com", "Naver", RegistrationStatus.PENDING);
        TestEvents.insert(event, "Wait One", "w1-" + tag + "@example.com", "A", RegistrationStatus.WAITLISTED);
        TestEvents.insert(event, "KIM Waiting", "w2-" + tag + "@example.com", "B", RegistrationStatus.WAITLISTED);
        TestEvents.insert(event, "Wait Three", "w3-" + tag + "@example.com", "C", RegistrationStatus.WAITLISTED);
        QuarkusTransaction.requiringNew().run(() -> Registration.<Registration>findById(came).checkedInAt = TestClock.now());
        String base = "/admin/events/" + event.slug;

        // The page's download form carries the filters it shows.
        String page = admin().get(base + "?checkedIn=yes&q=kim").then().statusCode(200).extract().asString();
        String exportForm = page.substring(page.indexOf("action=\"" + base + "/attendees.csv\""));
        assertThat(exportForm.substring(0, exportForm.indexOf("</form>")))
                .contains("name=\"checkedIn\" value=\"yes\"", "name=\"q\" value=\"kim\"");

        assertThat(emails(csv(base + "/attendees.csv?checkedIn=yes&reason=who%20came"))).containsExactly("came-" + tag + "@example.com");
        assertThat(emails(csv(base + "/attendees.csv?checkedIn=no&status=CONFIRMED&reason=no%20shows")))
                .containsExactly("stayed-" + tag + "@example.com");
        List<CSVRecord> kims = csv(base + "/attendees.csv?q=kim&reason=badges");
        assertThat(emails(kims)).containsExactly("came-" + tag + "@example.com", "w2-" + tag + "@example.com");
        assertThat(kims.get(1).get("waitlist_position")).isEqualTo("2");
        List<CSVRecord> third = csv(base + "/attendees.csv?status=WAITLISTED&q=three&reason=call%20them");
        assertThat(emails(third)).containsExactly("w3-" + tag + "@example.com");
        assertThat(third.get(0).get("waitlist_position")).isEqualTo("3");
        // The page's query counts what the file's stream takes, for every filter: the access log's row count
        // (the page's count) is the file's.
        for (String filters : List.of("q=KIM", "q=naver", "q=w1-", "checkedIn=no", "answered=no", "status=PENDING&q=park")) {
            int rows = csv(base + "/attendees.csv?" + filters + "&reason=compare").size();
            assertThat(lastExport(event).rowCount).as(filters).isEqualTo(rows);
            assertThat(admin().get(base + "?" + filters).then().extract().asString())
                    .as(filters).contains(rows + " of 6 registrations match");
        }

        // Without a reason: the page asking for one keeps the filters; the Excel file takes them too.
        String ask = admin().get(base + "/attendees.xlsx?checkedIn=yes").then().statusCode(400).extract().asString();
        assertThat(ask).contains("name=\"checkedIn\" value=\"yes\"");
        byte[] xlsx = admin().get(base + "/attendees.xlsx?checkedIn=yes&reason=who%20came").then().statusCode(200).extract().asByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).as("data rows").isEqualTo(1);
        }
        assertThat(lastExport(event).filter).isEqualTo("checkedIn=yes&format=xlsx");
    }

    private static AccessLogEntry lastExport(Event event) {
        return QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.<AccessLogEntry>find(
                "eventSlug = ?1 and action = ?2 order by id desc", event.slug, AccessAction.EXPORT).firstResult());
    }

    @Test
    void theAttendeePageEscapesWhatPeopleTyped() {
        Event event = TestEvents.create(5, true);
        TestEvents.insert(event, "<script>alert('x')</script>", "xss@example.com", "<img src=x onerror=alert(1)>",
                RegistrationStatus.PENDING);
        admin().get("/admin/events/" + event.slug).then().statusCode(200)
                .body(not(containsString("<script>alert")))
                .body(not(containsString("<img src=x")))
                .body(containsString("&lt;script&gt;alert("));
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
}
