package eventdesk.event;

import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The public list and the JSON API are rendered once and kept between changes: every request still shows
 * the seats and the open/closed state of that moment, whoever changed them (this instance, an organizer, the
 * clock, or another instance writing the database), and a client that has the answer gets 304.
 */
@QuarkusTest
class PublicReadsTest extends RestoresTestClock {

    @Inject
    AgroalDataSource db;

    private static void signUp(Event event, String email) {
        given().contentType("application/json").body(TestEvents.signUpJson("Kim", email))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
    }

    private static int seatsLeft(Event event) {
        return given().get("/api/events/" + event.slug).then().statusCode(200).extract().path("seatsLeft");
    }

    /** The badge of this event's card on the list, in the language asked. */
    private static String badge(Event event, String lang) {
        String html = given().header("Accept-Language", lang).get("/").then().statusCode(200).extract().asString();
        Matcher card = Pattern.compile("href=\"/events/" + Pattern.quote(event.slug) + "\">.*?<p class=\"badge [a-z]+\">([^<]*)</p>",
                Pattern.DOTALL).matcher(html);
        assertThat(card.find()).as("the list shows %s", event.slug).isTrue();
        return card.group(1).strip();
    }

    /** What another instance does to the database, without this one knowing: a plain SQL write. */
    private void sql(String statement, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void aSeatTakenOrFreedShowsAtOnceInTheListAndTheApi() {
        Event event = TestEvents.named(TestEvents.create(3, false));
        assertThat(seatsLeft(event)).isEqualTo(3);
        assertThat(badge(event, "ko")).isEqualTo("잔여 3석");
        assertThat(badge(event, "en")).isEqualTo("3 seats left");

        signUp(event, "first@example.com");
        assertThat(seatsLeft(event)).isEqualTo(2);
        assertThat(badge(event, "ko")).isEqualTo("잔여 2석");
        assertThat(badge(event, "en")).isEqualTo("2 seats left");

        TestEvents.update(event, e -> e.capacity = 10);
        assertThat(seatsLeft(event)).isEqualTo(9);
        assertThat(badge(event, "en")).isEqualTo("9 seats left");
    }

    @Test
    void anotherInstancesWriteToTheDatabaseShowsAtOnce() throws SQLException {
        Event event = TestEvents.named(TestEvents.create(5, false));
        assertThat(seatsLeft(event)).isEqualTo(5);
        assertThat(badge(event, "en")).isEqualTo("5 seats left");

        // A seat taken elsewhere moves the counter on the event row (and the revision: see below).
        sql("update event set seats_taken = seats_taken + 1 where id = ?", event.id);
        assertThat(seatsLeft(event)).isEqualTo(4);
        assertThat(badge(event, "en")).isEqualTo("4 seats left");

        // Any other change made elsewhere moves the revision on, as every write of the row does.
        sql("update event set title = ?, revision = revision + 1 where id = ?", "Renamed " + event.slug, event.id);
        given().get("/api/events/" + event.slug).then().body("title", equalTo("Renamed " + event.slug));
        assertThat(given().header("Accept-Language", "en").get("/").asString()).contains("Renamed " + event.slug);
    }

    @Test
    void theClockPassingTheOpeningFlipsRegistrationOpen() {
        Instant opens = TestClock.now().plus(Duration.ofHours(2));
        Event event = TestEvents.named(TestEvents.create(10, false, opens, opens.plus(Duration.ofDays(5))));
        given().get("/api/events/" + event.slug).then().body("registrationOpen", equalTo(false));
        assertThat(given().get("/api/events").then().extract().<Boolean>path("find { it.slug == '" + event.slug + "' }.registrationOpen"))
                .isFalse();
        assertThat(badge(event, "en")).isEqualTo("Registration not open yet");

        TestClock.get().set(opens);
        given().get("/api/events/" + event.slug).then().body("registrationOpen", equalTo(true));
        assertThat(given().get("/api/events").then().extract().<Boolean>path("find { it.slug == '" + event.slug + "' }.registrationOpen"))
                .isTrue();
        assertThat(badge(event, "en")).isEqualTo("10 seats left");

        TestClock.get().set(opens.minusSeconds(1));
        given().get("/api/events/" + event.slug).then().body("registrationOpen", equalTo(false));
    }

    @Test
    void aMatchingIfNoneMatchGets304UntilSomethingChanges() {
        Event event = TestEvents.create(4, false);
        Response first = given().get("/api/events/" + event.slug);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
        given().header("If-None-Match", etag).get("/api/events/" + event.slug).then().statusCode(304).header("ETag", etag);
        String list = given().get("/").header("ETag");
        given().header("If-None-Match", list).get("/").then().statusCode(304);

        signUp(event, "etag@example.com");
        Response after = given().header("If-None-Match", etag).get("/api/events/" + event.slug);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(etag);
        assertThat(after.<Integer>path("seatsLeft")).isEqualTo(3);
        given().header("If-None-Match", list).get("/").then().statusCode(200);
    }

    @Test
    void jsonAndPagesWithoutAFormSetNoCookie() {
        Event event = TestEvents.create(4, false);
        assertThat(given().get("/api/events/" + event.slug).then().statusCode(200).extract().cookies()).isEmpty();
        assertThat(given().get("/api/events").then().statusCode(200).extract().cookies()).isEmpty();
        assertThat(given().get("/").then().statusCode(200).extract().cookies()).isEmpty();
        Event cancelled = TestEvents.update(TestEvents.create(4, false), e -> e.status = EventStatus.cancelled);
        assertThat(given().get("/events/" + cancelled.slug).then().statusCode(200).extract().asString()).doesNotContain("csrf-token");
        assertThat(given().get("/events/" + cancelled.slug).then().extract().cookies()).isEmpty();
    }

    @Test
    void draftsAndUnknownEventsStay404() {
        Event draft = TestEvents.update(TestEvents.create(4, false), e -> e.status = EventStatus.draft);
        given().get("/api/events/" + draft.slug).then().statusCode(404);
        given().get("/events/" + draft.slug).then().statusCode(404);
        TestEvents.update(draft, e -> e.status = EventStatus.published);
        given().get("/api/events/" + draft.slug).then().statusCode(200);
        given().get("/api/events/no-such-event").then().statusCode(404);
    }
}
