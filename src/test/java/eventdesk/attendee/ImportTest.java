package eventdesk.attendee;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLogEntry;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutboxMessage;
import eventdesk.registration.InvitationCode;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.registration.Role;
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
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organizers import a list of invitees from a CSV or Excel file: the preview names every row's problem and stores
 * nothing; confirming seats the rows ready through the seat path (never over capacity, counters equal to a recount)
 * or mails each a personal code, with one access log entry; the rows carried to the confirm step are checked again.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class ImportTest extends RestoresTestClock {

    GreenMail greenMail;
    @Inject
    Outbox outbox;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    static final List<String> HEADER = List.of("name", "email", "affiliation", "role", "ticket type", "language");

    private String address(String who) {
        return who + "." + tag + "@example.com";
    }

    /** Five people ready, then a bad address, a repeat of the first (in other letter case) and an unknown type. */
    private List<List<String>> list() {
        return List.of(HEADER,
                List.of("Kim Minji", address("minji"), "KAIST", "student", "General", "ko"),
                List.of("Lee Junho", address("junho"), "Toss", "개발자", "일반", "en"),
                List.of("Park Seoyeon", address("seoyeon"), "Naver", "Founder", "general", ""),
                List.of("Choi Dana", address("dana"), "Kakao", "", "speaker", "English"),
                List.of("Jung Hana", address("hana"), "Line", "investor", "연사", "한국어"),
                List.of("Bad Email", "not-an-address", "Nowhere", "other", "general", "ko"),
                List.of("Kim Minji Again", address("minji").toUpperCase(), "KAIST", "student", "general", "ko"),
                List.of("Unknown Type", address("unknown"), "Coupang", "other", "VIP", "ko"));
    }

    private final List<String> good = List.of("minji", "junho", "seoyeon", "dana", "hana");

    /** An event with two ticket types: general (10 seats, 일반) and speaker (5 seats, 연사). */
    private Event typedEvent() {
        String slug = "import-" + tag;
        String starts = TestClock.now().plus(Duration.ofDays(40)).atOffset(ZoneOffset.ofHours(9)).toString();
        String ends = TestClock.now().plus(Duration.ofDays(40)).plus(Duration.ofHours(3)).atOffset(ZoneOffset.ofHours(9)).toString();
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body("""
                {"slug": "%s", "title": "Typed", "titleKo": "유형", "venue": "Hall", "address": "1 Test-ro", "startsAt": "%s",
                 "endsAt": "%s", "capacity": 20, "waitlistEnabled": true,
                 "ticketTypes": [{"key": "general", "name": "General", "nameKo": "일반", "capacity": 10, "held": 0},
                                 {"key": "speaker", "name": "Speaker", "nameKo": "연사", "capacity": 5, "held": 0}]}
                """.formatted(slug, starts, ends)).post("/api/admin/events").then().statusCode(201);
        return QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).orElseThrow());
    }

    private long mailsOfThisTest() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("recipient like ?1", "%." + tag + "@example.com"));
    }

    private static List<AccessLogEntry> entries(Event event, AccessAction action) {
        return QuarkusTransaction.requiringNew().call(() ->
                AccessLogEntry.<AccessLogEntry>list("eventSlug = ?1 and action = ?2 order by id", event.slug, action));
    }

    /** The preview of {@code list()} names exactly the three bad rows and why, and nothing is stored. */
    private String previewNamesTheBadRows(Event event, ImportFiles.Session s, String file, byte[] bytes, String mode) {
        Response preview = ImportFiles.upload(s, event.slug, file, bytes, mode);
        assertThat(preview.statusCode()).as(preview.asString()).isEqualTo(200);
        String page = preview.asString();
        assertThat(page).contains("5 rows ready, 3 with problems");
        String problems = ImportFiles.section(page, "problems-title");
        assertThat(problems).contains("7 Bad Email not-an-address", "Not an email address that can be mailed",
                "8 Kim Minji Again", "Same email address as row 2", "9 Unknown Type", "Unknown ticket type");
        good.forEach(g -> assertThat(problems).doesNotContain(address(g)));
        assertThat(ImportFiles.section(page, "ready-title")).contains("Lee Junho", "Developer", "General", "English", "Choi Dana",
                "Other", "Speaker");
        assertThat(TestEvents.registrations(event)).as("nothing stored by the preview").isEmpty();
        assertThat(mailsOfThisTest()).as("nothing mailed by the preview").isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> InvitationCode.count("event.id", event.id))).isZero();
        return page;
    }

    @Test
    void aCsvPreviewNamesTheBadRowsStoresNothingAndConfirmingSeatsTheFiveWithTheirTickets() {
        Event event = typedEvent();
        ImportFiles.Session s = ImportFiles.open(event.slug, "en");
        String page = previewNamesTheBadRows(event, s, "invitees.csv", ImportFiles.csv(list(), StandardCharsets.UTF_8), "confirmed");

        Response result = ImportFiles.confirm(s, event.slug, ImportFiles.confirmFields(page));
        assertThat(result.statusCode()).as(result.asString()).isEqualTo(200);
        assertThat(result.asString()).contains("5 seated as confirmed").doesNotContain("not imported");
        List<Registration> seated = TestEvents.registrations(event);
        assertThat(seated).hasSize(5).allMatch(r -> r.status == RegistrationStatus.CONFIRMED && r.consentVersion == null);
        Registration junho = TestEvents.byEmail(event, address("junho"));
        assertThat(List.of(junho.role, junho.locale, junho.name)).containsExactly(Role.DEVELOPER, "en", "Lee Junho");
        Registration dana = TestEvents.byEmail(event, address("dana"));
        assertThat(List.of(dana.role, dana.locale)).containsExactly(Role.OTHER, "en");
        assertThat(TestEvents.byEmail(event, address("seoyeon")).locale).isEqualTo("ko");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.count(
                "event.id = ?1 and ticketType.key = 'speaker'", event.id))).isEqualTo(2);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(5L, 0L, 0L));

        Deliveries.deliver(outbox);
        for (String g : good) {
            List<MimeMessage> mails = Mailbox.to(greenMail, address(g));
            assertThat(mails).as("the ticket of " + g).hasSize(1);
            assertThat(Mailbox.partTypes(mails.get(0))).contains("text/calendar");
        }
        List<AccessLogEntry> log = entries(event, AccessAction.EDIT_REGISTRATION);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).registrations()).containsExactlyInAnyOrderElementsOf(seated.stream().map(r -> r.id).toList());
        assertThat(log.get(0).rowCount).isEqualTo(5);
        assertThat(log.get(0).reason).isEqualTo("import");

        Response again = ImportFiles.confirm(s, event.slug, ImportFiles.confirmFields(page));
        assertThat(again.asString()).as("pressing confirm twice seats nobody twice").contains("0 seated as confirmed", "5 not imported",
                "Already registered for this event");
        assertThat(TestEvents.registrations(event)).hasSize(5);

        String reupload = ImportFiles.upload(s, event.slug, "invitees.csv", ImportFiles.csv(list(), StandardCharsets.UTF_8), "confirmed")
                .asString();
        assertThat(reupload).contains("0 rows ready, 8 with problems").doesNotContain("import/confirm");
        List<AccessLogEntry> viewed = entries(event, AccessAction.VIEW_ATTENDEES);
        assertThat(viewed).as("the preview named registered people").hasSize(1);
        assertThat(viewed.get(0).registrations()).containsExactlyInAnyOrderElementsOf(seated.stream().map(r -> r.id).toList());
    }

    @Test
    void anXlsxPreviewNamesTheBadRowsAndConfirmingSeatsTheFiveAsPendingWithTheirConfirmLinks() {
        Event event = typedEvent();
        ImportFiles.Session s = ImportFiles.open(event.slug, "en");
        String page = previewNamesTheBadRows(event, s, "invitees.xlsx", ImportFiles.xlsx(list()), "pending");

        assertThat(ImportFiles.confirm(s, event.slug, ImportFiles.confirmFields(page)).asString()).contains("5 seated as pending");
        assertThat(TestEvents.registrations(event)).hasSize(5).allMatch(r -> r.status == RegistrationStatus.PENDING && r.holdExpiresAt != null);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(5L, 0L, 0L));
        Deliveries.deliver(outbox);
        for (String g : good) {
            List<MimeMessage> mails = Mailbox.to(greenMail, address(g));
            assertThat(mails).hasSize(1);
            assertThat(Mailbox.text(mails.get(0))).contains("http://localhost:8080/confirm/");
        }
    }

    @Test
    void inCodesModeEachOfTheFiveIsMailedAPersonalCodeOnce() {
        Event event = typedEvent();
        ImportFiles.Session s = ImportFiles.open(event.slug, "en");
        String page = previewNamesTheBadRows(event, s, "invitees.csv", ImportFiles.csv(list(), StandardCharsets.UTF_8), "codes");

        assertThat(ImportFiles.confirm(s, event.slug, ImportFiles.confirmFields(page)).asString()).contains("5 invitation codes mailed.");
        assertThat(TestEvents.registrations(event)).isEmpty();
        List<InvitationCode> codes = QuarkusTransaction.requiringNew().call(() ->
                InvitationCode.<InvitationCode>list("event.id = ?1 order by id", event.id));
        assertThat(codes.stream().map(c -> c.email)).containsExactlyInAnyOrderElementsOf(good.stream().map(this::address).toList());
        assertThat(QuarkusTransaction.requiringNew().call(() -> InvitationCode.count("event.id = ?1 and ticketType.key = 'speaker'",
                event.id))).isEqualTo(2);
        Deliveries.deliver(outbox);
        for (String g : good) {
            List<MimeMessage> mails = Mailbox.to(greenMail, address(g));
            assertThat(mails).hasSize(1);
            assertThat(Mailbox.text(mails.get(0))).contains("/events/" + event.slug + "?code=");
        }
        List<AccessLogEntry> log = entries(event, AccessAction.MAKE_CODES);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).rowCount).isEqualTo(5);

        assertThat(ImportFiles.confirm(s, event.slug, ImportFiles.confirmFields(page)).asString())
                .contains("0 invitation codes mailed.", "Already has an unused invitation code for this event");
        assertThat(QuarkusTransaction.requiringNew().call(() -> InvitationCode.count("event.id", event.id))).isEqualTo(5);
    }

    @Test
    void aKoreanExcelCsvInCp949WithHangulHeadersIsRead() {
        Event event = TestEvents.create(10, false);
        byte[] file = ImportFiles.csv(List.of(List.of("이름", "이메일", "소속", "역할", "언어"),
                List.of("김민지", address("kim"), "카이스트", "학생", "한국어"),
                List.of("이준호", address("lee"), "토스", "창업자", "영어")), Charset.forName("x-windows-949"));
        ImportFiles.Session s = ImportFiles.open(event.slug, "ko");
        Response preview = ImportFiles.upload(s, event.slug, "명단.csv", file, "confirmed");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.asString()).contains("준비된 행 2개, 문제 있는 행 0개", "김민지", "카이스트", "학생", "창업자");
        assertThat(ImportFiles.confirm(s, event.slug, ImportFiles.confirmFields(preview.asString())).asString())
                .contains("2명을 확정으로 배정했습니다");
        Registration kim = TestEvents.byEmail(event, address("kim"));
        assertThat(List.of(kim.name, kim.affiliation, kim.role, kim.locale)).containsExactly("김민지", "카이스트", Role.STUDENT, "ko");
        assertThat(TestEvents.byEmail(event, address("lee")).locale).isEqualTo("en");
    }

    @Test
    void withThreeSeatsThePreviewSaysTwoHaveNoSeatAndConfirmingSeatsExactlyThree() {
        Event event = TestEvents.create(3, true);
        List<List<String>> rows = new ArrayList<>(List.of(List.of("name", "email", "affiliation")));
        for (int i = 1; i <= 5; i++) rows.add(List.of("Person " + i, address("p" + i), "Org " + i));
        ImportFiles.Session s = ImportFiles.open(event.slug, "en");
        String page = ImportFiles.upload(s, event.slug, "five.csv", ImportFiles.csv(rows, StandardCharsets.UTF_8), "confirmed").asString();
        assertThat(page).contains("3 rows ready, 2 with problems");
        assertThat(ImportFiles.section(page, "problems-title")).contains("5 Person 4", "6 Person 5", "No seat left").doesNotContain("Person 3");

        assertThat(ImportFiles.confirm(s, event.slug, ImportFiles.confirmFields(page)).asString()).contains("3 seated as confirmed");
        assertThat(TestEvents.registrations(event)).hasSize(3);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(3L, 0L, 0L));
    }

    @Test
    void seatsAreCountedPerTicketTypeInTheFilesOrder() {
        Event event = typedEvent();
        List<List<String>> rows = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= 6; i++) rows.add(List.of("Speaker " + i, address("s" + i), "Org", "other", "연사", "ko"));
        rows.add(List.of("Guest", address("g"), "Org", "other", "general", "ko"));
        ImportFiles.Session s = ImportFiles.open(event.slug, "en");
        String page = ImportFiles.upload(s, event.slug, "types.xlsx", ImportFiles.xlsx(rows), "confirmed").asString();
        assertThat(page).contains("6 rows ready, 1 with problems");
        assertThat(ImportFiles.section(page, "problems-title")).contains("7 Speaker 6", "No seat left");
        assertThat(ImportFiles.confirm(s, event.slug, ImportFiles.confirmFields(page)).asString()).contains("6 seated as confirmed");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.count(
                "event.id = ?1 and ticketType.key = 'speaker'", event.id))).isEqualTo(5);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(6L, 0L, 0L));
    }

    @Test
    void seatsTakenBetweenPreviewAndConfirmLeaveTheLastRowsUnseatedNeverOverCapacity() {
        Event event = TestEvents.create(3, false);
        List<List<String>> rows = new ArrayList<>(List.of(List.of("name", "email", "affiliation")));
        for (int i = 1; i <= 3; i++) rows.add(List.of("Person " + i, address("p" + i), "Org"));
        ImportFiles.Session s = ImportFiles.open(event.slug, "en");
        String page = ImportFiles.upload(s, event.slug, "three.csv", ImportFiles.csv(rows, StandardCharsets.UTF_8), "pending").asString();
        assertThat(page).contains("3 rows ready, 0 with problems");
        given().contentType("application/json").body(TestEvents.signUpJson("Faster", address("faster")))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);

        String result = ImportFiles.confirm(s, event.slug, ImportFiles.confirmFields(page)).asString();
        assertThat(result).contains("2 seated as pending", "1 not imported", "Person 3", "No seat left");
        assertThat(TestEvents.byEmail(event, address("p3"))).isNull();
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(3L, 0L, 0L));
    }

    @Test
    void rowsSentBackToTheConfirmStepAreCheckedAgainLikeAnUpload() {
        Event event = TestEvents.create(5, false);
        String forged = ("name,email,affiliation,role,language\r\nGood,%s,Org,other,\r\nSneaky,not-an-address,Org,other,\r\n"
                + ",%s,Org,other,\r\nAlien,%s,Org,ALIEN,\r\nFrench,%s,Org,other,fr\r\n")
                .formatted(address("good"), address("noname"), address("alien"), address("french"));
        ImportFiles.Session s = ImportFiles.open(event.slug, "en");
        String result = ImportFiles.confirm(s, event.slug, Map.of("mode", List.of("confirmed"), "rows", List.of(forged))).asString();
        assertThat(result).contains("1 seated as confirmed", "4 not imported", "Not an email address that can be mailed", "Name is missing",
                "Unknown role", "Unknown language (ko or en)");
        assertThat(TestEvents.registrations(event)).hasSize(1);

        Response unreadable = ImportFiles.confirm(s, event.slug, Map.of("mode", List.of("confirmed"), "rows", List.of("just words")));
        assertThat(unreadable.statusCode()).isEqualTo(422);
        assertThat(unreadable.asString()).contains("The list could not be read again, so nothing was stored.");
        assertThat(TestEvents.registrations(event)).hasSize(1);
    }

    @Test
    void theLongestListAllowedGoesThroughPreviewAndConfirm() {
        Event event = TestEvents.create(2000, false);
        String longName = "가".repeat(96), longAffiliation = "나".repeat(100);
        List<List<String>> rows = new ArrayList<>(List.of(List.of("이름", "이메일", "소속")));
        for (int i = 0; i < 2000; i++) rows.add(List.of(longName + "%04d".formatted(i), address("bulk-" + "x".repeat(40) + i), longAffiliation));
        byte[] file = ImportFiles.csv(rows, StandardCharsets.UTF_8);
        ImportFiles.Session s = ImportFiles.open(event.slug, "en");
        long start = System.nanoTime();
        Response preview = ImportFiles.upload(s, event.slug, "all.csv", file, "pending");
        long previewed = System.nanoTime();
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.asString()).contains("2000 rows ready, 0 with problems");
        Map<String, List<String>> fields = ImportFiles.confirmFields(preview.asString());
        Response result = ImportFiles.confirm(s, event.slug, fields);
        long confirmed = System.nanoTime();
        assertThat(result.statusCode()).as(result.asString()).isEqualTo(200);
        assertThat(result.asString()).contains("2000 seated as pending");
        System.out.printf("import of 2,000 rows (%,d bytes, %d carried fields): preview %d ms, confirm %d ms%n", file.length,
                fields.get("rows").size(), (previewed - start) / 1_000_000, (confirmed - previewed) / 1_000_000);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(2000L, 0L, 0L));
        assertThat(mailsOfThisTest()).isEqualTo(2000);
        assertThat(Deliveries.waiting(event)).hasSize(2000);
        Deliveries.discard(event);
        assertThat(mailsOfThisTest()).isZero();
    }

    @Test
    void aTooBigFileTooManyRowsAndMissingColumnsAreRefusedWithAMessage() {
        Event event = TestEvents.create(5, false);
        ImportFiles.Session s = ImportFiles.open(event.slug, "en");
        StringBuilder big = new StringBuilder("name,email,affiliation\r\n");
        while (big.length() < 2_400_000) big.append("Someone With A Long Name,someone@example.com,").append("x".repeat(60)).append("\r\n");
        Response tooBig = ImportFiles.upload(s, event.slug, "big.csv", big.toString().getBytes(StandardCharsets.UTF_8), "confirmed");
        assertThat(tooBig.statusCode()).isEqualTo(422);
        assertThat(tooBig.asString()).contains("The file is 2.3 MB: at most 2 MB.");
        byte[] huge = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        Response refusedAtTheDoor = ImportFiles.upload(s, event.slug, "huge.csv", huge, "confirmed");
        assertThat(refusedAtTheDoor.statusCode()).isEqualTo(413);
        assertThat(refusedAtTheDoor.asString()).contains("at most 2 MB", "2MB까지");

        List<List<String>> many = new ArrayList<>(List.of(List.of("name", "email", "affiliation")));
        for (int i = 0; i <= 2000; i++) many.add(List.of("P" + i, "p" + i + "." + tag + "@example.com", "Org"));
        Response tooMany = ImportFiles.upload(s, event.slug, "many.csv", ImportFiles.csv(many, StandardCharsets.UTF_8), "confirmed");
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(tooMany.asString()).contains("The file has more than 2,000 rows of people.");

        Response columns = ImportFiles.upload(s, event.slug, "cols.xlsx", ImportFiles.xlsx(List.of(List.of("이름", "phone"),
                List.of("김민지", "010"))), "confirmed");
        assertThat(columns.statusCode()).isEqualTo(422);
        assertThat(columns.asString()).contains("The first row must name the columns email/이메일, affiliation/소속.");

        Response noMode = ImportFiles.upload(s, event.slug, "ok.csv", ImportFiles.csv(List.of(HEADER), StandardCharsets.UTF_8), "");
        assertThat(noMode.statusCode()).isEqualTo(422);
        assertThat(noMode.asString()).contains("Choose what happens to each person.");
        assertThat(TestEvents.registrations(event)).isEmpty();
        assertThat(mailsOfThisTest()).isZero();
    }
}
