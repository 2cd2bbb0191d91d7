package eventdesk.checkin;

import eventdesk.admin.Organizers;
import eventdesk.event.Event;
import eventdesk.registration.AccessToken;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.team.Account;
import eventdesk.team.Role;
import eventdesk.testing.Forms;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * A door volunteer given one event: the check-in screen of that event only, people found by name, affiliation
 * or ticket reference with their ticket type and status but never their email, and no check-in of another
 * event's ticket. A manager of one event sees only that event on the dashboard.
 */
@QuarkusTest
class DoorScopeTest {

    @Test
    void aDoorVolunteerSeesAndChecksInOnlyTheirEventAndNeverAnEmail() {
        Event door = TestEvents.named(TestEvents.create(5, true));
        Event elsewhere = TestEvents.named(TestEvents.create(5, true));
        long mine = TestEvents.insert(door, "Seo Jiwoo", "jiwoo.door@example.com", "Toss", RegistrationStatus.CONFIRMED);
        long theirs = TestEvents.insert(elsewhere, "Seo Jihan", "jihan.door@example.com", "Toss", RegistrationStatus.CONFIRMED);
        String session = signIn(Role.DOOR, Set.of(door.slug));

        given().redirects().follow(false).cookie("quarkus-credential", session).get("/admin").then().statusCode(303)
                .header("Location", containsString("/admin/checkin"));
        String screen = page(session, "/admin/checkin?q=Seo");
        assertThat(screen).contains(door.title).doesNotContain(elsewhere.title)
                .contains("Seo Jiwoo").contains("Toss").doesNotContain("Seo Jihan")
                .doesNotContain("jiwoo.door@example.com").doesNotContain("href=\"/admin\"").doesNotContain("/admin/events/new");
        assertThat(page(session, "/admin/checkin?q=jiwoo.door")).as("a door volunteer cannot search by email").doesNotContain("Seo Jiwoo");

        Forms.submitWithSession(session, "/admin/checkin", "/admin/checkin", Map.of("registration", String.valueOf(theirs)), "en")
                .then().statusCode(403).body(containsString("Not for your role"));
        Forms.submitWithSession(session, "/admin/checkin", "/admin/checkin", Map.of("code", token(theirs)), "en")
                .then().statusCode(403).body(not(containsString("Seo Jihan")));
        given().cookie("quarkus-credential", session).get("/admin/checkin/" + token(theirs)).then().statusCode(403)
                .body(not(containsString("Seo Jihan")));
        assertThat(checkedIn(theirs)).as("another event's ticket").isFalse();

        given().cookie("quarkus-credential", session).header("Accept-Language", "en").get("/admin/checkin/" + token(mine))
                .then().statusCode(200).body(containsString("Seo Jiwoo")).body(not(containsString("jiwoo.door@example.com")));
        Forms.submitWithSession(session, "/admin/checkin", "/admin/checkin", Map.of("code", token(mine), "event", door.slug), "en")
                .then().statusCode(200).body(containsString("Checked in"));
        assertThat(checkedIn(mine)).isTrue();
        given().redirects().follow(false).cookie("quarkus-credential", session).get("/admin/events/" + door.slug + "/attendees.csv?reason=badges")
                .then().statusCode(403);
    }

    @Test
    void theDoorsSearchIsLabelledWithoutEmailSaysWhenNoOneMatchesAndTheRecoveryPageLeadsToTheDoor() {
        Event door = TestEvents.named(TestEvents.create(5, true));
        String volunteer = signIn(Role.DOOR, Set.of(door.slug));
        assertThat(page(volunteer, "/admin/checkin")).contains("Or search by name or affiliation")
                .doesNotContain("Or search by name or email").doesNotContain("No one matches");
        assertThat(page(volunteer, "/admin/checkin?q=<b>Nobody</b>"))
                .contains("No one matches “&lt;b&gt;Nobody&lt;/b&gt;”.").doesNotContain("<b>Nobody");
        assertThat(page(volunteer, "/admin/login/recovery-codes")).contains("<a href=\"/admin/checkin\">Go to check-in</a>")
                .doesNotContain("Go to the dashboard");

        String manager = signIn(Role.MANAGER, Set.of(door.slug));
        assertThat(page(manager, "/admin/checkin")).contains("Or search by name or email");
        assertThat(page(manager, "/admin/login/recovery-codes")).contains("<a href=\"/admin\">Go to the dashboard</a>");
    }

    @Test
    void aManagerOfOneEventSeesOnlyItOnTheDashboardAndCannotStartANewOne() {
        Event managed = TestEvents.named(TestEvents.create(5, true));
        Event elsewhere = TestEvents.named(TestEvents.create(5, true));
        String session = signIn(Role.MANAGER, Set.of(managed.slug));
        assertThat(page(session, "/admin")).contains(managed.title).doesNotContain(elsewhere.title).doesNotContain("/admin/events/new");
        given().redirects().follow(false).cookie("quarkus-credential", session).get("/admin/events/new").then().statusCode(403);
        given().redirects().follow(false).cookie("quarkus-credential", session).get("/admin/events/" + managed.slug).then().statusCode(200);
        given().redirects().follow(false).cookie("quarkus-credential", session).get("/admin/events/" + elsewhere.slug).then().statusCode(403);
        given().cookie("quarkus-credential", session).header("Accept-Language", "ko").get("/admin/events/" + elsewhere.slug)
                .then().statusCode(403).body(containsString("권한이 없습니다")).body(containsString("href=\"/admin\""));
    }

    private static String signIn(Role role, Set<String> events) {
        Account a = Organizers.create(role, events, false);
        return Organizers.password(a.email, Organizers.PASSWORD).getCookie("quarkus-credential");
    }

    private static String page(String session, String path) {
        return given().cookie("quarkus-credential", session).header("Accept-Language", "en").get(path).then().statusCode(200).extract().asString();
    }

    private static boolean checkedIn(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(id).checkedInAt != null);
    }

    private static String token(long id) {
        return QuarkusTransaction.requiringNew().call(() -> AccessToken.issue(Registration.findById(id), AccessToken.Purpose.CHECKIN, TestClock.now()));
    }
}
