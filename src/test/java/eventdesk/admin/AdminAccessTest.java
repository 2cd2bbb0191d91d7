package eventdesk.admin;

import eventdesk.event.Event;
import eventdesk.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class AdminAccessTest {

    @Test
    void strangersGetTheLoginPageOrA401NeverData() {
        Event event = TestEvents.create(5, true);
        given().redirects().follow(false).get("/admin").then().statusCode(302)
                .header("Location", containsString("/admin/login"));
        given().redirects().follow(false).get("/admin/events/" + event.slug + "/attendees.csv?reason=badges").then().statusCode(302);
        given().get("/api/admin/events/" + event.slug + "/registrations").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        given().redirects().follow(false).get("/admin/checkin/some-code").then().statusCode(302);
        given().header("Accept-Language", "ko").get("/admin/login").then().statusCode(200)
                .body(containsString("주최자 로그인")).body(containsString("name=\"j_password\""));
    }

    @Test
    void wrongPasswordsAreRefused() {
        Event event = TestEvents.create(5, true);
        given().auth().preemptive().basic("admin", "wrong").get("/api/admin/events/" + event.slug + "/registrations")
                .then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong-again").get("/api/admin/events/" + event.slug + "/registrations")
                .then().statusCode(401);
        given().auth().preemptive().basic("nobody", "admin").get("/admin").then().statusCode(401);
    }

    @Test
    void basicAuthWorksForScriptsAndPages() {
        Event event = TestEvents.named(TestEvents.create(5, true));
        given().auth().preemptive().basic("admin", "admin").get("/api/admin/events/" + event.slug + "/registrations")
                .then().statusCode(200).contentType(containsString("json"));
        given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en").get("/admin")
                .then().statusCode(200).body(containsString("Events and live counts")).body(containsString(event.title));
    }

    @Test
    void formLoginSetsAnHttpOnlySessionCookieAndLogoutEndsIt() {
        Response bad = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", "nope").post("/j_security_check");
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(bad.header("Location")).contains("/admin/login?error=true");
        assertThat(bad.getCookie("quarkus-credential")).isNull();

        Response ok = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", "admin").post("/j_security_check");
        assertThat(ok.statusCode()).isEqualTo(302);
        String setCookie = ok.headers().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("quarkus-credential=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String session = ok.getCookie("quarkus-credential");
        given().cookie("quarkus-credential", session).header("Accept-Language", "en").get("/admin")
                .then().statusCode(200).body(containsString("Events and live counts"))
                .body(containsString("action=\"/admin/logout\""));
    }
}
