package eventdesk.attendee;

import eventdesk.admin.Organizers;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLogEntry;
import eventdesk.event.Event;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.team.Account;
import eventdesk.team.Role;
import eventdesk.testing.TestEvents;
import eventdesk.testing.TestQuestions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The Excel export as an organizer opens it: headers, statuses, roles and ticket types in the organizer's
 * language, times as date cells showing the time in Seoul, one column per question, a frozen and filtered
 * header row, people's text as text; the same reason, filters, roles and access log entry as the CSV.
 */
@QuarkusTest
class AttendeeXlsxTest {

    static final String QUESTIONS = """
            [{"key":"company","type":"TEXT","label":"Company","labelKo":"회사","required":false},
             {"key":"tracks","type":"MULTI_CHOICE","label":"Tracks","labelKo":"트랙","required":false,
              "choices":[{"key":"ai","label":"AI","labelKo":"인공지능"},{"key":"web","label":"Web","labelKo":"웹"}]},
             {"key":"lunch","type":"YES_NO","label":"Lunch","labelKo":"점심","required":false}]""";

    /** An event of two seats with types founder and developer, three questions and three people. */
    record Fixture(Event event, String confirmed, String formula, String waiting, Instant confirmedAt, Instant checkedInAt) {
    }

    static Fixture fixture() {
        Event event = TestEvents.create(2, true);
        TestQuestions.withTicketTypes(event);
        TestQuestions.set(event, QUESTIONS);
        String tag = event.slug;
        Fixture f = new Fixture(event, "kim-" + tag + "@example.com", "formula-" + tag + "@example.com",
                "waiting-" + tag + "@example.com", TestEvents.tenAmKst(3).toInstant(),
                TestEvents.tenAmKst(40).plusHours(8).plusMinutes(30).toInstant());
        signUp(event, f.confirmed(), "founder", "{\"company\":\"토스\",\"tracks\":[\"ai\",\"web\"],\"lunch\":true}");
        signUp(event, f.formula(), "developer", "{\"company\":\"+82 10-1234-5678\",\"lunch\":false}");
        signUp(event, f.waiting(), "founder", "{}");
        // Pending to confirmed keeps the seat: the counters and the active email stay as the seat path left them.
        change(event, f.confirmed(), "status = 'CONFIRMED', confirmed_at = ?2, checked_in_at = ?3",
                Timestamp.from(f.confirmedAt()), Timestamp.from(f.checkedInAt()));
        change(event, f.formula(), "name = ?2", "=HYPERLINK(\"http://evil\")");
        assertThat(TestEvents.byEmail(event, f.waiting()).status).isEqualTo(RegistrationStatus.WAITLISTED);
        return f;
    }

    @Test
    void aKoreanOrganizerGetsKoreanHeadersStatusWordsTypeNamesAndAnswers() throws IOException {
        Fixture f = fixture();
        XSSFSheet sheet = download(f.event(), "ko", Map.of()).getSheetAt(0);
        assertThat(sheet.getSheetName()).isEqualTo("참가자");
        assertThat(header(sheet)).containsExactly("이름", "이메일", "소속", "역할", "티켓 유형", "상태", "신청 시각", "확정 시각",
                "체크인 시각", "대기 순번", "언어", "신청 번호", "회사", "트랙", "점심");
        Map<String, Map<String, Cell>> rows = rows(sheet);
        assertThat(rows).containsOnlyKeys(f.confirmed(), f.formula(), f.waiting());
        Map<String, Cell> kim = rows.get(f.confirmed());
        assertThat(text(kim.get("이름"))).isEqualTo("Kim Answer");
        assertThat(text(kim.get("역할"))).isEqualTo("창업자");
        assertThat(text(kim.get("티켓 유형"))).isEqualTo("창업자");
        assertThat(text(kim.get("상태"))).isEqualTo("확정");
        assertThat(text(kim.get("언어"))).isEqualTo("한국어");
        assertThat(text(kim.get("회사"))).isEqualTo("토스");
        assertThat(text(kim.get("트랙"))).isEqualTo("인공지능; 웹");
        assertThat(text(kim.get("점심"))).isEqualTo("예");
        assertThat(kim.get("신청 번호").getNumericCellValue()).isEqualTo((double) TestEvents.byEmail(f.event(), f.confirmed()).id);
        Map<String, Cell> formula = rows.get(f.formula());
        assertThat(text(formula.get("티켓 유형"))).isEqualTo("개발자");
        assertThat(text(formula.get("상태"))).as("the organizer's words").isEqualTo("확정 대기 (링크 발송됨)");
        assertThat(text(formula.get("점심"))).isEqualTo("아니요");
        assertThat(formula.get("대기 순번")).isNull();
        Map<String, Cell> waiting = rows.get(f.waiting());
        assertThat(text(waiting.get("상태"))).isEqualTo("대기자");
        assertThat(waiting.get("대기 순번").getNumericCellValue()).isEqualTo(1.0);
        assertThat(waiting.get("회사")).isNull();
    }

    @Test
    void anEnglishOrganizerGetsEnglishHeadersAndWords() throws IOException {
        Fixture f = fixture();
        XSSFSheet sheet = download(f.event(), "en", Map.of()).getSheetAt(0);
        assertThat(sheet.getSheetName()).isEqualTo("Attendees");
        assertThat(header(sheet)).containsExactly("Name", "Email", "Affiliation", "Role", "Ticket type", "Status", "Registered at",
                "Confirmed at", "Checked in at", "Waitlist position", "Language", "Registration ID", "Company", "Tracks", "Lunch");
        Map<String, Map<String, Cell>> rows = rows(sheet);
        Map<String, Cell> kim = rows.get(f.confirmed());
        assertThat(text(kim.get("Ticket type"))).isEqualTo("Founder");
        assertThat(text(kim.get("Status"))).isEqualTo("Confirmed");
        assertThat(text(kim.get("Language"))).isEqualTo("Korean");
        assertThat(text(kim.get("Tracks"))).isEqualTo("AI; Web");
        assertThat(text(kim.get("Lunch"))).isEqualTo("Yes");
        assertThat(text(rows.get(f.formula()).get("Ticket type"))).isEqualTo("Developer");
        assertThat(text(rows.get(f.waiting()).get("Status"))).isEqualTo("On the waitlist");
    }

    @Test
    void timesAreDateCellsShowingTheTimeInSeoul() throws IOException {
        Fixture f = fixture();
        Map<String, Map<String, Cell>> rows = rows(download(f.event(), "en", Map.of()).getSheetAt(0));
        Map<String, Cell> kim = rows.get(f.confirmed());
        Cell confirmed = kim.get("Confirmed at");
        assertThat(confirmed.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(confirmed)).isTrue();
        assertThat(confirmed.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
        assertThat(confirmed.getLocalDateTimeCellValue()).isEqualTo(f.confirmedAt().atZone(TestEvents.KST).toLocalDateTime());
        assertThat(confirmed.getLocalDateTimeCellValue().getHour()).as("10:00 in Seoul").isEqualTo(10);
        Cell checkedIn = kim.get("Checked in at");
        assertThat(DateUtil.isCellDateFormatted(checkedIn)).isTrue();
        LocalDateTime checkedInAt = checkedIn.getLocalDateTimeCellValue();
        assertThat(List.of(checkedInAt.getHour(), checkedInAt.getMinute())).as("18:30 in Seoul").containsExactly(18, 30);
        Instant registered = TestEvents.byEmail(f.event(), f.confirmed()).createdAt;
        assertThat(DateUtil.isCellDateFormatted(kim.get("Registered at"))).isTrue();
        assertThat(kim.get("Registered at").getLocalDateTimeCellValue())
                .isEqualTo(registered.atZone(TestEvents.KST).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS));
        assertThat(rows.get(f.waiting()).get("Confirmed at")).as("no time, no cell").isNull();
    }

    @Test
    void theHeaderStaysInViewWithAFilterAndPeoplesTextStaysText() throws IOException {
        Fixture f = fixture();
        XSSFSheet sheet = download(f.event(), "en", Map.of()).getSheetAt(0);
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:O4");
        assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
        assertThat(sheet.getColumnWidth(1)).as("email column").isGreaterThanOrEqualTo(28 * 256);
        // Printed: A4 landscape, all columns on one page's width (any number of pages down), the header on each page.
        assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
        assertThat(sheet.getFitToPage()).isTrue();
        assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
        assertThat(sheet.getRepeatingRows()).isEqualTo(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
        Map<String, Cell> formula = rows(sheet).get(f.formula());
        assertThat(formula.get("Name").getCellType()).isEqualTo(CellType.STRING);
        assertThat(formula.get("Name").getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
        assertThat(formula.get("Company").getCellType()).isEqualTo(CellType.STRING);
        assertThat(formula.get("Company").getStringCellValue()).isEqualTo("+82 10-1234-5678");
    }

    @Test
    void theFiltersApplyAndEachDownloadIsOneAccessLogEntryMarkedXlsx() throws IOException {
        Fixture f = fixture();
        long before = lastEntry();
        Map<String, Map<String, Cell>> rows = rows(download(f.event(), "en", Map.of("status", "WAITLISTED")).getSheetAt(0));
        assertThat(rows).containsOnlyKeys(f.waiting());
        List<AccessLogEntry> entries = since(before);
        assertThat(entries).hasSize(1);
        AccessLogEntry e = entries.get(0);
        assertThat(e.action).isEqualTo(AccessAction.EXPORT);
        assertThat(e.eventSlug).isEqualTo(f.event().slug);
        assertThat(e.filter).isEqualTo("status=WAITLISTED&format=xlsx");
        assertThat(e.rowCount).isEqualTo(1);
        assertThat(e.reason).isEqualTo("name badges");

        before = lastEntry();
        assertThat(rows(download(f.event(), "en", Map.of("ticketType", "developer")).getSheetAt(0))).containsOnlyKeys(f.formula());
        assertThat(since(before)).extracting(x -> x.filter).containsExactly("ticketType=developer&format=xlsx");
        before = lastEntry();
        download(f.event(), "en", Map.of());
        assertThat(since(before)).extracting(x -> x.filter).containsExactly("format=xlsx");
        given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en").get("/admin/audit/downloads")
                .then().statusCode(200).body(containsString("status=WAITLISTED&amp;format=xlsx"));
    }

    @Test
    void withoutAReasonItIs400WithAFormForTheExcelFileAndNothingIsLogged() {
        Fixture f = fixture();
        String xlsx = "/admin/events/" + f.event().slug + "/attendees.xlsx";
        admin("en").get("/admin/events/" + f.event().slug).then().statusCode(200)
                .body(containsString("formaction=\"" + xlsx + "\">Download Excel</button>"))
                .body(containsString(">Download CSV</button>"));
        admin("ko").get("/admin/events/" + f.event().slug).then().statusCode(200).body(containsString(">엑셀 다운로드</button>"));
        long before = lastEntry();
        for (String reason : new String[]{null, " x ", "line\nbreak"}) {
            var request = admin("en").queryParam("status", "CONFIRMED");
            if (reason != null) request = request.queryParam("reason", reason);
            request.get(xlsx).then().statusCode(400).contentType(containsString("text/html"))
                    .body(containsString("action=\"" + xlsx + "\""))
                    .body(containsString(">Download Excel</button>"))
                    .body(containsString("name=\"status\" value=\"CONFIRMED\""))
                    .body(not(containsString(f.confirmed())));
        }
        assertThat(since(before)).as("no file, no entry").isEmpty();
    }

    @Test
    void aDoorVolunteerOfTheEventIsRefused() {
        Fixture f = fixture();
        Account door = Organizers.create(Role.DOOR, Set.of(f.event().slug), false);
        String session = Organizers.password(door.email, Organizers.PASSWORD).getCookie("quarkus-credential");
        long before = lastEntry();
        given().redirects().follow(false).cookie("quarkus-credential", session)
                .get("/admin/events/" + f.event().slug + "/attendees.xlsx?reason=badges").then().statusCode(403)
                .body(not(containsString(f.confirmed())));
        assertThat(since(before)).extracting(e -> e.action).doesNotContain(AccessAction.EXPORT);
    }

    /** The workbook as the bootstrap owner downloads it in this language, for "name badges", with these filters. */
    static XSSFWorkbook download(Event event, String lang, Map<String, String> filters) throws IOException {
        Response r = admin(lang).queryParam("reason", "name badges").queryParams(filters)
                .get("/admin/events/" + event.slug + "/attendees.xlsx");
        r.then().statusCode(200).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", containsString(event.slug + "-attendees-"))
                .header("Content-Disposition", containsString(".xlsx\""));
        return new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()));
    }

    static io.restassured.specification.RequestSpecification admin(String lang) {
        return given().auth().preemptive().basic("admin", "admin").header("Accept-Language", lang);
    }

    static List<String> header(XSSFSheet sheet) {
        List<String> header = new ArrayList<>();
        sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
        return header;
    }

    /** Each data row's cells by header, keyed by the email column (the second). */
    static Map<String, Map<String, Cell>> rows(XSSFSheet sheet) {
        List<String> header = header(sheet);
        Map<String, Map<String, Cell>> rows = new HashMap<>();
        for (Row row : sheet) {
            if (row.getRowNum() == 0) continue;
            Map<String, Cell> cells = new HashMap<>();
            for (int i = 0; i < header.size(); i++) if (row.getCell(i) != null) cells.put(header.get(i), row.getCell(i));
            rows.put(row.getCell(1).getStringCellValue(), cells);
        }
        return rows;
    }

    static String text(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }

    static void signUp(Event event, String email, String type, String answers) {
        given().contentType("application/json").body(TestQuestions.signUp(email, type, answers))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
    }

    /** Changes a stored registration (its times, a status within the seated ones, its name) with SQL: {@code ?1} is its id. */
    static void change(Event event, String email, String set, Object... values) {
        long id = TestEvents.byEmail(event, email).id;
        QuarkusTransaction.requiringNew().run(() -> {
            var update = Registration.getEntityManager().createNativeQuery("update registration set " + set + " where id = ?1")
                    .setParameter(1, id);
            for (int i = 0; i < values.length; i++) update.setParameter(i + 2, values[i]);
            assertThat(update.executeUpdate()).isEqualTo(1);
        });
    }

    static long lastEntry() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Long max = AccessLogEntry.getEntityManager().createQuery("select max(e.id) from AccessLogEntry e", Long.class)
                    .getSingleResult();
            return max == null ? 0L : max;
        });
    }

    static List<AccessLogEntry> since(long id) {
        return QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.<AccessLogEntry>list("id > ?1 order by id", id));
    }
}
