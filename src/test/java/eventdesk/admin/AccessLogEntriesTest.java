package eventdesk.admin;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLogEntry;
import eventdesk.event.Event;
import eventdesk.registration.AccessToken;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.team.Account;
import eventdesk.team.ApiToken;
import eventdesk.team.Role;
import eventdesk.testing.Forms;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * Every organizer action on attendees' personal data is exactly one access log entry naming the account
 * (or API token), the client address, the action, the event, and the registrations by id or the filter
 * and row count: through a signed-in browser session, HTTP Basic and an API token alike. A refused or
 * failed action writes nothing, an export needs a reason, and what attendees do themselves is not logged.
 * The test profile trusts no proxy, so the address is the test client's own, whatever X-Forwarded-For says.
 */
@QuarkusTest
class AccessLogEntriesTest extends RestoresTestClock {

    static final String HERE = "127.0.0.1";
    /** The bootstrap owner's email in the test profile: who HTTP Basic admin/admin is. */
    static final String BASIC_OWNER = "organizer@example.com";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** An OWNER account signed in with the login form; its session cookie. */
    Account owner;
    String session;

    @BeforeEach
    void signIn() {
        owner = Organizers.create(Role.OWNER, null, false);
        session = Organizers.password(owner.email, Organizers.PASSWORD).getCookie("quarkus-credential");
        assertThat(session).isNotNull();
    }

    // Views

    @Test
    void theAttendeePageIsOneEntryWithItsFiltersAndThePeopleItShows() {
        Event event = TestEvents.create(2, true);
        TestEvents.insert(event, "Kim Minjun", "minjun-" + event.slug + "@example.com", "Toss", RegistrationStatus.CONFIRMED);
        TestEvents.insert(event, "Lee Seoyeon", "seoyeon-" + event.slug + "@example.com", "Kakao", RegistrationStatus.CONFIRMED);
        TestEvents.insert(event, "Park Jiho", "jiho-" + event.slug + "@example.com", "Line", RegistrationStatus.WAITLISTED);

        long before = last();
        browser().header("X-Forwarded-For", "203.0.113.7").get("/admin/events/" + event.slug + "?q=kim&status=CONFIRMED")
                .then().statusCode(200).body(containsString("Kim Minjun")).body(not(containsString("Lee Seoyeon")));
        // One row of the filtered list, and the waitlist box below it.
        expect(one(before), owner.email, AccessAction.VIEW_ATTENDEES, event.slug, List.of(), "q=kim&status=CONFIRMED&page=1", 2, null);

        before = last();
        browser().get("/admin/events/" + event.slug).then().statusCode(200);
        expect(one(before), owner.email, AccessAction.VIEW_ATTENDEES, event.slug, List.of(), "page=1", 3, null);
    }

    @Test
    void theAttendeeApiIsOneEntryForTheToken() {
        Event event = TestEvents.create(5, true);
        TestEvents.insert(event, "Api Reader", "reader-" + event.slug + "@example.com", "Toss", RegistrationStatus.CONFIRMED);
        TestEvents.insert(event, "Api Waiter", "waiter-" + event.slug + "@example.com", "Toss", RegistrationStatus.PENDING);
        Token token = token(Role.OWNER);

        long before = last();
        token.request().get("/api/admin/events/" + event.slug + "/registrations").then().statusCode(200);
        expect(one(before), token.subject(), AccessAction.VIEW_ATTENDEES, event.slug, List.of(), "all", 2, null);
    }

    @Test
    void aSearchAtTheDoorIsOneEntryWithTheQueryAndTheMatchesAndTheScreenAloneIsNone() {
        Event event = TestEvents.create(5, true);
        String tag = event.slug.substring(5, 13);
        TestEvents.insert(event, "Door Kim " + tag, "door-" + event.slug + "@example.com", "Toss", RegistrationStatus.CONFIRMED);

        long before = last();
        browser().get("/admin/checkin?event=" + event.slug).then().statusCode(200);
        assertThat(since(before)).as("the screen without a search shows nobody").isEmpty();

        browser().get("/admin/checkin?event=" + event.slug + "&q=" + tag).then().statusCode(200).body(containsString("Door Kim"));
        expect(one(before), owner.email, AccessAction.VIEW_ATTENDEES, event.slug, List.of(), "q=" + tag, 1, null);
    }

    @Test
    void theApplicationsPageIsOneEntry() {
        Event event = approvalEvent();
        TestEvents.insert(event, "Applicant One", "app1-" + event.slug + "@example.com", "Toss", RegistrationStatus.APPLIED);
        TestEvents.insert(event, "Applicant Two", "app2-" + event.slug + "@example.com", "Toss", RegistrationStatus.APPLIED);

        long before = last();
        browser().get("/admin/events/" + event.slug + "/applications").then().statusCode(200).body(containsString("Applicant Two"));
        expect(one(before), owner.email, AccessAction.VIEW_ATTENDEES, event.slug, List.of(), "status=APPLIED", 2, null);
    }

    @Test
    void theTicketsCheckInPageIsOneViewOfThatRegistrationAndAnUnknownCodeNone() {
        Event event = TestEvents.create(5, true);
        long id = TestEvents.insert(event, "Scanned Person", "scanned-" + event.slug + "@example.com", "Toss", RegistrationStatus.CONFIRMED);

        long before = last();
        browser().get("/admin/checkin/" + checkInCode(id)).then().statusCode(200).body(containsString("Scanned Person"));
        expect(one(before), owner.email, AccessAction.VIEW_REGISTRATION, event.slug, List.of(id), null, null, null);

        before = last();
        browser().get("/admin/checkin/no-such-code-000000000000").then().statusCode(200);
        assertThat(since(before)).isEmpty();
    }

    // Export

    @Test
    void anExportNeedsAReasonAndIsThenOneEntryWithFilterRowsAndReason() {
        Event event = TestEvents.create(5, true);
        TestEvents.insert(event, "Export One", "export1-" + event.slug + "@example.com", "Toss", RegistrationStatus.CONFIRMED);
        TestEvents.insert(event, "Export Two", "export2-" + event.slug + "@example.com", "Toss", RegistrationStatus.CONFIRMED);
        TestEvents.insert(event, "Export Three", "export3-" + event.slug + "@example.com", "Toss", RegistrationStatus.PENDING);
        String csv = "/admin/events/" + event.slug + "/attendees.csv";

        browser().get("/admin/events/" + event.slug).then().statusCode(200)
                .body(containsString("action=\"" + csv + "\"")).body(containsString("name=\"reason\""));

        long before = last();
        for (String bad : new String[]{null, "", "   ", " x ", "x".repeat(501), "line\nbreak"}) {
            RequestSpecification r = browser();
            if (bad != null) r = r.queryParam("reason", bad);
            r.queryParam("status", "CONFIRMED").get(csv).then().statusCode(400).contentType(containsString("text/html"))
                    .body(containsString("Why do you download these attendees?"))
                    .body(containsString("Type a reason of 2 to 500 characters"))
                    .body(containsString("name=\"status\" value=\"CONFIRMED\""))
                    .body(not(containsString("Export One")));
        }
        assertThat(since(before)).as("no file, no entry").isEmpty();

        before = last();
        Response file = browser().queryParam("status", "CONFIRMED").queryParam("reason", "  name badges  ").get(csv);
        file.then().statusCode(200).contentType(containsString("text/csv"));
        assertThat(file.asString()).contains("Export One", "Export Two").doesNotContain("Export Three");
        expect(one(before), owner.email, AccessAction.EXPORT, event.slug, List.of(), "status=CONFIRMED", 2, "name badges");

        before = last();
        basic().queryParam("reason", "door list").get(csv).then().statusCode(200);
        expect(one(before), BASIC_OWNER, AccessAction.EXPORT, event.slug, List.of(), "all", 3, "door list");
    }

    // Changes to registrations

    @Test
    void aCheckInIsOneEntryAndARefusedOneNone() {
        Event event = TestEvents.create(5, true);
        long id = TestEvents.insert(event, "Checked Person", "checked-" + event.slug + "@example.com", "Toss", RegistrationStatus.CONFIRMED);
        long pending = TestEvents.insert(event, "Not Yet", "notyet-" + event.slug + "@example.com", "Toss", RegistrationStatus.PENDING);

        Form door = form("/admin/checkin");
        long before = last();
        door.post("/admin/checkin", Map.of("registration", String.valueOf(id), "event", event.slug)).then().statusCode(200)
                .body(containsString("Checked in"));
        expect(one(before), owner.email, AccessAction.CHECK_IN, event.slug, List.of(id), null, null, null);

        before = last();
        door.post("/admin/checkin", Map.of("registration", String.valueOf(id))).then().statusCode(200);
        door.post("/admin/checkin", Map.of("registration", String.valueOf(pending))).then().statusCode(200);
        assertThat(since(before)).as("already checked in; not confirmed").isEmpty();

        long scanned = TestEvents.insert(event, "Scanned In", "scannedin-" + event.slug + "@example.com", "Toss", RegistrationStatus.CONFIRMED);
        before = last();
        Forms.submitAsAdmin("/admin/checkin", "/admin/checkin", Map.of("code", checkInCode(scanned), "event", event.slug))
                .then().statusCode(200).body(containsString("Checked in"));
        expect(one(before), BASIC_OWNER, AccessAction.CHECK_IN, event.slug, List.of(scanned), null, null, null);
    }

    @Test
    void aCancelAndAResentMailAreOneEntryEachAndTheConfirmStepNone() {
        Event event = TestEvents.create(5, true);
        long id = TestEvents.insert(event, "Cancel Me", "cancelme-" + event.slug + "@example.com", "Toss", RegistrationStatus.CONFIRMED);
        Form list = form("/admin/events/" + event.slug);

        long before = last();
        list.post("/admin/registrations/" + id + "/resend", Map.of()).then().statusCode(303);
        expect(one(before), owner.email, AccessAction.EDIT_REGISTRATION, event.slug, List.of(id), null, null, "resend");

        before = last();
        list.post("/admin/registrations/" + id + "/cancel", Map.of()).then().statusCode(200);
        assertThat(since(before)).as("the confirm step changes nothing").isEmpty();
        list.post("/admin/registrations/" + id + "/cancel", Map.of("confirmed", "true")).then().statusCode(303);
        assertThat(TestEvents.byEmail(event, "cancelme-" + event.slug + "@example.com").status).isEqualTo(RegistrationStatus.CANCELLED);
        expect(one(before), owner.email, AccessAction.EDIT_REGISTRATION, event.slug, List.of(id), null, null, "cancel");

        before = last();
        list.post("/admin/registrations/" + id + "/cancel", Map.of("confirmed", "true")).then().statusCode(303);
        assertThat(since(before)).as("already cancelled: nothing changed").isEmpty();
    }

    @Test
    void approvalsAndDeclinesAreOneEntryEachOnThePageAndThroughTheApi() {
        Event event = approvalEvent();
        long a = TestEvents.insert(event, "Approve A", "a-" + event.slug + "@example.com", "Toss", RegistrationStatus.APPLIED);
        long b = TestEvents.insert(event, "Approve B", "b-" + event.slug + "@example.com", "Toss", RegistrationStatus.APPLIED);
        long c = TestEvents.insert(event, "Decline C", "c-" + event.slug + "@example.com", "Toss", RegistrationStatus.APPLIED);
        long d = TestEvents.insert(event, "Api D", "d-" + event.slug + "@example.com", "Toss", RegistrationStatus.APPLIED);
        long e = TestEvents.insert(event, "Api E", "e-" + event.slug + "@example.com", "Toss", RegistrationStatus.APPLIED);
        String page = "/admin/events/" + event.slug + "/applications";
        Form applications = form(page);

        long before = last();
        applications.post(page, Map.of("id", List.of(String.valueOf(a), String.valueOf(b)), "action", "approve")).then().statusCode(303);
        expect(one(before), owner.email, AccessAction.EDIT_REGISTRATION, event.slug, List.of(a, b), null, null, "approve");

        before = last();
        applications.post(page, Map.of("id", List.of(String.valueOf(c)), "action", "decline")).then().statusCode(200);
        assertThat(since(before)).as("the confirm step changes nothing").isEmpty();
        applications.post(page, Map.of("id", List.of(String.valueOf(c)), "action", "decline", "confirmed", "true"))
                .then().statusCode(303);
        expect(one(before), owner.email, AccessAction.EDIT_REGISTRATION, event.slug, List.of(c), null, null, "decline");

        before = last();
        applications.post(page, Map.of("id", List.of(String.valueOf(a)), "action", "approve")).then().statusCode(303);
        assertThat(since(before)).as("no longer an application: skipped").isEmpty();

        Token token = token(Role.OWNER);
        before = last();
        token.request().post("/api/admin/registrations/" + d + "/approve").then().statusCode(200);
        expect(one(before), token.subject(), AccessAction.EDIT_REGISTRATION, event.slug, List.of(d), null, null, "approve");
        before = last();
        token.request().post("/api/admin/registrations/" + e + "/decline").then().statusCode(200);
        expect(one(before), token.subject(), AccessAction.EDIT_REGISTRATION, event.slug, List.of(e), null, null, "decline");

        before = last();
        token.request().post("/api/admin/registrations/" + e + "/approve").then().statusCode(409);
        assertThat(since(before)).as("refused").isEmpty();
    }

    // Changes to events

    @Test
    void savingAnEventIsOneEntryOnThePageAndThroughTheApiAndARefusedSaveNone() {
        String slug = "logged-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = TestEvents.tenAmKst(70).toLocalDate();
        Map<String, String> fields = new LinkedHashMap<>(Map.of("slug", slug, "title", "Logged Night", "venue", "Hall",
                "address", "Seoul", "startsAt", day + "T19:00", "endsAt", day + "T21:00", "capacity", "10"));

        long before = last();
        form("/admin/events/new").post("/admin/events", fields).then().statusCode(303);
        expect(one(before), owner.email, AccessAction.EDIT_EVENT, slug, List.of(), null, null, "create");

        fields.remove("slug");
        fields.put("capacity", "12");
        Form edit = form("/admin/events/" + slug + "/edit");
        before = last();
        edit.post("/admin/events/" + slug, fields).then().statusCode(303);
        expect(one(before), owner.email, AccessAction.EDIT_EVENT, slug, List.of(), null, null, "update");

        fields.put("capacity", "-1");
        before = last();
        edit.post("/admin/events/" + slug, fields).then().statusCode(422);
        assertThat(since(before)).as("refused").isEmpty();

        Token token = token(Role.OWNER);
        String apiSlug = slug + "-api";
        OffsetDateTime startsAt = TestEvents.tenAmKst(50).toOffsetDateTime();
        before = last();
        token.request().contentType("application/json").body("""
                {"slug":"%s","title":"API Day","titleKo":"API 데이","description":"d","descriptionKo":"설명",
                 "venue":"Hall","address":"Seoul","startsAt":"%s","endsAt":"%s","capacity":3,"waitlistEnabled":true}"""
                .formatted(apiSlug, startsAt, startsAt.plusHours(2))).post("/api/admin/events").then().statusCode(201);
        expect(one(before), token.subject(), AccessAction.EDIT_EVENT, apiSlug, List.of(), null, null, "create");

        before = last();
        token.request().contentType("application/json").body("{\"capacity\": 4}").put("/api/admin/events/" + apiSlug)
                .then().statusCode(200);
        expect(one(before), token.subject(), AccessAction.EDIT_EVENT, apiSlug, List.of(), null, null, "update");

        before = last();
        token.request().contentType("application/json").body("{\"capacity\": -4}").put("/api/admin/events/" + apiSlug)
                .then().statusCode(400);
        assertThat(since(before)).as("refused").isEmpty();
    }

    @Test
    void eachChangeToTheQuestionsIsOneEntry() {
        Event event = TestEvents.create(5, true);
        String page = "/admin/events/" + event.slug + "/questions";
        Form questions = form(page);

        long before = last();
        questions.post(page, Map.of("key", "company", "type", "TEXT", "label", "Company", "labelKo", "회사")).then().statusCode(303);
        expect(one(before), owner.email, AccessAction.EDIT_EVENT, event.slug, List.of(), null, null, "add question company");

        before = last();
        questions.post(page + "/company", Map.of("type", "TEXT", "label", "Company name", "labelKo", "회사 이름"))
                .then().statusCode(303);
        expect(one(before), owner.email, AccessAction.EDIT_EVENT, event.slug, List.of(), null, null, "update question company");

        before = last();
        questions.post(page, Map.of("key", "company", "type", "TEXT", "label", "Again", "labelKo", "다시")).then().statusCode(422);
        assertThat(since(before)).as("refused: the key is taken").isEmpty();

        before = last();
        questions.post(page + "/company/remove", Map.of()).then().statusCode(303);
        expect(one(before), owner.email, AccessAction.EDIT_EVENT, event.slug, List.of(), null, null, "remove question company");
    }

    // Messages, draws, codes

    @Test
    void aMessageIsOneEntryNamingItsRecipientsAndARepeatedKeyNoneAndItsRecipientListOneView() {
        Event event = TestEvents.create(5, true);
        long one = TestEvents.insert(event, "Reader One", "r1-" + event.slug + "@example.com", "Toss", RegistrationStatus.CONFIRMED);
        long two = TestEvents.insert(event, "Reader Two", "r2-" + event.slug + "@example.com", "Toss", RegistrationStatus.CONFIRMED);
        TestEvents.insert(event, "Not Yet", "r3-" + event.slug + "@example.com", "Toss", RegistrationStatus.PENDING);
        String base = "/admin/events/" + event.slug + "/messages";
        Map<String, String> fields = Map.of("group", "CONFIRMED", "subject", "Doors at 7", "subjectKo", "7시 입장",
                "body", "See you there.", "bodyKo", "그때 만나요.", "idempotencyKey", "log-" + event.slug, "count", "2");
        Form compose = form(base + "/new");

        long before = last();
        String record = compose.post(base, fields).then().statusCode(303).extract().header("Location");
        expect(one(before), owner.email, AccessAction.SEND_MESSAGE, event.slug, List.of(one, two), "group=CONFIRMED", 2, null);

        String messageId = record.replaceAll(".*/messages/(\\d+).*", "$1");
        before = last();
        browser().get(base + "/" + messageId).then().statusCode(200).body(containsString("Reader Two"));
        expect(one(before), owner.email, AccessAction.VIEW_ATTENDEES, event.slug, List.of(), "message=" + messageId, 2, null);

        before = last();
        compose.post(base, fields).then().statusCode(303);
        assertThat(since(before)).as("the same key again sends nothing").isEmpty();

        Token token = token(Role.OWNER);
        before = last();
        token.request().contentType("application/json").body("""
                {"group": "ACTIVE", "subject": "Parking", "subjectKo": "주차", "body": "Use gate 2.", "bodyKo": "2번 게이트",
                 "idempotencyKey": "api-%s"}"""
                .formatted(event.slug)).post("/api/admin/events/" + event.slug + "/messages").then().statusCode(202);
        assertThat(one(before)).satisfies(e -> {
            expect(e, token.subject(), AccessAction.SEND_MESSAGE, event.slug, e.registrations(), "group=ACTIVE", 3, null);
            assertThat(e.registrations()).hasSize(3).contains(one, two);
        });
    }

    @Test
    void aDrawIsOneEntryWithHowManyItDrewAndADrawNotDueNone() {
        Event event = drawEvent(3);
        Event other = drawEvent(2);
        Form list = form("/admin/events/" + event.slug);

        long before = last();
        list.post("/admin/events/" + event.slug + "/draw", Map.of()).then().statusCode(303);
        expect(one(before), owner.email, AccessAction.DRAW, event.slug, List.of(), null, 3, null);

        before = last();
        list.post("/admin/events/" + event.slug + "/draw", Map.of()).then().statusCode(303);
        assertThat(since(before)).as("drawn already").isEmpty();

        Token token = token(Role.OWNER);
        before = last();
        token.request().post("/api/admin/events/" + other.slug + "/draw").then().statusCode(200);
        expect(one(before), token.subject(), AccessAction.DRAW, other.slug, List.of(), null, 2, null);
    }

    @Test
    void makingInvitationCodesIsOneEntryWithHowManyAndRefusedCodesNoneAndTheirListOneView() {
        Event event = TestEvents.create(5, true);
        String page = "/admin/events/" + event.slug + "/codes";
        Form codes = form(page);

        long before = last();
        codes.post(page, Map.of("count", "2")).then().statusCode(200);
        expect(one(before), owner.email, AccessAction.MAKE_CODES, event.slug, List.of(), null, 2, null);

        before = last();
        codes.post(page, Map.of("count", "0")).then().statusCode(422);
        assertThat(since(before)).as("refused").isEmpty();

        before = last();
        browser().get(page).then().statusCode(200);
        expect(one(before), owner.email, AccessAction.VIEW_ATTENDEES, event.slug, List.of(), "codes", 2, null);

        Token token = token(Role.OWNER);
        before = last();
        token.request().contentType("application/json").body("{\"count\": 3}").post("/api/admin/events/" + event.slug + "/codes")
                .then().statusCode(201);
        expect(one(before), token.subject(), AccessAction.MAKE_CODES, event.slug, List.of(), null, 3, null);

        before = last();
        token.request().get("/api/admin/events/" + event.slug + "/codes").then().statusCode(200);
        expect(one(before), token.subject(), AccessAction.VIEW_ATTENDEES, event.slug, List.of(), "codes", 5, null);
    }

    // Attendees themselves

    @Test
    void aPublicSignUpWritesNoEntry() {
        Event event = TestEvents.create(5, true);
        long before = last();
        given().contentType("application/json").body(TestEvents.signUpJson("Self Signer", "self-" + event.slug + "@example.com"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
        Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", Map.of("name", "Form Signer",
                "email", "form-" + event.slug + "@example.com", "affiliation", "Toss", "role", "OTHER", "locale", "en",
                "consent", "true"), "en")
                .then().statusCode(303);
        assertThat(TestEvents.registrations(event)).hasSize(2);
        assertThat(since(before)).isEmpty();
    }

    // Helpers

    /** A request as the signed-in browser. */
    RequestSpecification browser() {
        return given().redirects().follow(false).cookie("quarkus-credential", session).header("Accept-Language", "en");
    }

    static RequestSpecification basic() {
        return given().redirects().follow(false).auth().preemptive().basic("admin", "admin").header("Accept-Language", "en");
    }

    /** A page loaded in the signed-in browser, whose forms post with its CSRF token. */
    record Form(AccessLogEntriesTest browser, String csrfCookie, String csrfField) {
        Response post(String path, Map<String, ?> fields) {
            return browser.browser().cookie("csrf-token", csrfCookie).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParams(fields).formParam("csrf-token", csrfField).post(path);
        }
    }

    Form form(String pagePath) {
        Response page = browser().get(pagePath);
        assertThat(page.statusCode()).as(pagePath).isEqualTo(200);
        Matcher m = CSRF.matcher(page.asString());
        assertThat(m.find()).as("a form on " + pagePath).isTrue();
        return new Form(this, page.getCookie("csrf-token"), m.group(1).replace("&#x2D;", "-"));
    }

    record Token(long id, String secret) {
        String subject() {
            return "token:" + id;
        }

        RequestSpecification request() {
            return given().header("Authorization", "Bearer " + secret);
        }
    }

    static Token token(Role role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ApiToken.Issued issued = ApiToken.issue("access log test", role, null, null, null, TestClock.now());
            return new Token(issued.token().id, issued.secret());
        });
    }

    static Event approvalEvent() {
        return TestEvents.update(TestEvents.create(10, true), e -> e.approvalRequired = true);
    }

    /** A draw event whose draw is due, with {@code verified} verified applications and one unverified. */
    static Event drawEvent(int verified) {
        Event event = TestEvents.update(TestEvents.create(10, false), e -> {
            e.makeDraw();
            e.drawAt = TestClock.now().minus(Duration.ofMinutes(1));
        });
        for (int i = 0; i <= verified; i++) {
            long id = TestEvents.insert(event, "Applicant " + i, "draw" + i + "-" + event.slug + "@example.com", "Toss",
                    RegistrationStatus.APPLIED);
            Instant at = i < verified ? TestClock.now() : null;
            QuarkusTransaction.requiringNew().run(() ->
                    Registration.update("reference = ?1, verifiedAt = ?2 where id = ?3", "REF" + id, at, id));
        }
        return event;
    }

    static String checkInCode(long registrationId) {
        return QuarkusTransaction.requiringNew().call(() ->
                AccessToken.issue(Registration.findById(registrationId), AccessToken.Purpose.CHECKIN, TestClock.now()));
    }

    static long last() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Long max = AccessLogEntry.getEntityManager().createQuery("select max(e.id) from AccessLogEntry e", Long.class)
                    .getSingleResult();
            return max == null ? 0L : max;
        });
    }

    static List<AccessLogEntry> since(long id) {
        return QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.<AccessLogEntry>list("id > ?1 order by id", id));
    }

    /** The one entry written since {@code id}. */
    static AccessLogEntry one(long id) {
        List<AccessLogEntry> entries = since(id);
        assertThat(entries).as("exactly one new access log entry").hasSize(1);
        return entries.get(0);
    }

    static void expect(AccessLogEntry e, String account, AccessAction action, String event, List<Long> registrations,
                       String filter, Integer count, String reason) {
        assertThat(e.account).as("account").isEqualTo(account);
        assertThat(e.address).as("address").isEqualTo(HERE);
        assertThat(e.action).as("action").isEqualTo(action);
        assertThat(e.eventSlug).as("event").isEqualTo(event);
        assertThat(e.registrations()).as("registrations").isEqualTo(registrations);
        assertThat(e.filter).as("filter").isEqualTo(filter);
        assertThat(e.rowCount).as("count").isEqualTo(count);
        assertThat(e.reason).as("reason").isEqualTo(reason);
    }
}
