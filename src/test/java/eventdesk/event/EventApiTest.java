package eventdesk.event;

import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class EventApiTest extends RestoresTestClock {

    /** An event of its own, 10:00–18:00 KST on a day 40 days ahead, with one confirmed attendee. */
    private static Event tenToSix() {
        ZonedDateTime start = TestEvents.tenAmKst(40);
        Event event = TestEvents.update(TestEvents.named(TestEvents.create(30, true)), e -> {
            e.startsAt = start.toInstant();
            e.endsAt = start.withHour(18).toInstant();
        });
        TestEvents.insert(event, "Kim Minjun", "minjun." + event.slug + "@example.kr", "Toss", RegistrationStatus.CONFIRMED);
        return event;
    }

    @Test
    void listsUpcomingEventsWithTheDocumentedFieldsAndTypes() {
        Event event = tenToSix();
        String day = TestEvents.tenAmKst(40).toLocalDate().toString();
        String it = "find { it.slug == '" + event.slug + "' }";
        given().when().get("/api/events")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("slug", hasItem(event.slug))
                .body(it + ".title", equalTo(event.title))
                .body(it + ".titleKo", equalTo(event.titleKo))
                .body(it + ".startsAt", equalTo(day + "T10:00:00+09:00"))
                .body(it + ".endsAt", equalTo(day + "T18:00:00+09:00"))
                .body(it + ".venue", equalTo("Test Hall"))
                .body(it + ".capacity", equalTo(30))
                .body(it + ".seatsLeft", equalTo(29))
                .body(it + ".waitlistCount", instanceOf(Integer.class))
                .body(it + ".waitlistCount", equalTo(0))
                .body(it + ".registrationOpen", equalTo(true))
                .body(it + ".status", equalTo("published"));
    }

    @Test
    void oneEventBySlugAndProblemJsonForUnknown() {
        Event event = tenToSix();
        given().when().get("/api/events/" + event.slug)
                .then().statusCode(200)
                .body("slug", equalTo(event.slug))
                .body("titleKo", equalTo(event.titleKo))
                .body("capacity", equalTo(30));
        given().when().get("/api/events/nope")
                .then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404));
    }

    @Test
    void anEndedEventLeavesTheListButStaysReadableBySlug() {
        Event event = tenToSix();
        given().get("/api/events").then().body("slug", hasItem(event.slug));
        TestClock.get().set(event.endsAt.plus(Duration.ofMinutes(1)));
        given().get("/api/events").then().statusCode(200).body("slug", not(hasItem(event.slug)));
        given().get("/api/events/" + event.slug).then().statusCode(200)
                .body("registrationOpen", equalTo(false)).body("status", equalTo("published"));
    }

    /** The seed events are data that the migration writes: present whatever today's date is (not asserted upcoming). */
    @Test
    void theSeedEventsExistAfterMigration() {
        Event founders = QuarkusTransaction.requiringNew().call(() -> Event.bySlug("founders-day-2027").orElseThrow());
        assertThat(founders.title).isEqualTo("Founders Day Seoul 2027");
        assertThat(founders.titleKo).isEqualTo("파운더스 데이 서울 2027");
        assertThat(founders.startsAt).isEqualTo(Instant.parse("2027-03-18T01:00:00Z"));
        assertThat(founders.endsAt).isEqualTo(Instant.parse("2027-03-18T09:00:00Z"));
        assertThat(founders.venue).isEqualTo("COEX Conference Room 300");
        assertThat(founders.capacity).isEqualTo(300);
        assertThat(founders.status).isEqualTo(EventStatus.published);
        Event devday = QuarkusTransaction.requiringNew().call(() -> Event.bySlug("devday-exchange-2027").orElseThrow());
        assertThat(devday.titleKo).isEqualTo("데브데이 익스체인지 서울 2027");
        assertThat(devday.capacity).isEqualTo(120);
        given().get("/api/events/founders-day-2027").then().statusCode(200)
                .body("startsAt", equalTo("2027-03-18T10:00:00+09:00"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/api/events/{slug}/registrations"));
    }
}
