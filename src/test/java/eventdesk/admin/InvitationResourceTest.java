package eventdesk.admin;

import eventdesk.team.Account;
import eventdesk.team.AccountStatus;
import eventdesk.testing.Forms;
import eventdesk.testing.OutboxParams;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class InvitationResourceTest {

    /** Invites a new DOOR member through the API; returns the path of the mailed link. */
    private static String invite(String email) {
        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body(Map.of("email", email, "name", "Park Minji", "role", "DOOR")).post("/api/admin/members")
                .then().statusCode(201);
        String link = OutboxParams.of("TEAM_INVITATION", email).get("link");
        return link.substring("http://localhost:8080".length());
    }

    @Test
    void anInvitedMemberChoosesAPasswordThenSetsUpTheAppAndIsSignedInAndTheLinkWorksOnce() {
        String email = "invited-" + UUID.randomUUID() + "@example.com";
        String path = invite(email);
        assertThat(path).startsWith("/admin/invitation/");

        given().header("Accept-Language", "ko").get(path).then().statusCode(200)
                .body(containsString("주최자 팀 가입")).body(containsString(email));
        Response tooShort = Forms.submit(path, path, Map.of("password", "short", "repeat", "short"), "en");
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.asString()).contains("12 to 200 characters");
        Response mismatch = Forms.submit(path, path, Map.of("password", Organizers.PASSWORD, "repeat", "something else entirely"), "en");
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.asString()).contains("The two passwords differ");

        Response joined = Forms.submit(path, path, Map.of("password", Organizers.PASSWORD, "repeat", Organizers.PASSWORD), "en");
        assertThat(joined.statusCode()).isEqualTo(303);
        assertThat(joined.header("Location")).endsWith(SecondFactorResource.CODE_PAGE);
        String challenge = joined.getCookie(OrganizerIdentity.CHALLENGE_COOKIE);
        assertThat(challenge).isNotNull();
        given().cookie(OrganizerIdentity.CHALLENGE_COOKIE, challenge).header("Accept-Language", "en")
                .get(SecondFactorResource.CODE_PAGE).then().statusCode(200).body(containsString("id=\"totp-key\""));

        Account account = QuarkusTransaction.requiringNew().call(() -> Account.byEmail(email).orElseThrow());
        assertThat(account.status).isEqualTo(AccountStatus.ACTIVE);
        String key = QuarkusTransaction.requiringNew().call(() ->
                SignInChallenge.<SignInChallenge>find("accountId", account.id).firstResult().enrollSecret);
        Response signedIn = Organizers.code(challenge, Organizers.codeNow(key));
        assertThat(signedIn.getCookie("quarkus-credential")).isNotNull();
        assertThat(Organizers.reload(account.id).twoFactor()).isTrue();
        assertThat(Organizers.reload(account.id).lastSignInAt).isNotNull();

        given().header("Accept-Language", "en").get(path).then().statusCode(404).body(containsString("no longer works"));
        assertThat(Organizers.reload(account.id).passwordMatches(Organizers.PASSWORD)).isTrue();
    }

    @Test
    void aJoinWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        String email = "invited-" + UUID.randomUUID() + "@example.com";
        String path = invite(email);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("password", Organizers.PASSWORD).formParam("repeat", Organizers.PASSWORD).post(path)
                .then().statusCode(400);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.byEmail(email).orElseThrow().status))
                .isEqualTo(AccountStatus.INVITED);
    }
}
