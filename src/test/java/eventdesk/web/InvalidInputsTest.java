package eventdesk.web;

import eventdesk.event.Event;
import eventdesk.testing.Forms;
import eventdesk.testing.TestEvents;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * One way to refuse input: a page gets its form again with 422, what was typed and each error beside
 * its field; the API gets problem+json 400 naming each field. Nothing is changed either way.
 */
@QuarkusTest
class InvalidInputsTest {

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en");
    }

    @Test
    void refusedCodesComeBackOnTheirPageWithWhatWasTypedAndEachErrorBesideItsField() {
        Event event = TestEvents.create(5, true);
        String page = "/admin/events/" + event.slug + "/codes";
        Response refused = Forms.submitAsAdmin(page, page, Map.of("count", "many", "email", "not-an-address",
                "expiresAt", "soon"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("text/html");
        TicketMsg tix = MessageBundles.get(TicketMsg.class, Localized.Literal.of("en"));
        Msg msg = MessageBundles.get(Msg.class, Localized.Literal.of("en"));
        assertThat(refused.asString()).contains("id=\"count-error\"", "value=\"many\"", tix.error_code_count(),
                "id=\"email-error\"", "value=\"not-an-address\"", msg.error_invalid_email(),
                "id=\"expiresAt-error\"", "value=\"soon\"", msg.error_datetime(), "name=\"csrf-token\"");
        admin().get("/api/admin/events/" + event.slug + "/codes").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void theApiNamesEachRefusedFieldInProblemJson() {
        Event event = TestEvents.create(5, true);
        admin().contentType("application/json").body("{\"count\": 0, \"email\": \"not-an-address\"}")
                .post("/api/admin/events/" + event.slug + "/codes").then().statusCode(400)
                .contentType(containsString("problem+json")).body("title", equalTo("Invalid codes"))
                .body("errors.field", hasItems("count", "email"));
        admin().contentType("application/json").body("{\"subject\": \"Hi\"}")
                .post("/api/admin/events/" + event.slug + "/messages").then().statusCode(400)
                .contentType(containsString("problem+json")).body("title", equalTo("Invalid message"))
                .body("errors.field", hasItems("group", "body", "idempotencyKey"));
        admin().get("/api/admin/events/" + event.slug + "/codes").then().statusCode(200).body("size()", equalTo(0));
    }
}
