package eventdesk.admin;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLogEntry;
import eventdesk.event.Event;
import eventdesk.team.Account;
import eventdesk.team.AccountStatus;
import eventdesk.team.ApiToken;
import eventdesk.team.InvitationMail;
import eventdesk.team.Role;
import eventdesk.testing.Forms;
import eventdesk.testing.OutboxParams;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class TeamPagesTest {

    static final String OWNER = "organizer@example.com";

    static Response asOwner(String path, String lang) {
        return given().auth().preemptive().basic("admin", "admin").header("Accept-Language", lang).get(path);
    }

    static String newEmail() {
        return "page-member-" + UUID.randomUUID() + "@example.com";
    }

    static List<AccessLogEntry> entries(AccessAction action, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.<AccessLogEntry>list(
                "action = ?1 and reason like ?2", action, "%" + subject + "%"));
    }

    static Optional<Account> account(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Account.byEmail(email));
    }

    @Test
    void anOwnerSeesTheTeamWithEachMembersRoleEventsStatusAndSecondFactorInBothLanguages() {
        Event event = TestEvents.named(TestEvents.create(5, true));
        Account door = Organizers.create(Role.DOOR, java.util.Set.of(event.slug), true);

        String en = asOwner("/admin/team", "en").then().statusCode(200).extract().asString();
        assertThat(en).as("the events to choose from, by title").contains("<option value=\"" + event.slug + "\">"
                + event.title + " (" + event.slug + ")</option>");
        assertThat(en).contains("Team", door.email, "Door", event.slug, "Active", "Set up", "Never", OWNER, "Owner", "All events",
                "Invite someone", "name=\"csrf-token\"", "href=\"/admin/team/tokens\"", "href=\"/admin/audit\"");
        String ko = asOwner("/admin/team", "ko").then().statusCode(200).extract().asString();
        assertThat(ko).contains("팀", "출입 담당", "활성", "설정됨", "모든 행사", "초대하기");

        assertThat(asOwner("/admin/team/members/" + door.id, "en").then().statusCode(200).extract().asString())
                .contains(door.email, "Change role and events", "Disable account", "Reset authenticator app");
        assertThat(asOwner("/admin", "en").then().statusCode(200).extract().asString())
                .contains("href=\"/admin/team\"", "href=\"/admin/audit\"", "href=\"/admin/audit/downloads\"");
    }

    @Test
    void invitingOnThePageMakesAnInvitedMemberWithAMailAndOneLogEntry() {
        Event event = TestEvents.create(5, true);
        String email = newEmail();
        Response answer = Forms.submitAsAdmin("/admin/team", "/admin/team",
                Map.of("email", email, "name", "Park Minji", "role", "MANAGER", "events", List.of(event.slug)));
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/admin/team?done=invited");

        Account invited = account(email).orElseThrow();
        assertThat(invited.status).isEqualTo(AccountStatus.INVITED);
        assertThat(invited.role).isEqualTo(Role.MANAGER);
        assertThat(invited.allEvents).isFalse();
        assertThat(invited.events).containsExactly(event.slug);
        assertThat(OutboxParams.of(InvitationMail.Kind.TEAM_INVITATION.name(), email).get("link"))
                .startsWith("http://localhost:8080/admin/invitation/");
        assertThat(entries(AccessAction.MEMBER_INVITED, email)).singleElement().satisfies(e -> {
            assertThat(e.account).isEqualTo(OWNER);
            assertThat(e.address).isEqualTo("127.0.0.1");
        });
        assertThat(asOwner("/admin/team?done=invited", "en").asString()).contains("Invitation sent", email, "Invited");
    }

    @Test
    void anInvitationForEveryEventOrAsOwnerNeedsNoEventList() {
        String door = newEmail();
        Forms.submitAsAdmin("/admin/team", "/admin/team", Map.of("email", door, "name", "Any Door", "role", "DOOR", "events", "*"))
                .then().statusCode(303);
        assertThat(account(door).orElseThrow().allEvents).isTrue();
        String owner = newEmail();
        Forms.submitAsAdmin("/admin/team", "/admin/team", Map.of("email", owner, "name", "New Owner", "role", "OWNER"))
                .then().statusCode(303);
        assertThat(account(owner).orElseThrow().role).isEqualTo(Role.OWNER);
    }

    @Test
    void aRefusedInvitationShowsEachErrorOnThePageKeepsWhatWasTypedAndChangesNothing() {
        long accounts = QuarkusTransaction.requiringNew().call(() -> Account.count());
        String page = Forms.submitAsAdmin("/admin/team", "/admin/team",
                Map.of("email", "not-an-email", "name", "Kept Name", "role", "MANAGER")).then().statusCode(422).extract().asString();
        assertThat(page).contains("not-an-email", "Kept Name", "Choose at least one event, or All events.",
                "Enter a valid email address");

        page = Forms.submitAsAdmin("/admin/team", "/admin/team",
                Map.of("email", "not-an-email", "name", "Kept Name", "role", "MANAGER", "events", "*")).then().statusCode(422)
                .extract().asString();
        assertThat(page).contains("aria-invalid=\"true\"", "error-summary");

        String taken = newEmail();
        Forms.submitAsAdmin("/admin/team", "/admin/team", Map.of("email", taken, "name", "First", "role", "DOOR", "events", "*"))
                .then().statusCode(303);
        page = Forms.submitAsAdmin("/admin/team", "/admin/team",
                Map.of("email", taken.toUpperCase(), "name", "Second", "role", "DOOR", "events", "*")).then().statusCode(422)
                .extract().asString();
        assertThat(page).contains("This email already has an account.");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.count())).isEqualTo(accounts + 1);
        assertThat(entries(AccessAction.MEMBER_INVITED, taken)).hasSize(1);
    }

    @Test
    void changingRoleAndEventsOnThePageIsRecordedOnce() {
        Event event = TestEvents.create(5, true);
        Account member = Organizers.create(Role.DOOR, null, false);
        Forms.submitAsAdmin("/admin/team/members/" + member.id, "/admin/team/members/" + member.id,
                Map.of("role", "MANAGER", "events", List.of(event.slug))).then().statusCode(303);
        Account changed = Organizers.reload(member.id);
        assertThat(changed.role).isEqualTo(Role.MANAGER);
        assertThat(changed.events).containsExactly(event.slug);
        assertThat(entries(AccessAction.MEMBER_CHANGED, member.email)).hasSize(1);

        String refused = Forms.submitAsAdmin("/admin/team/members/" + member.id, "/admin/team/members/" + member.id,
                Map.of("role", "ADMIN", "events", "*")).then().statusCode(422).extract().asString();
        assertThat(refused).contains("Choose a role.");
        assertThat(Organizers.reload(member.id).role).isEqualTo(Role.MANAGER);
        assertThat(entries(AccessAction.MEMBER_CHANGED, member.email)).hasSize(1);
    }

    @Test
    void disablingOnThePageAsksFirstThenEndsTheMembersSessionsAtOnce() {
        Account member = Organizers.create(Role.OWNER, null, false);
        String session = Organizers.password(member.email, Organizers.PASSWORD).getCookie("quarkus-credential");
        assertThat(Organizers.page(session, "/admin").statusCode()).isEqualTo(200);
        String path = "/admin/team/members/" + member.id;

        String confirm = Forms.submitAsAdmin(path, path + "/disable", Map.of()).then().statusCode(200).extract().asString();
        assertThat(confirm).contains("Disable Test Organizer?", member.email, "name=\"confirmed\" value=\"true\"");
        assertThat(Organizers.reload(member.id).status).isEqualTo(AccountStatus.ACTIVE);
        assertThat(Organizers.page(session, "/admin").statusCode()).isEqualTo(200);

        Response done = Forms.submitAsAdmin(path, path + "/disable", Map.of("confirmed", "true"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).endsWith(path + "?done=disabled");
        assertThat(Organizers.reload(member.id).status).isEqualTo(AccountStatus.DISABLED);
        assertThat(entries(AccessAction.MEMBER_DISABLED, member.email)).singleElement()
                .satisfies(e -> assertThat(e.account).isEqualTo(OWNER));
        Response after = Organizers.page(session, "/admin");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.header("Location")).contains("/admin/login");
    }

    @Test
    void resettingTheSecondFactorOnThePageAsksFirst() {
        Account member = Organizers.create(Role.MANAGER, null, true);
        String path = "/admin/team/members/" + member.id;
        Forms.submitAsAdmin(path, path + "/reset-2fa", Map.of()).then().statusCode(200);
        assertThat(Organizers.reload(member.id).totpSecret).isNotNull();
        Forms.submitAsAdmin(path, path + "/reset-2fa", Map.of("confirmed", "true")).then().statusCode(303);
        assertThat(Organizers.reload(member.id).totpSecret).isNull();
        assertThat(entries(AccessAction.MEMBER_CHANGED, member.email)).singleElement()
                .satisfies(e -> assertThat(e.reason).contains("second factor reset"));
    }

    @Test
    void anOwnerCannotChangeOrDisableTheirOwnAccountOnThePage() {
        long self = account(OWNER).orElseThrow().id;
        String path = "/admin/team/members/" + self;
        assertThat(asOwner(path, "en").asString()).contains("You cannot change or disable your own account");
        String refused = Forms.submitAsAdmin("/admin/team", path + "/disable", Map.of("confirmed", "true"))
                .then().statusCode(422).extract().asString();
        assertThat(refused).contains("You cannot change or disable your own account");
        assertThat(account(OWNER).orElseThrow().active()).isTrue();
    }

    @Test
    void aTokenMadeOnThePageIsShownOnceWorksAndIsRevokedAfterAConfirmStep() {
        String name = "page token " + UUID.randomUUID();
        Response made = Forms.submitAsAdmin("/admin/team/tokens", "/admin/team/tokens",
                Map.of("name", name, "role", "OWNER", "expiresAt", "2199-12-31T23:00"));
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.header("Cache-Control")).contains("no-store");
        Matcher m = Pattern.compile(Pattern.quote(ApiToken.PREFIX) + "[A-Za-z0-9_-]{20,}").matcher(made.asString());
        assertThat(m.find()).isTrue();
        String secret = m.group();
        assertThat(made.asString()).contains("shown only this once");

        given().header("Authorization", "Bearer " + secret).get("/api/admin/tokens").then().statusCode(200);
        String list = asOwner("/admin/team/tokens", "en").then().statusCode(200).extract().asString();
        assertThat(list).contains(name).doesNotContain(secret);
        ApiToken token = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("name", name).singleResult());
        assertThat(entries(AccessAction.TOKEN_CREATED, "token:" + token.id + " ")).singleElement()
                .satisfies(e -> assertThat(e.account).isEqualTo(OWNER));

        String revoke = "/admin/team/tokens/" + token.id + "/revoke";
        Forms.submitAsAdmin("/admin/team/tokens", revoke, Map.of()).then().statusCode(200);
        given().header("Authorization", "Bearer " + secret).get("/api/admin/tokens").then().statusCode(200);
        Forms.submitAsAdmin("/admin/team/tokens", revoke, Map.of("confirmed", "true")).then().statusCode(303);
        given().header("Authorization", "Bearer " + secret).get("/api/admin/tokens").then().statusCode(401);
        assertThat(entries(AccessAction.TOKEN_REVOKED, "token:" + token.id + " ")).hasSize(1);
    }

    @Test
    void aRefusedTokenFormSaysWhyAndMakesNoToken() {
        long tokens = QuarkusTransaction.requiringNew().call(() -> ApiToken.count());
        String page = Forms.submitAsAdmin("/admin/team/tokens", "/admin/team/tokens",
                Map.of("name", " ", "role", "MANAGER", "events", "*", "expiresAt", "2000-01-01T00:00")).then().statusCode(422)
                .extract().asString();
        assertThat(page).contains("Give the name", "The expiry must lie in the future.").doesNotContain(ApiToken.PREFIX);
        Forms.submitAsAdmin("/admin/team/tokens", "/admin/team/tokens",
                Map.of("name", "x", "role", "MANAGER", "events", "*", "expiresAt", "tomorrow")).then().statusCode(422);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ApiToken.count())).isEqualTo(tokens);
    }
}
