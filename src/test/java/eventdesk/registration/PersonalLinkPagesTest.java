package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.registration.AccessToken.Purpose;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages behind a person's emailed links (confirm, manage, verify, attendance) for registrations
 * with a ticket type, in every status each page can show: each answers 200 with the person's page
 * (never a 500), and none of them may be kept by a browser or proxy cache, since they show a name
 * and an email.
 */
@QuarkusTest
class PersonalLinkPagesTest extends RestoresTestClock {

    static final String TYPES = """
            [{"key": "founder", "name": "Founder", "nameKo": "창업자", "capacity": 1, "held": 0},
             {"key": "vip", "name": "Guest of honour", "nameKo": "귀빈", "capacity": 5, "held": 0, "approvalRequired": true}]""";

    @Inject
    RegistrationService service;
    @Inject
    ApprovalService approvals;
    @Inject
    CheckInService checkIns;
    @Inject
    DrawService draws;
    @Inject
    SeatJobs jobs;

    /** A registration of one ticket type, brought to a status through the seat path as people and organizers do. */
    record Typed(String label, long id, RegistrationStatus status, String typeName, String typeNameKo) {
        Typed(String label, long id, RegistrationStatus status) {
            this(label, id, status, "Founder", "창업자");
        }
    }

    private static long signUp(Event event, String type, String expect) {
        String email = "typed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Curated.post(event, Curated.signUp("Typed Person", email, "en", type, null)).then().statusCode(202)
                .body("status", org.hamcrest.Matchers.equalTo(expect));
        return TestEvents.byEmail(event, email).id;
    }

    private static String token(long registrationId, Purpose purpose) {
        return QuarkusTransaction.requiringNew().call(() ->
                AccessToken.issue(Registration.findById(registrationId), purpose, TestClock.now()));
    }

    private static RegistrationStatus status(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(id).status);
    }

    /** One founder-type registration in each status a first-come event has (and a checked-in one). */
    private List<Typed> everyStatus() {
        List<Typed> all = new ArrayList<>();
        // First the hold that runs out, so the clock moves before the other holds begin.
        Event late = Curated.create(10, true, TYPES, "");
        long expired = signUp(late, "founder", "PENDING");
        TestClock.get().advance(Duration.ofMinutes(31));
        jobs.expireHolds(late.id, TestClock.now());
        all.add(new Typed("expired", expired, RegistrationStatus.EXPIRED));

        Event event = Curated.create(10, true, TYPES, "");
        long pending = signUp(event, "founder", "PENDING");
        long waitlisted = signUp(event, "founder", "WAITLISTED");
        long applied = signUp(event, "vip", "APPLIED");
        long declined = signUp(event, "vip", "APPLIED");
        approvals.decline(declined, TestClock.now());
        all.add(new Typed("pending", pending, RegistrationStatus.PENDING));
        all.add(new Typed("waitlisted", waitlisted, RegistrationStatus.WAITLISTED));
        all.add(new Typed("applied", applied, RegistrationStatus.APPLIED, "Guest of honour", "귀빈"));
        all.add(new Typed("declined", declined, RegistrationStatus.DECLINED, "Guest of honour", "귀빈"));

        Event other = Curated.create(10, true, TYPES, "");
        long confirmed = signUp(other, "founder", "PENDING");
        service.confirm(token(confirmed, Purpose.CONFIRM), TestClock.now());
        all.add(new Typed("confirmed", confirmed, RegistrationStatus.CONFIRMED));
        long cancelled = signUp(other, "founder", "WAITLISTED");
        service.cancelById(cancelled, TestClock.now());
        all.add(new Typed("cancelled", cancelled, RegistrationStatus.CANCELLED));

        Event door = Curated.create(10, true, TYPES, "");
        long checkedIn = signUp(door, "founder", "PENDING");
        service.confirm(token(checkedIn, Purpose.CONFIRM), TestClock.now());
        checkIns.checkIn(checkedIn, TestClock.now());
        all.add(new Typed("checked in", checkedIn, RegistrationStatus.CONFIRMED));

        for (Typed t : all) assertThat(status(t.id())).as(t.label()).isEqualTo(t.status());
        return all;
    }

    private static Response get(String path, String lang) {
        return given().redirects().follow(false).header("Accept-Language", lang).get(path);
    }

    private static void assertPersonalPage(Response page, String what) {
        assertThat(page.statusCode()).as(what + ": " + page.asString()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).as(what).contains("no-store");
    }

    @Test
    void theManagePageOfATicketTypeRegistrationShowsItsTypeInEveryStatus() {
        for (Typed t : everyStatus()) {
            String manage = "/manage/" + token(t.id(), Purpose.MANAGE);
            Response en = get(manage, "en");
            assertPersonalPage(en, "manage " + t.label());
            assertThat(en.asString()).as(t.label()).contains("Typed Person", "<dd>" + t.typeName() + "</dd>");
            Response ko = get(manage, "ko");
            assertPersonalPage(ko, "manage ko " + t.label());
            assertThat(ko.asString()).as(t.label()).contains("<dd>" + t.typeNameKo() + "</dd>");
            assertPersonalPage(get(manage + "/event.ics", "en"), "calendar " + t.label());
        }
    }

    @Test
    void theConfirmPageOfATicketTypeRegistrationAnswersInEveryStatus() {
        for (Typed t : everyStatus()) {
            String confirm = "/confirm/" + token(t.id(), Purpose.CONFIRM);
            Response page = get(confirm, "en");
            if (t.status() == RegistrationStatus.EXPIRED) {
                // The hold is over: the page says so (and points to the event), it is no error.
                assertThat(page.statusCode()).as(t.label()).isEqualTo(410);
                assertThat(page.header("Cache-Control")).contains("no-store");
            } else {
                assertPersonalPage(page, "confirm " + t.label());
            }
        }
    }

    @Test
    void theAttendancePagesOfATicketTypeRegistrationAnswerWhateverItsStatus() {
        for (Typed t : everyStatus()) {
            String attendance = "/attendance/" + token(t.id(), Purpose.ATTENDANCE);
            for (String path : List.of(attendance, attendance + "/yes", attendance + "/release")) {
                Response page = get(path, "ko");
                assertPersonalPage(page, path + " " + t.label());
                assertThat(page.asString()).contains("Typed Person");
            }
        }
    }

    @Test
    void theVerifyPageOfATicketTypeDrawApplicationAnswersBeforeAndAfterTheDraw() {
        Instant drawAt = TestClock.now().plus(Duration.ofDays(2));
        Event event = Curated.create(1, true, """
                [{"key": "founder", "name": "Founder", "nameKo": "창업자", "capacity": 1, "held": 0}]""",
                "\"allocation\": \"DRAW\", \"drawAt\": \"" + Curated.iso(drawAt) + "\"");
        Map<String, Long> applications = new LinkedHashMap<>();
        for (String who : List.of("first", "second", "unverified")) applications.put(who, signUp(event, "founder", "APPLIED"));
        Map<String, String> verify = new LinkedHashMap<>();
        applications.forEach((who, id) -> verify.put(who, token(id, Purpose.VERIFY)));

        assertPersonalPage(get("/verify/" + verify.get("first"), "en"), "verify, not yet verified");
        draws.verify(verify.get("first"), TestClock.now());
        draws.verify(verify.get("second"), TestClock.now());
        assertPersonalPage(get("/verify/" + verify.get("first"), "en"), "verify, verified");

        TestClock.get().set(drawAt.plusSeconds(1));
        assertThat(draws.draw(event.id, TestClock.now())).isTrue();
        assertThat(applications.values().stream().map(PersonalLinkPagesTest::status).toList())
                .containsExactlyInAnyOrder(RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED, RegistrationStatus.EXPIRED);
        assertPersonalPage(get("/verify/" + verify.get("first"), "ko"), "verify after the draw");
        assertPersonalPage(get("/verify/" + verify.get("second"), "ko"), "verify after the draw");
        // The draw ends an unverified application's link: the page says so, and is not stored either.
        Response dead = get("/verify/" + verify.get("unverified"), "ko");
        assertThat(dead.statusCode()).isEqualTo(404);
        assertThat(dead.header("Cache-Control")).contains("no-store");
        applications.forEach((who, id) -> {
            Response manage = get("/manage/" + token(id, Purpose.MANAGE), "en");
            assertPersonalPage(manage, "manage after the draw, " + who);
            assertThat(manage.asString()).contains("<dd>Founder</dd>");
        });
    }

    @Test
    void everyPageBehindAPersonalLinkIsNeverStoredEvenForAnUnknownLink() {
        Event event = TestEvents.create(5, true);
        String unknown = "x".repeat(43);
        for (String path : List.of("/confirm/", "/manage/", "/verify/", "/attendance/")) {
            Response page = get(path + unknown, "en");
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.header("Cache-Control")).as(path).contains("no-store");
        }
        for (String path : List.of("/manage/" + unknown + "/event.ics", "/attendance/" + unknown + "/yes",
                "/attendance/" + unknown + "/release")) {
            assertThat(get(path, "en").header("Cache-Control")).as(path).contains("no-store");
        }
        assertThat(event.slug).isNotBlank();
    }
}
