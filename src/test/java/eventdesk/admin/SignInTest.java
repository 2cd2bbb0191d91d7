package eventdesk.admin;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLogEntry;
import eventdesk.team.Account;
import eventdesk.team.AccountStatus;
import eventdesk.team.Role;
import eventdesk.team.Totp;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static eventdesk.admin.Organizers.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Signing in by account: email and password, then the authenticator's code when the account has one
 * (each code taken once); the session ends at once when its account is disabled, after the idle timeout
 * and 12 hours after sign-in; HTTP Basic is the bootstrap owner's alone; sign-ins go to the access log.
 */
@QuarkusTest
class SignInTest extends RestoresTestClock {

    @Inject
    SignInGuard guard;

    @AfterEach
    void noCountsForOtherTests() {
        guard.forget();
    }

    @Test
    void aPasswordThenTheAppsCodeSignIn() {
        Account a = Organizers.create(Role.OWNER, null, true);
        Response first = Organizers.password(a.email.toUpperCase(), PASSWORD);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.header("Location")).isEqualTo("/admin/login/code");
        assertThat(first.getCookie("quarkus-credential")).as("no session before the code").isNull();
        String challenge = first.getCookie(OrganizerIdentity.CHALLENGE_COOKIE);
        assertThat(challenge).isNotNull();
        String setCookie = first.headers().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(OrganizerIdentity.CHALLENGE_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");

        given().cookie(OrganizerIdentity.CHALLENGE_COOKIE, challenge).header("Accept-Language", "en").get("/admin/login/code")
                .then().statusCode(200).body(containsString("name=\"j_password\""))
                .body(containsString("value=\"" + OrganizerIdentity.SECOND_FACTOR + "\""))
                .body(org.hamcrest.Matchers.not(containsString("totp-key")));

        Response wrong = Organizers.code(challenge, "000000".equals(Organizers.codeNow(a.totpSecret)) ? "111111" : "000000");
        assertThat(wrong.header("Location")).isEqualTo("/admin/login/code?error=true");
        assertThat(wrong.getCookie("quarkus-credential")).isNull();

        Response signedIn = Organizers.code(challenge, Organizers.codeNow(a.totpSecret));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/admin");
        String session = signedIn.getCookie("quarkus-credential");
        assertThat(session).isNotNull();
        Organizers.page(session, "/admin").then().statusCode(200).body(containsString("Events and live counts"));
        assertThat(Organizers.code(challenge, Organizers.codeNow(a.totpSecret)).header("Location"))
                .as("the challenge is used up").endsWith("/admin/login?error=true");

        assertThat(Organizers.reload(a.id).lastSignInAt).isNotNull();
        List<AccessLogEntry> log = entriesOf(a.email);
        assertThat(log).extracting(e -> e.action).containsExactly(AccessAction.SIGN_IN_FAILED, AccessAction.SIGN_IN);
        assertThat(log.get(1).address).isEqualTo("127.0.0.1");
    }

    @Test
    void eachCodeIsTakenOnceAndALaterOneStillWorks() {
        Account a = Organizers.create(Role.OWNER, null, true);
        String code = Organizers.codeNow(a.totpSecret);
        String challenge = Organizers.password(a.email, PASSWORD).getCookie(OrganizerIdentity.CHALLENGE_COOKIE);
        assertThat(Organizers.code(challenge, code).getCookie("quarkus-credential")).isNotNull();

        String again = Organizers.password(a.email, PASSWORD).getCookie(OrganizerIdentity.CHALLENGE_COOKIE);
        Response replay = Organizers.code(again, code);
        assertThat(replay.getCookie("quarkus-credential")).as("the same code a second time").isNull();
        assertThat(replay.header("Location")).isEqualTo("/admin/login/code?error=true");
        String next = Totp.codeAt(a.totpSecret, TestClock.now().plusSeconds(Totp.STEP_SECONDS));
        assertThat(Organizers.code(again, next).getCookie("quarkus-credential")).as("the next step's code").isNotNull();
    }

    @Test
    void aWrongPasswordOrAnUnknownEmailGetsTheSameAnswer() {
        Account a = Organizers.create(Role.OWNER, null, true);
        Response wrong = Organizers.password(a.email, "not the password");
        Response unknown = Organizers.password("nobody-" + a.email, PASSWORD);
        for (Response r : List.of(wrong, unknown)) {
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.header("Location")).endsWith("/admin/login?error=true");
            assertThat(r.getCookie(OrganizerIdentity.CHALLENGE_COOKIE)).isNull();
        }
        assertThat(entriesOf(a.email)).extracting(e -> e.action).containsExactly(AccessAction.SIGN_IN_FAILED);
    }

    @Test
    void anAccountWithoutAnAppSignsInWithItsPasswordWhileNoSecondFactorIsRequired() {
        Account a = Organizers.create(Role.OWNER, null, false);
        Response r = Organizers.password(a.email, PASSWORD);
        assertThat(r.header("Location")).endsWith("/admin");
        Organizers.page(r.getCookie("quarkus-credential"), "/admin").then().statusCode(200);
    }

    @Test
    void disablingAnAccountEndsItsSessionsAtOnce() {
        Account a = Organizers.create(Role.OWNER, null, false);
        String session = Organizers.password(a.email, PASSWORD).getCookie("quarkus-credential");
        Organizers.page(session, "/admin").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> Account.update("status = ?1 where id = ?2", AccountStatus.DISABLED, a.id));
        Organizers.page(session, "/admin").then().statusCode(302).header("Location", containsString("/admin/login"));
        assertThat(Organizers.password(a.email, PASSWORD).getCookie("quarkus-credential")).as("nor can it sign in").isNull();
    }

    @Test
    void aSessionEndsAfterTheIdleTimeoutAndTwelveHoursAfterSignIn() {
        Account a = Organizers.create(Role.OWNER, null, false);
        String session = Organizers.password(a.email, PASSWORD).getCookie("quarkus-credential");
        TestClock.get().advance(Duration.ofMinutes(29));
        Organizers.page(session, "/admin").then().statusCode(200);
        TestClock.get().advance(Duration.ofMinutes(31));
        Organizers.page(session, "/admin").then().statusCode(302);

        String busy = Organizers.password(a.email, PASSWORD).getCookie("quarkus-credential");
        for (int i = 0; i < 28; i++) {
            TestClock.get().advance(Duration.ofMinutes(25));
            Organizers.page(busy, "/admin").then().statusCode(200);
        }
        TestClock.get().advance(Duration.ofMinutes(25));
        assertThat(Organizers.page(busy, "/admin").statusCode()).as("12 h 5 min after sign-in").isEqualTo(302);
    }

    @Test
    void theCookieOfAnEndedSessionLeadsToTheLoginPageAndLeavesPublicPagesAlone() {
        Account a = Organizers.create(Role.OWNER, null, false);
        String session = Organizers.password(a.email, PASSWORD).getCookie("quarkus-credential");
        TestClock.get().advance(Duration.ofMinutes(31));
        Organizers.page(session, "/admin").then().statusCode(302).header("Location", containsString("/admin/login"));
        Organizers.page(session, "/admin/login").then().statusCode(200);
        Organizers.page(session, "/").then().statusCode(200);
        Organizers.page(session, "/api/events").then().statusCode(200);
    }

    @Test
    void aSignedInDoorVolunteerLandsOnTheCheckInScreenAndNowhereElse() {
        Account door = Organizers.create(Role.DOOR, Set.of("some-event"), false);
        String session = Organizers.password(door.email, PASSWORD).getCookie("quarkus-credential");
        assertThat(session).isNotNull();
        Organizers.page(session, "/admin").then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/admin/checkin"));
        Organizers.page(session, "/admin/checkin").then().statusCode(200);
        Organizers.page(session, "/admin/events/some-event").then().statusCode(403);
    }

    @Test
    void httpBasicIsTheBootstrapOwnersAlone() {
        Account other = Organizers.create(Role.OWNER, null, false);
        given().auth().preemptive().basic(other.email, PASSWORD).get("/admin").then().statusCode(401);
        given().auth().preemptive().basic("admin", "admin").get("/admin").then().statusCode(200);
        assertThat(given().auth().preemptive().basic("organizer@example.com", "admin").get("/admin").statusCode())
                .as("by its email too").isEqualTo(200);
    }

    static List<AccessLogEntry> entriesOf(String account) {
        return QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.<AccessLogEntry>list("account = ?1 order by id", account));
    }
}
