package eventdesk.event;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class EventResourceTest {

    @Test
    void listShowsBothSeedEventsInKoreanByDefault() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(allOf(containsString("<html lang=\"ko\">"),
                        containsString("name=\"viewport\""),
                        containsString("파운더스 데이 서울 2027"),
                        containsString("데브데이 익스체인지 서울 2027"),
                        containsString("2027년 3월 18일 (목) 오전 10:00"),
                        containsString("다가오는 행사")));
    }

    @Test
    void listFollowsAcceptLanguageEnglish() {
        given().header("Accept-Language", "en-US,en;q=0.9").when().get("/")
                .then().statusCode(200)
                .body(allOf(containsString("<html lang=\"en\">"),
                        containsString("Founders Day Seoul 2027"),
                        containsString("DevDay Exchange Seoul 2027"),
                        containsString("Thu, Mar 18, 2027, 10:00 AM"),
                        containsString("Upcoming events"),
                        not(containsString("다가오는 행사"))));
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
        given().header("Accept-Language", "en").when().get("/events/founders-day-2027")
                .then().statusCode(200)
                .body(allOf(containsString("COEX"),
                        containsString("<label for=\"name\">Full name</label>"),
                        containsString("<label for=\"email\">Email</label>"),
                        containsString("<label for=\"affiliation\">Company or school</label>"),
                        containsString("<legend id=\"role\">Role</legend>"),
                        containsString("name=\"consent\""),
                        containsString("Retention"),
                        containsString("name=\"csrf-token\""),
                        containsString("action=\"/events/founders-day-2027/registrations\"")));
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
        given().redirects().follow(false).queryParam("lang", "en").get("/events/founders-day-2027/registrations")
                .then().statusCode(303)
                .header("Location", containsString("/events/founders-day-2027?lang=en"));
    }
}
