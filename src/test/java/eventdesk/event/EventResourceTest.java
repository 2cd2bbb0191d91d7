package eventdesk.event;

import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class EventResourceTest extends RestoresTestClock {

    /** An event of its own starting at 10:00 KST, {@code days} days ahead of the test clock. */
    private static Event startingAtTen(int days) {
        ZonedDateTime start = TestEvents.tenAmKst(days);
        return TestEvents.update(TestEvents.named(TestEvents.create(20, true)), e -> {
            e.startsAt = start.toInstant();
            e.endsAt = start.plusHours(8).toInstant();
        });
    }

    @Test
    void listShowsUpcomingEventsInKoreanByDefault() {
        Event event = startingAtTen(40);
        String when = DateTimeFormatter.ofPattern("yyyy년 M월 d일 (E) a h:mm", Locale.KOREAN).format(TestEvents.tenAmKst(40));
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(allOf(containsString("<html lang=\"ko\">"),
                        containsString("name=\"viewport\""),
                        containsString(event.titleKo),
                        containsString(when),
                        containsString("href=\"/events/" + event.slug + "\""),
                        containsString("다가오는 행사")));
    }

    @Test
    void listFollowsAcceptLanguageEnglish() {
        Event event = startingAtTen(40);
        String when = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy, h:mm a", Locale.ENGLISH).format(TestEvents.tenAmKst(40));
        given().header("Accept-Language", "en-US,en;q=0.9").when().get("/")
                .then().statusCode(200)
                .body(allOf(containsString("<html lang=\"en\">"),
                        containsString(event.title),
                        containsString(when),
                        containsString("Upcoming events"),
                        not(containsString("다가오는 행사"))));
    }

    @Test
    void endedEventsMoveToPastEventsBelowTheUpcomingOnesMostRecentFirst() {
        // Far ahead of every other test's events, so these are the most recently ended ones when the clock gets there.
        Event earlier = startingAtTen(4000);
        Event later = startingAtTen(4001);
        Event upcoming = startingAtTen(4030);
        String before = given().header("Accept-Language", "en").get("/").then().extract().asString();
        assertThat(before).contains(earlier.title, later.title);
        assertThat(before.indexOf(earlier.title)).as("upcoming: soonest first").isLessThan(before.indexOf(later.title));
        if (before.contains("Past events")) {
            assertThat(before.indexOf(later.title)).as("not yet among past events").isLessThan(before.indexOf("Past events"));
        }

        TestClock.get().set(later.endsAt.plus(Duration.ofHours(1)));
        String en = given().header("Accept-Language", "en").get("/").then().statusCode(200).extract().asString();
        assertThat(en).contains("Upcoming events", "Past events", upcoming.title, earlier.title, later.title, "Ended");
        assertThat(en.indexOf(upcoming.title)).as("upcoming above the past section").isLessThan(en.indexOf("Past events"));
        assertThat(en.indexOf("Past events")).isLessThan(en.indexOf(later.title));
        assertThat(en.indexOf(later.title)).as("most recently ended first").isLessThan(en.indexOf(earlier.title));

        String ko = given().header("Accept-Language", "ko").get("/").then().statusCode(200).extract().asString();
        assertThat(ko).contains("지난 행사", later.titleKo, "종료됨");
        assertThat(ko.indexOf("지난 행사")).isLessThan(ko.indexOf(later.titleKo));

        // An ended event's page still opens, and takes no sign-ups.
        given().header("Accept-Language", "en").get("/events/" + later.slug).then().statusCode(200)
                .body(not(containsString("action=\"/events/" + later.slug + "/registrations\"")));
    }

    @Test
    void langParameterWinsAndIsRememberedInACookie() {
        given().header("Accept-Language", "ko").queryParam("lang", "en").when().get("/")
                .then().statusCode(200)
                .cookie("lang", "en")
                .body(containsString("<html lang=\"en\">"));
        given().header("Accept-Language", "en").cookie("lang", "ko").when().get("/")
                .then().statusCode(200)
                .body(containsString("<html lang=\"ko\">"));
    }

    @Test
    void eventPageHasALabelledSignUpForm() {
        Event event = startingAtTen(40);
        given().header("Accept-Language", "en").when().get("/events/" + event.slug)
                .then().statusCode(200)
                .body(allOf(containsString("Test Hall"),
                        containsString("<label for=\"name\">Full name</label>"),
                        containsString("<label for=\"email\">Email</label>"),
                        containsString("<label for=\"affiliation\">Company or school</label>"),
                        containsString("<legend id=\"role\">Role</legend>"),
                        containsString("name=\"consent\""),
                        containsString("Retention"),
                        containsString("name=\"csrf-token\""),
                        containsString("action=\"/events/" + event.slug + "/registrations\"")));
    }

    @Test
    void unknownEventGetsAFriendly404InTheVisitorsLanguage() {
        given().header("Accept-Language", "ko").when().get("/events/no-such-event")
                .then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(allOf(containsString("페이지를 찾을 수 없습니다"), not(containsString("Exception"))));
        given().header("Accept-Language", "en").when().get("/events/no-such-event")
                .then().statusCode(404)
                .body(containsString("Page not found"));
    }

    @Test
    void theLanguageSwitchOnARedisplayedFormKeepsTheLanguage() {
        Event event = startingAtTen(40);
        given().redirects().follow(false).queryParam("lang", "en").get("/events/" + event.slug + "/registrations")
                .then().statusCode(303)
                .header("Location", containsString("/events/" + event.slug + "?lang=en"));
    }
}
