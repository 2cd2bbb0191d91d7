package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event page is rendered once per change of what it shows and kept, with each visitor's own CSRF token
 * put in as it is sent: the seats, texts and form are still those of the moment in both languages, and the
 * form still works only with the visitor's own token.
 */
@QuarkusTest
class EventPageCacheTest extends RestoresTestClock {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    RegistrationService registrations;

    private static String page(Event event, String lang) {
        return given().header("Accept-Language", lang).get("/events/" + event.slug).then().statusCode(200).extract().asString();
    }

    private static void signUp(Event event, String email) {
        given().contentType("application/json").body(TestEvents.signUpJson("Lee", email))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
    }

    /** A visitor's first visit: their cookie and the form field that goes with it. */
    private record Visitor(String cookie, String field) {
        static Visitor opens(Event event) {
            Response page = given().header("Accept-Language", "ko").get("/events/" + event.slug);
            Matcher m = CSRF.matcher(page.asString());
            assertThat(m.find()).isTrue();
            return new Visitor(page.getCookie("csrf-token"), m.group(1));
        }

        Response signsUp(Event event, String field, String email) {
            return given().redirects().follow(false).cookie("csrf-token", cookie)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParams(Map.of("name", "박서준", "email", email, "affiliation", "Kakao", "role", "DEVELOPER",
                            "locale", "ko", "consent", "true"))
                    .formParam("csrf-token", field).post("/events/" + event.slug + "/registrations");
        }
    }

    @Test
    void seatsTakenAndFreedShowAtOnceInBothLanguages() {
        Event event = TestEvents.create(3, false);
        assertThat(page(event, "ko")).contains("3석 중 3석 남음");
        assertThat(page(event, "en")).contains("3 of 3 seats left");

        signUp(event, "taken@example.com");
        assertThat(page(event, "ko")).contains("3석 중 2석 남음");
        assertThat(page(event, "en")).contains("2 of 3 seats left");

        registrations.cancelById(TestEvents.byEmail(event, "taken@example.com").id, TestClock.now());
        assertThat(page(event, "ko")).contains("3석 중 3석 남음");
        assertThat(page(event, "en")).contains("3 of 3 seats left");
    }

    @Test
    void eachTicketTypesSeatsShowAtOnceUntilItSellsOutInBothLanguages() {
        Event event = Curated.create(10, false, """
                [{"key": "founder", "name": "Founder", "nameKo": "창업자", "capacity": 1, "held": 0},
                 {"key": "developer", "name": "Developer", "nameKo": "개발자", "capacity": 3, "held": 0}]""", "");
        assertThat(page(event, "ko")).contains("창업자: 1석 남음").contains("개발자: 3석 남음");
        assertThat(page(event, "en")).contains("Founder: 1 seats left").contains("Developer: 3 seats left");

        Curated.post(event, Curated.signUp("Kim", "dev@example.com", "en", "developer", null)).then().statusCode(202);
        assertThat(page(event, "ko")).contains("창업자: 1석 남음").contains("개발자: 2석 남음");
        assertThat(page(event, "en")).contains("Developer: 2 seats left");

        Curated.post(event, Curated.signUp("Park", "founder@example.com", "ko", "founder", null)).then().statusCode(202);
        assertThat(page(event, "ko")).contains("창업자: 매진").contains("개발자: 2석 남음");
        assertThat(page(event, "en")).contains("Founder: sold out");

        registrations.cancelById(TestEvents.byEmail(event, "founder@example.com").id, TestClock.now());
        assertThat(page(event, "ko")).contains("창업자: 1석 남음");
        assertThat(page(event, "en")).contains("Founder: 1 seats left");
    }

    @Test
    void anApprovalEventsPageStaysRightAsApplicationsComeAndAreApproved() {
        Event event = Curated.create(2, true, null, "\"approvalRequired\": true");
        assertThat(page(event, "en")).contains("2 of 2 seats left");
        Curated.post(event, Curated.signUp("Lee", "applicant@example.com", "en", null, null)).then().statusCode(202);
        assertThat(page(event, "en")).as("an application takes no seat").contains("2 of 2 seats left");

        Curated.admin().contentType("application/json").post("/api/admin/registrations/"
                + TestEvents.byEmail(event, "applicant@example.com").id + "/approve").then().statusCode(200);
        assertThat(page(event, "en")).contains("1 of 2 seats left");
        assertThat(page(event, "ko")).contains("2석 중 1석 남음");
    }

    @Test
    void theOrganizersEditShowsAtOnce() {
        Event event = Curated.create(5, false, null, "");
        assertThat(page(event, "en")).contains("5 of 5 seats left");
        Curated.admin().contentType("application/json").body("{\"capacity\": 8, \"title\": \"Founders Night\", \"titleKo\": \"창업자의 밤\"}")
                .put("/api/admin/events/" + event.slug).then().statusCode(200);
        assertThat(page(event, "en")).contains("8 of 8 seats left").contains("Founders Night");
        assertThat(page(event, "ko")).contains("8석 중 8석 남음").contains("창업자의 밤");
    }

    @Test
    void everyVisitorGetsTheirOwnWorkingTokenAndNobodyElses() {
        Event event = TestEvents.create(5, false);
        Visitor first = Visitor.opens(event), second = Visitor.opens(event);
        assertThat(first.field()).isNotEqualTo(second.field());
        assertThat(first.cookie()).isNotBlank();

        // A token from another visitor is refused and takes nothing; each visitor's own works.
        first.signsUp(event, second.field(), "stolen@example.com").then().statusCode(400);
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isZero();
        first.signsUp(event, first.field(), "first@example.com").then().statusCode(303);
        second.signsUp(event, second.field(), "second@example.com").then().statusCode(303);
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isEqualTo(2);

        // A returning visitor is shown the field of the cookie they bring, and sets no new cookie.
        Response again = given().cookie("csrf-token", first.cookie()).get("/events/" + event.slug);
        Matcher m = CSRF.matcher(again.asString());
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo(first.field());
        assertThat(again.getCookie("csrf-token")).isNull();
        assertThat(again.asString()).contains("5석 중 3석 남음");
    }

    @Test
    void theClockPassingTheOpeningShowsTheForm() {
        Instant opens = TestClock.now().plus(Duration.ofMinutes(30));
        Event event = TestEvents.create(10, false, opens, opens.plus(Duration.ofDays(3)));
        assertThat(page(event, "en")).contains("Registration opens").doesNotContain("csrf-token");
        assertThat(page(event, "ko")).contains("신청은").doesNotContain("csrf-token");

        TestClock.get().set(opens);
        assertThat(page(event, "en")).doesNotContain("Registration opens").contains("csrf-token").contains("10 of 10 seats left");
        assertThat(page(event, "ko")).contains("csrf-token").contains("신청하기");
    }

    @Test
    void theCodeFieldComesWithACodeAndGoesWhenItExpires() {
        Event event = Curated.create(5, false, null, "");
        assertThat(page(event, "en")).doesNotContain("id=\"code\"");
        OffsetDateTime expires = TestClock.now().plus(Duration.ofHours(1)).atOffset(ZoneOffset.ofHours(9));
        Curated.admin().contentType("application/json").body("{\"count\": 1, \"expiresAt\": \"" + expires + "\"}")
                .post("/api/admin/events/" + event.slug + "/codes").then().statusCode(201);
        assertThat(page(event, "en")).contains("id=\"code\"");
        TestClock.get().set(expires.toInstant());
        assertThat(page(event, "en")).doesNotContain("id=\"code\"");
    }

    @Test
    void aReloadWithTheSameTokenAndPageGets304() {
        Event event = TestEvents.create(5, false);
        Visitor visitor = Visitor.opens(event);
        Response first = given().header("Accept-Language", "ko").cookie("csrf-token", visitor.cookie()).get("/events/" + event.slug);
        String etag = first.header("ETag");
        assertThat(first.header("Cache-Control")).isEqualTo("private, no-cache");
        given().header("Accept-Language", "ko").cookie("csrf-token", visitor.cookie()).header("If-None-Match", etag)
                .get("/events/" + event.slug).then().statusCode(304);
        // Another visitor's page carries another token: never answered 304 with this tag.
        given().header("Accept-Language", "ko").header("If-None-Match", etag).get("/events/" + event.slug).then().statusCode(200);
        // Nor after a seat is taken.
        signUp(event, "reload@example.com");
        given().header("Accept-Language", "ko").cookie("csrf-token", visitor.cookie()).header("If-None-Match", etag)
                .get("/events/" + event.slug).then().statusCode(200);
    }
}
