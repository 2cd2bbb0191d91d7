package eventdesk.team;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLogEntry;
import eventdesk.event.Event;
import eventdesk.testing.OutboxParams;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MemberApiTest {

    @Inject
    BootstrapOwner owner;
    @Inject
    InvitationMail invitationMail;

    static RequestSpecification asOwner() {
        return given().auth().preemptive().basic("admin", "admin").contentType("application/json");
    }

    static RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    static String newEmail() {
        return "member-" + UUID.randomUUID() + "@example.com";
    }

    /** The entries of this action whose reason names {@code subject}. */
    static List<AccessLogEntry> entries(AccessAction action, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.<AccessLogEntry>list(
                "action = ?1 and reason like ?2", action, "%" + subject + "%"));
    }

    @Test
    void anOwnerInvitesAMemberWhoGetsOneSingleUseLinkByMail() {
        Event event = TestEvents.create(5, true);
        String email = newEmail();
        long id = asOwner().body(Map.of("email", email, "name", "Kim Jiwoo", "role", "MANAGER", "events", List.of(event.slug)))
                .post("/api/admin/members").then().statusCode(201)
                .body("email", equalTo(email)).body("name", equalTo("Kim Jiwoo")).body("role", equalTo("MANAGER"))
                .body("events", equalTo(List.of(event.slug))).body("status", equalTo("INVITED"))
                .extract().jsonPath().getLong("id");

        Map<String, String> params = OutboxParams.of(InvitationMail.Kind.TEAM_INVITATION.name(), email);
        String text = invitationMail.render(InvitationMail.Kind.TEAM_INVITATION.name(), 0, params).text();
        String link = params.get(InvitationMail.LINK);
        assertThat(text).contains(link).contains("Kim Jiwoo").contains("MANAGER");
        assertThat(invitationMail.render(InvitationMail.Kind.TEAM_INVITATION.name(), 0, params).html())
                .startsWith("<!DOCTYPE html>").contains("<title>", "href=\"" + link + "\"", "Kim Jiwoo", "lang=\"ko\"", "lang=\"en\"");
        assertThat(link).startsWith("http://localhost:8080/admin/invitation/");
        String secret = link.substring(link.lastIndexOf('/') + 1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Invitation.peek(secret, TestClock.now()).map(a -> a.id)))
                .contains(id);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Invitation.peek(secret, TestClock.now().plus(Invitation.VALID))))
                .isEmpty();

        List<AccessLogEntry> invited = entries(AccessAction.MEMBER_INVITED, email);
        assertThat(invited).hasSize(1);
        assertThat(invited.get(0).account).isEqualTo(owner.email().orElseThrow());
        assertThat(invited.get(0).address).isEqualTo("127.0.0.1");

        asOwner().get("/api/admin/members").then().statusCode(200)
                .body("find { it.email == '" + email + "' }.status", equalTo("INVITED"))
                .body("find { it.email == '" + email + "' }.twoFactor", equalTo(false))
                .body("find { it.email == '" + email + "' }.lastSignInAt", nullValue());
    }

    @Test
    void anOwnerChangesDisablesAndResetsTheSecondFactorOfAMemberEachOnceInTheLog() {
        Event event = TestEvents.create(5, true);
        String email = newEmail();
        long id = invite(email, "DOOR", null);

        asOwner().body(Map.of("role", "MANAGER", "events", List.of(event.slug))).put("/api/admin/members/" + id)
                .then().statusCode(200).body("role", equalTo("MANAGER")).body("events", equalTo(List.of(event.slug)));
        QuarkusTransaction.requiringNew().run(() -> Account.update("totpSecret = ?1 where id = ?2", Totp.newSecret(), id));
        asOwner().post("/api/admin/members/" + id + "/reset-2fa").then().statusCode(200).body("twoFactor", equalTo(false));
        asOwner().post("/api/admin/members/" + id + "/disable").then().statusCode(200).body("status", equalTo("DISABLED"));

        Account a = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(id));
        assertThat(a.status).isEqualTo(AccountStatus.DISABLED);
        assertThat(a.totpSecret).isNull();
        assertThat(a.role).isEqualTo(Role.MANAGER);
        assertThat(a.events).containsExactly(event.slug);
        assertThat(entries(AccessAction.MEMBER_CHANGED, email)).hasSize(2)
                .allSatisfy(e -> assertThat(e.account).isEqualTo(owner.email().orElseThrow()));
        assertThat(entries(AccessAction.MEMBER_DISABLED, email)).hasSize(1)
                .allSatisfy(e -> assertThat(e.address).isEqualTo("127.0.0.1"));
    }

    @Test
    void managersDoorsAndTheirTokensGetA403AndNothingChanges() {
        Event event = TestEvents.create(5, true);
        String email = newEmail();
        long id = invite(email, "DOOR", List.of(event.slug));
        long accounts = QuarkusTransaction.requiringNew().call(() -> Account.count());
        for (Role role : List.of(Role.MANAGER, Role.DOOR)) {
            String token = TeamTokens.issue(role, null, null);
            withToken(token).body(Map.of("email", newEmail(), "name", "X", "role", "OWNER")).post("/api/admin/members")
                    .then().statusCode(403).contentType(containsString("problem+json")).body("detail", containsString("OWNER"));
            withToken(token).get("/api/admin/members").then().statusCode(403);
            withToken(token).body(Map.of("role", "OWNER")).put("/api/admin/members/" + id).then().statusCode(403);
            withToken(token).post("/api/admin/members/" + id + "/disable").then().statusCode(403);
            withToken(token).post("/api/admin/members/" + id + "/reset-2fa").then().statusCode(403);
        }
        Account a = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(id));
        assertThat(a.role).isEqualTo(Role.DOOR);
        assertThat(a.status).isEqualTo(AccountStatus.INVITED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.count())).isEqualTo(accounts);
        assertThat(entries(AccessAction.MEMBER_CHANGED, email)).isEmpty();
        assertThat(entries(AccessAction.MEMBER_DISABLED, email)).isEmpty();
    }

    @Test
    void anOwnerTokenManagesTheTeamAndTheLogNamesTheToken() {
        String token = TeamTokens.issue(Role.OWNER, null, null);
        long tokenId = TeamTokens.reload(token).id;
        String email = newEmail();
        withToken(token).body(Map.of("email", email, "name", "Lee", "role", "DOOR")).post("/api/admin/members")
                .then().statusCode(201).body("events", nullValue());
        assertThat(entries(AccessAction.MEMBER_INVITED, email)).singleElement()
                .satisfies(e -> assertThat(e.account).isEqualTo("token:" + tokenId));
    }

    @Test
    void badInputGetsA400ProblemNamingTheFieldsAndNothingIsMade() {
        long accounts = QuarkusTransaction.requiringNew().call(() -> Account.count());
        asOwner().body(Map.of("email", "not-an-email", "name", " ", "role", "MANAGER", "events", List.of("no-such-event")))
                .post("/api/admin/members").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors.field", hasItem("email")).body("errors.field", hasItem("name")).body("errors.field", hasItem("events"));
        asOwner().body(Map.of("email", newEmail(), "name", "X", "role", "ADMIN")).post("/api/admin/members")
                .then().statusCode(400).contentType(containsString("problem+json"));
        asOwner().body(Map.of("email", newEmail(), "name", "X")).post("/api/admin/members")
                .then().statusCode(400).body("errors.field", hasItem("role"));
        asOwner().body(Map.of("email", newEmail(), "name", "X", "role", "DOOR", "events", List.of())).post("/api/admin/members")
                .then().statusCode(400).body("errors.field", hasItem("events"));
        asOwner().body(Map.of("role", "DOOR")).put("/api/admin/members/987654321").then().statusCode(404)
                .contentType(containsString("problem+json"));
        String email = newEmail();
        invite(email, "DOOR", null);
        asOwner().body(Map.of("email", email.toUpperCase(), "name", "Again", "role", "DOOR")).post("/api/admin/members")
                .then().statusCode(409).contentType(containsString("problem+json"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.count())).isEqualTo(accounts + 1);
    }

    @Test
    void anOwnerCannotDisableOrDemoteThemselves() {
        long self = QuarkusTransaction.requiringNew().call(() -> Account.byEmail(owner.email().orElseThrow()).orElseThrow().id);
        asOwner().post("/api/admin/members/" + self + "/disable").then().statusCode(400)
                .contentType(containsString("problem+json"));
        asOwner().body(Map.of("role", "DOOR")).put("/api/admin/members/" + self).then().statusCode(400);
        Account a = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(self));
        assertThat(a.active()).isTrue();
        assertThat(a.role).isEqualTo(Role.OWNER);
    }

    static long invite(String email, String role, List<String> events) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("email", email, "name", "Member", "role", role));
        body.put("events", events);
        return asOwner().body(body).post("/api/admin/members").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
