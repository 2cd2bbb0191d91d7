package eventdesk.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class OperationsTest {

    @Test
    void healthIsUpAndReadinessChecksTheDatabase() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void prometheusMetricsCountSignUpsAndMails() {
        eventdesk.event.Event event = eventdesk.testing.TestEvents.create(5, true);
        given().contentType("application/json").body(eventdesk.testing.TestEvents.signUpJson("M", "metrics@example.com"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
        given().auth().preemptive().basic("admin", "admin").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("eventdesk_outbox_pending"))
                .body(containsString("eventdesk_signups_total{outcome=\"pending\"}"));
    }

    @Test
    void unexpectedPathsGetA404PageWithoutTrace() {
        given().header("Accept-Language", "en").when().get("/no/such/page")
                .then().statusCode(404)
                .body(containsString("Page not found"));
    }
}
