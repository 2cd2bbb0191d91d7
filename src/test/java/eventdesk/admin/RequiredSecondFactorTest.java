package eventdesk.admin;

import eventdesk.team.Account;
import eventdesk.team.Role;
import eventdesk.testing.BehindTrustedProxy;
import eventdesk.testing.TestClock;
import eventdesk.team.Totp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static eventdesk.admin.Organizers.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * With eventdesk.admin.require-2fa on (production's default, as in {@link BehindTrustedProxy}): an account without an authenticator sets
 * one up at sign-in (QR code and key on the page, then a code of it), then makes its recovery codes; a
 * recovery code signs in once in place of the app's code. Scripts keep HTTP Basic for the bootstrap owner.
 */
@QuarkusTest
@TestProfile(BehindTrustedProxy.class)
class RequiredSecondFactorTest {

    static final Pattern KEY = Pattern.compile("<code id=\"totp-key\">([A-Z2-7 ]+)</code>");
    static final Pattern QR = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
    static final Pattern RECOVERY = Pattern.compile("<li><code>([A-Z2-7-]{19})</code></li>");
    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    SignInGuard guard;

    @AfterEach
    void noCountsForOtherTests() {
        guard.forget();
    }

    @Test
    void anAccountWithoutAnAppSetsOneUpThenMakesRecoveryCodes() {
        Account a = Organizers.create(Role.MANAGER, null, false);
        Response password = Organizers.password(a.email, PASSWORD);
        assertThat(password.header("Location")).isEqualTo("/admin/login/code");
        String challenge = password.getCookie(OrganizerIdentity.CHALLENGE_COOKIE);
        String page = given().cookie(OrganizerIdentity.CHALLENGE_COOKIE, challenge).header("Accept-Language", "en")
                .get("/admin/login/code").then().statusCode(200).extract().asString();
        Matcher key = KEY.matcher(page);
        assertThat(key.find()).as("the key as text").isTrue();
        assertThat(QR.matcher(page).find()).as("the QR code").isTrue();
        String secret = key.group(1).replace(" ", "");
        assertThat(Organizers.reload(a.id).twoFactor()).as("nothing is kept before a code of it is given").isFalse();

        Response enrolled = Organizers.code(challenge, Totp.codeAt(secret, TestClock.now()));
        assertThat(enrolled.header("Location")).isEqualTo(RecoveryCodesResource.PAGE);
        String session = enrolled.getCookie("quarkus-credential");
        assertThat(session).isNotNull();
        assertThat(Organizers.reload(a.id).totpSecret).isEqualTo(secret);

        Response codesPage = Organizers.page(session, RecoveryCodesResource.PAGE);
        assertThat(codesPage.statusCode()).isEqualTo(200);
        Matcher field = CSRF.matcher(codesPage.asString());
        assertThat(field.find()).isTrue();
        String made = given().redirects().follow(false).cookie("quarkus-credential", session)
                .cookie("csrf-token", codesPage.getCookie("csrf-token")).header("Accept-Language", "en")
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", field.group(1))
                .post(RecoveryCodesResource.PAGE).then().statusCode(200).header("Cache-Control", containsString("no-store"))
                .extract().asString();
        List<String> codes = new ArrayList<>();
        for (Matcher m = RECOVERY.matcher(made); m.find(); ) codes.add(m.group(1));
        assertThat(codes).hasSize(10);

        String next = Organizers.password(a.email, PASSWORD).getCookie(OrganizerIdentity.CHALLENGE_COOKIE);
        given().cookie(OrganizerIdentity.CHALLENGE_COOKIE, next).get("/admin/login/code").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("totp-key")));
        assertThat(Organizers.code(next, codes.get(3)).getCookie("quarkus-credential")).as("a recovery code").isNotNull();
        String again = Organizers.password(a.email, PASSWORD).getCookie(OrganizerIdentity.CHALLENGE_COOKIE);
        assertThat(Organizers.code(again, codes.get(3)).getCookie("quarkus-credential")).as("the same one again").isNull();
    }

    @Test
    void theBootstrapOwnerIsAskedToSetUpAnAppButScriptsKeepHttpBasic() {
        Response password = Organizers.password("admin", "admin");
        assertThat(password.header("Location")).isEqualTo("/admin/login/code");
        assertThat(password.getCookie("quarkus-credential")).isNull();
        given().cookie(OrganizerIdentity.CHALLENGE_COOKIE, password.getCookie(OrganizerIdentity.CHALLENGE_COOKIE))
                .header("Accept-Language", "ko").get("/admin/login/code").then().statusCode(200)
                .body(containsString("인증 앱 설정")).body(containsString("totp-key"));
        given().auth().preemptive().basic("admin", "admin").get("/admin").then().statusCode(200);
    }

    @Test
    void theCodePageNeedsAChallengeAndAChallengeTakesFiveWrongCodes() {
        given().redirects().follow(false).get("/admin/login/code").then().statusCode(303)
                .header("Location", containsString("/admin/login"));
        Account a = Organizers.create(Role.OWNER, null, true);
        String challenge = Organizers.password(a.email, PASSWORD).getCookie(OrganizerIdentity.CHALLENGE_COOKIE);
        String wrong = "000000".equals(Organizers.codeNow(a.totpSecret)) ? "111111" : "000000";
        for (int i = 0; i < SignInChallenge.ATTEMPTS; i++) {
            assertThat(Organizers.code(challenge, wrong).header("Location")).isEqualTo("/admin/login/code?error=true");
        }
        Response dead = Organizers.code(challenge, Organizers.codeNow(a.totpSecret));
        assertThat(dead.getCookie("quarkus-credential")).isNull();
        assertThat(dead.header("Location")).endsWith("/admin/login?error=true");
    }
}
