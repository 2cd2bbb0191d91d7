package eventdesk.event;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

@QuarkusTest
class EventApiTest {

    @Test
    void listsSeedEventsWithTheSpecFieldsAndTypes() {
        given().when().get("/api/events")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("slug", hasItems("founders-day-2027", "devday-exchange-2027"))
                .body("find { it.slug == 'founders-day-2027' }.title", equalTo("Founders Day Seoul 2027"))
                .body("find { it.slug == 'founders-day-2027' }.titleKo", equalTo("파운더스 데이 서울 2027"))
                .body("find { it.slug == 'founders-day-2027' }.startsAt", equalTo("2027-03-18T10:00:00+09:00"))
                .body("find { it.slug == 'founders-day-2027' }.endsAt", equalTo("2027-03-18T18:00:00+09:00"))
                .body("find { it.slug == 'founders-day-2027' }.venue", equalTo("COEX Conference Room 300"))
                .body("find { it.slug == 'founders-day-2027' }.capacity", equalTo(300))
                .body("find { it.slug == 'founders-day-2027' }.seatsLeft", lessThanOrEqualTo(300))
                .body("find { it.slug == 'founders-day-2027' }.waitlistCount", instanceOf(Integer.class))
                .body("find { it.slug == 'founders-day-2027' }.registrationOpen", equalTo(true))
                .body("find { it.slug == 'founders-day-2027' }.status", equalTo("published"));
    }

    @Test
    void oneEventBySlugAndProblemJsonForUnknown() {
        given().when().get("/api/events/devday-exchange-2027")
                .then().statusCode(200)
                .body("slug", equalTo("devday-exchange-2027"))
                .body("titleKo", equalTo("데브데이 익스체인지 서울 2027"))
                .body("capacity", equalTo(120));
        given().when().get("/api/events/nope")
                .then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404));
    }

    @Test
    void openApiDescribesTheApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("/api/events/{slug}/registrations"));
    }
}
