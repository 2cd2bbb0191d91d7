package eventdesk.admin;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.audit.AccessLogEntry;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.web.Kst;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static eventdesk.admin.TeamPagesTest.OWNER;
import static eventdesk.admin.TeamPagesTest.asOwner;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class AuditPagesTest extends RestoresTestClock {

    @Inject
    AccessLog accessLog;

    static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<AccessLogEntry> views(String filterPart) {
        return QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.<AccessLogEntry>list(
                "action = ?1 and filter like ?2 order by id", AccessAction.VIEW_AUDIT, "%" + filterPart + "%"));
    }

    @Test
    void theAccessLogPageFiltersByAccountActionEventAndDatesNewestFirstAndViewingItIsOneEntry() {
        String who = unique("auditor") + "@example.com";
        String event = unique("audit-event");
        long first = accessLog.record(AccessLog.Entry.of(who, "203.0.113.7", AccessAction.VIEW_ATTENDEES).forEvent(event)
                .withRegistrations(List.of(11L, 12L)).because("first look"));
        long export = accessLog.record(AccessLog.Entry.of(who, "203.0.113.7", AccessAction.EXPORT).forEvent(event)
                .withFilter("status=CONFIRMED", 2).because("name badges"));
        accessLog.record(AccessLog.Entry.of("someone-else@example.com", "203.0.113.8", AccessAction.EXPORT).forEvent(event)
                .because("not theirs"));

        String page = asOwner("/admin/audit?account=" + who, "en").then().statusCode(200).extract().asString();
        assertThat(page).contains("first look", "name badges", "203.0.113.7", "11, 12", "status=CONFIRMED", "2 rows", "VIEW_ATTENDEES",
                        "EXPORT", event, "The chain of all", "href=\"/admin/audit.csv?account=" + who.replace("@", "%40") + "\"")
                .doesNotContain("not theirs");
        assertThat(page.indexOf("name badges")).isLessThan(page.indexOf("first look"));
        assertThat(page).contains(Kst.seconds(QuarkusTransaction.requiringNew().call(() ->
                AccessLogEntry.<AccessLogEntry>findById(first)).at()));

        assertThat(asOwner("/admin/audit?account=" + who + "&action=EXPORT&event=" + event, "en").asString())
                .contains("name badges").doesNotContain("first look");
        LocalDate today = TestClock.now().atZone(Kst.ZONE).toLocalDate();
        assertThat(asOwner("/admin/audit?account=" + who + "&from=" + today + "&to=" + today, "en").asString())
                .contains("name badges", "first look");
        assertThat(asOwner("/admin/audit?account=" + who + "&to=" + today.minusDays(1), "en").asString())
                .contains("No entries match").doesNotContain("name badges");

        List<AccessLogEntry> views = views("account=" + who);
        assertThat(views).hasSize(4);
        assertThat(views.get(0).account).isEqualTo(OWNER);
        assertThat(views.get(0).rowCount).isEqualTo(2);
        assertThat(views.get(1).filter).contains("action=EXPORT", "event=" + event);
        assertThat(views.get(1).rowCount).isEqualTo(1);
        assertThat(export).isGreaterThan(first);
    }

    @Test
    void theLogIsShownAHundredEntriesAPageWithTheFiltersKept() {
        String who = unique("pager") + "@example.com";
        for (int i = 1; i <= AuditResource.PAGE + 1; i++) {
            accessLog.record(AccessLog.Entry.of(who, "203.0.113.11", AccessAction.VIEW_REGISTRATION).because("look #" + i + "."));
        }
        String first = asOwner("/admin/audit?account=" + who, "en").asString();
        assertThat(first).contains("look #" + (AuditResource.PAGE + 1) + ".", "look #2.").doesNotContain("look #1.")
                .contains("href=\"/admin/audit?account=" + who.replace("@", "%40") + "&amp;page=2\"");
        String second = asOwner("/admin/audit?account=" + who + "&page=2", "en").asString();
        assertThat(second).contains("look #1.").doesNotContain("look #2.")
                .contains("&amp;page=1\"").doesNotContain("page=3");
        assertThat(views("account=" + who + "&page=2")).singleElement().satisfies(v -> assertThat(v.rowCount).isEqualTo(1));
    }

    @Test
    void badFiltersAreNamedOnThePageAndNothingIsRead() {
        String who = unique("nobody") + "@example.com";
        Response refused = asOwner("/admin/audit?account=" + who + "&action=NOPE&from=yesterday", "en");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("Choose an action from the list.", "Give a date like 2026-11-01.");
        assertThat(asOwner("/admin/audit?action=NOPE", "ko").asString()).contains("목록에 있는 동작을 고르세요.");
        assertThat(views("account=" + who)).isEmpty();
        assertThat(asOwner("/admin/audit.csv?from=yesterday", "en").statusCode()).isEqualTo(400);
    }

    @Test
    void theCsvHasEveryFilteredEntryExcelSafeAndItsDownloadIsOneEntry() throws Exception {
        String who = unique("csv") + "@example.com";
        accessLog.record(AccessLog.Entry.of(who, "203.0.113.9", AccessAction.EXPORT).forEvent("csv-event")
                .withRegistrations(List.of(5L, 6L)).withFilter("status=CONFIRMED", 2).because("=HYPERLINK(\"x\")"));
        accessLog.record(AccessLog.Entry.of(who, "203.0.113.9", AccessAction.CHECK_IN).forEvent("csv-event").because("door 한글"));

        Response csv = asOwner("/admin/audit.csv?account=" + who, "en");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", "access-log-");
        byte[] bytes = csv.asByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(bytes, StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("action")).isEqualTo("CHECK_IN");
        assertThat(rows.get(0).get("reason")).isEqualTo("door 한글");
        assertThat(rows.get(1).get("reason")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(rows.get(1).get("registrations")).isEqualTo("5 6");
        assertThat(rows.get(1).get("count")).isEqualTo("2");
        assertThat(rows.get(1).get("at")).endsWith("+09:00");
        assertThat(rows.get(1).get("hash")).matches("[0-9a-f]{64}");

        assertThat(views("csv&account=" + who)).singleElement().satisfies(v -> {
            assertThat(v.account).isEqualTo(OWNER);
            assertThat(v.rowCount).isEqualTo(2);
        });
    }

    @Test
    void theDownloadsPageListsThisMonthsExportsWithReasonAndRowsAndEarlierMonthsByParameter() {
        String event = unique("downloads");
        accessLog.record(AccessLog.Entry.of("exporter@example.com", "203.0.113.10", AccessAction.EXPORT).forEvent(event)
                .withFilter("status=CONFIRMED", 37).because("catering count"));
        accessLog.record(AccessLog.Entry.of("viewer@example.com", "203.0.113.10", AccessAction.VIEW_ATTENDEES).forEvent(event)
                .because("only looked"));
        YearMonth month = YearMonth.from(TestClock.now().atZone(Kst.ZONE));

        String page = asOwner("/admin/audit/downloads", "en").then().statusCode(200).extract().asString();
        assertThat(page).contains("Downloads in " + month, event, "exporter@example.com", "catering count", ">37<")
                .doesNotContain("only looked").contains("href=\"/admin/audit/downloads?month=" + month.minusMonths(1) + "\"");
        assertThat(views("month=" + month)).isNotEmpty();

        TestClock.get().advance(Duration.ofDays(40));
        YearMonth later = YearMonth.from(TestClock.now().atZone(Kst.ZONE));
        assertThat(asOwner("/admin/audit/downloads", "en").asString()).contains("Downloads in " + later).doesNotContain(event);
        assertThat(asOwner("/admin/audit/downloads?month=" + month, "ko").asString()).contains(month + " 다운로드", "catering count");

        Response bad = asOwner("/admin/audit/downloads?month=November", "en");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("Give the month like 2026-11.");
    }
}
