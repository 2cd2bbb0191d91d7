package eventdesk.admin;

import eventdesk.team.Account;
import eventdesk.team.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class DisabledMemberTest {

    @Test
    void disablingAMemberThroughTheApiRefusesTheirSessionCookieAtOnce() {
        Account member = Organizers.create(Role.OWNER, null, false);
        Response signIn = Organizers.password(member.email, Organizers.PASSWORD);
        String session = signIn.getCookie("quarkus-credential");
        assertThat(session).isNotNull();
        assertThat(Organizers.page(session, "/admin").statusCode()).isEqualTo(200);

        given().auth().preemptive().basic("admin", "admin").post("/api/admin/members/" + member.id + "/disable")
                .then().statusCode(200);

        Response after = Organizers.page(session, "/admin");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.header("Location")).contains("/admin/login");
    }
}
