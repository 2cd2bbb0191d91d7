package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.testing.Forms;
import eventdesk.testing.Race;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Invitation codes and held seats: a code takes a held seat even when the public seats are gone,
 * once, with no approval; wrong, used and expired codes take nothing and say why next to the field;
 * at the deadline unused held seats go to their own type's waitlist.
 */
@QuarkusTest
class InvitationCodesTest extends RestoresTestClock {

    static final String CODE = "[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}";

    @TestHTTPResource("/")
    URL base;
    @Inject
    SeatJobs jobs;

    static List<String> codes(Event event, String json) {
        return Curated.admin().contentType("application/json").body(json)
                .post("/api/admin/events/" + event.slug + "/codes").then().statusCode(201)
                .extract().jsonPath().getList("code", String.class);
    }

    @Test
    void twentyPeopleRacingWithOneCodeGetExactlyOneSeat() throws Exception {
        // Approval for everyone else: the code skips it. The public seats are all held, so only a code gets in.
        Event event = Curated.create(10, false, """
                [{"key": "speaker", "name": "Speaker", "nameKo": "연사", "capacity": 2, "held": 2}]""",
                "\"approvalRequired\": true");
        String code = codes(event, "{\"count\": 1, \"ticketType\": \"speaker\"}").get(0);
        assertThat(code).matches(CODE);

        URI uri = base.toURI().resolve("api/events/" + event.slug + "/registrations");
        List<HttpRequest> signUps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // Lower case and without hyphens: still the same code.
            String typed = i % 2 == 0 ? code : code.replace("-", "").toLowerCase();
            signUps.add(Race.postJson(uri, Curated.signUp("Guest " + i, "guest" + i + "@example.com", "en", null, typed),
                    Duration.ofSeconds(60)));
        }
        List<String> answers = Race.send(signUps);
        assertThat(answers.stream().filter(a -> a.startsWith("202 ") && a.contains("\"PENDING\""))).hasSize(1);
        assertThat(answers.stream().filter(a -> a.startsWith("400 ") && a.contains("already been used"))).hasSize(19);
        assertThat(TestEvents.registrations(event)).hasSize(1);
        assertThat(Curated.type(event, "speaker").seatsTaken).isEqualTo(1);
        assertThat(Curated.type(event, "speaker").heldUsed).isEqualTo(1);
        // The organizer sees who used it.
        Curated.admin().get("/api/admin/events/" + event.slug + "/codes").then()
                .body("$", hasSize(1)).body("[0].hint", equalTo(code.substring(0, 4) + "-…"))
                .body("[0].usedByEmail", containsString("@example.com"));
        Curated.admin().get("/admin/events/" + event.slug + "/codes").then().statusCode(200)
                .body(containsString(code.substring(0, 4))).body(containsString("@example.com"));
    }

    @Test
    void heldSeatsAreHiddenFromThePublicAndACodeTakesOneWhenThePublicSeatsAreGone() {
        Event event = Curated.create(10, true, """
                [{"key": "founder", "name": "Founder", "nameKo": "창업자", "capacity": 3, "held": 1}]""", "");
        given().get("/api/events/" + event.slug).then().body("seatsLeft", equalTo(2)).body("ticketTypes[0].seatsLeft", equalTo(2));
        for (String who : List.of("p1", "p2")) {
            Curated.post(event, Curated.signUp(who, who + "@example.com", "en", "founder", null)).then()
                    .body("status", equalTo("PENDING"));
        }
        Curated.post(event, Curated.signUp("p3", "p3@example.com", "en", "founder", null)).then()
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        String code = codes(event, "{\"count\": 2, \"ticketType\": \"founder\", \"email\": \"VIP@Example.com\"}").get(0);
        // Tied to one email: anyone else is told so and takes nothing.
        Curated.post(event, Curated.signUp("Other", "other@example.com", "en", null, code)).then().statusCode(400)
                .body("errors[0].field", equalTo("code")).body("errors[0].message", containsString("another email"));
        Curated.post(event, Curated.signUp("VIP", "vip@example.com", "en", null, code)).then().statusCode(202)
                .body("status", equalTo("PENDING"));
        assertThat(Curated.type(event, "founder").seatsTaken).isEqualTo(3);
        assertThat(Curated.status(event, "p3@example.com")).isEqualTo(RegistrationStatus.WAITLISTED);
    }

    @Test
    void wrongAndExpiredCodesAreRefusedWithAClearMessageNextToTheCodeField() {
        Event event = Curated.create(10, true, """
                [{"key": "founder", "name": "Founder", "nameKo": "창업자", "capacity": 5, "held": 2}]""", "");
        String code = codes(event, "{\"count\": 1, \"ticketType\": \"founder\", \"expiresAt\": \""
                + Curated.iso(TestClock.now().plus(Duration.ofHours(1))) + "\"}").get(0);
        Curated.post(event, Curated.signUp("W", "wrong@example.com", "en", null, "ABCD-EFGH-JKMN-PQRS")).then().statusCode(400)
                .body("errors[0].field", equalTo("code")).body("errors[0].message", containsString("We do not know this code"));
        Curated.post(event, Curated.signUp("W", "wrong@example.com", "en", null, "not a code")).then().statusCode(400)
                .body("errors[0].field", equalTo("code"));

        TestClock.get().advance(Duration.ofHours(2));
        Curated.post(event, Curated.signUp("Late", "late@example.com", "en", null, code)).then().statusCode(400)
                .body("errors[0].message", equalTo("This code has expired."));
        var page = Forms.submit("/events/" + event.slug + "?code=" + code, "/events/" + event.slug + "/registrations", Map.of(
                "name", "늦은 사람", "email", "late.ko@example.kr", "affiliation", "토스", "role", "FOUNDER", "locale", "ko",
                "consent", "true", "code", code), "ko");
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.asString()).contains("id=\"code-error\"").contains("사용 기한이 지난 코드입니다.")
                .contains("aria-describedby=\"code-hint code-error\"").contains("value=\"late.ko@example.kr\"");
        assertThat(TestEvents.registrations(event)).isEmpty();
        assertThat(Curated.type(event, "founder").heldUsed).isZero();
    }

    /**
     * The invitation-code field appears only where a code can matter: the event holds seats for codes
     * or has usable codes, or the link carries one. Other events' forms start with the name.
     */
    @Test
    void theCodeFieldIsShownOnlyWhereTheEventHasCodesOrTheLinkCarriesOne() {
        Event plain = Curated.create(10, true, null, "");
        String page = given().header("Accept-Language", "en").get("/events/" + plain.slug).then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("id=\"code\"").doesNotContain("name=\"code\"").contains("id=\"name\"");
        assertThat(given().header("Accept-Language", "en").get("/events/" + plain.slug + "?code=ABCD-EFGH-JKMN-PQRS").asString())
                .contains("id=\"code\"").contains("value=\"ABCD-EFGH-JKMN-PQRS\"");

        Event held = Curated.create(10, true, """
                [{"key": "founder", "name": "Founder", "nameKo": "창업자", "capacity": 5, "held": 2}]""", "");
        assertThat(given().get("/events/" + held.slug).asString()).contains("id=\"code\"");

        Event withCodes = Curated.create(10, true, null, "");
        codes(withCodes, "{\"count\": 1}");
        assertThat(given().get("/events/" + withCodes.slug).asString()).contains("id=\"code\"");
    }

    @Test
    void anInvitationLinkFillsInTheCodeAndChoosesItsType() {
        Event event = Curated.create(10, true, """
                [{"key": "founder", "name": "Founder", "nameKo": "창업자", "capacity": 5, "held": 0},
                 {"key": "speaker", "name": "Speaker", "nameKo": "연사", "capacity": 2, "held": 2}]""", "");
        String code = codes(event, "{\"count\": 1, \"ticketType\": \"speaker\"}").get(0);
        String html = given().header("Accept-Language", "en").get("/events/" + event.slug + "?code=" + code).asString();
        assertThat(html).contains("value=\"" + code + "\"").contains("value=\"speaker\" checked");
        var done = Forms.submit("/events/" + event.slug + "?code=" + code, "/events/" + event.slug + "/registrations", Map.of(
                "name", "Speaker One", "email", "speaker1@example.com", "affiliation", "Acme", "role", "OTHER", "locale", "en",
                "consent", "true", "code", code, "ticketType", "speaker"), "en");
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(Curated.status(event, "speaker1@example.com")).isEqualTo(RegistrationStatus.PENDING);
        // A code for one type does not take a seat of another.
        String other = codes(event, "{\"count\": 1, \"ticketType\": \"speaker\"}").get(0);
        Curated.post(event, Curated.signUp("X", "x-other@example.com", "en", "founder", other)).then().statusCode(400)
                .body("errors[0].message", containsString("another ticket type"));
    }

    @Test
    void atTheDeadlineUnusedHeldSeatsGoToTheirOwnTypesWaitlist() {
        Event event = Curated.create(10, true, """
                [{"key": "a", "name": "A", "nameKo": "가", "capacity": 2, "held": 1},
                 {"key": "b", "name": "B", "nameKo": "나", "capacity": 2, "held": 1}]""",
                "\"heldUntil\": \"" + Curated.iso(TestClock.now().plus(Duration.ofDays(1))) + "\"");
        for (String[] s : new String[][]{{"a1", "a"}, {"a2", "a"}, {"a3", "a"}, {"b1", "b"}, {"b2", "b"}}) {
            Curated.post(event, Curated.signUp(s[0], s[0] + "@example.com", "en", s[1], null)).then().statusCode(202);
        }
        assertThat(Curated.status(event, "a2@example.com")).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(Curated.status(event, "b2@example.com")).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(jobs.releaseHeld(event.id, TestClock.now())).as("not yet due").isZero();

        TestClock.get().advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(jobs.releaseHeld(event.id, TestClock.now())).isEqualTo(2);
        assertThat(Curated.status(event, "a2@example.com")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(Curated.status(event, "a3@example.com")).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(Curated.status(event, "b2@example.com")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(Curated.waitlist(event, "a")).containsExactly("a3@example.com#1");
        assertThat(jobs.releaseHeld(event.id, TestClock.now())).as("released once").isZero();
        assertThat(TestEvents.counters(event)).containsExactly(4L, 1L, 0L);
    }

    @Test
    void aSignUpAfterTheDeadlineNeverGetsAheadOfPeopleWaitingEvenBeforeTheJobRuns() {
        Event event = Curated.create(10, true, """
                [{"key": "a", "name": "A", "nameKo": "가", "capacity": 1, "held": 1}]""",
                "\"heldUntil\": \"" + Curated.iso(TestClock.now().plus(Duration.ofHours(1))) + "\"");
        Curated.post(event, Curated.signUp("w1", "w1@example.com", "en", "a", null)).then().body("status", equalTo("WAITLISTED"));
        TestClock.get().advance(Duration.ofHours(2));
        Curated.post(event, Curated.signUp("late", "late2@example.com", "en", "a", null)).then()
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        assertThat(Curated.status(event, "w1@example.com")).isEqualTo(RegistrationStatus.PENDING);
    }

    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given();
    }
}
