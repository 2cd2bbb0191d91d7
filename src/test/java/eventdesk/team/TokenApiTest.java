package eventdesk.team;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLogEntry;
import eventdesk.event.Event;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static eventdesk.team.MemberApiTest.asOwner;
import static eventdesk.team.MemberApiTest.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class TokenApiTest extends RestoresTestClock {

    @Inject
    BootstrapOwner owner;

    static List<AccessLogEntry> entries(AccessAction action, long tokenId) {
        return MemberApiTest.entries(action, "token:" + tokenId + " ");
    }

    @Test
    void aTokenIsShownOnceWorksOnTheApiIsListedWithoutItsSecretAndARevokedOneIsRefusedAtOnce() {
        Event event = TestEvents.named(TestEvents.create(5, true));
        Map<String, Object> body = new HashMap<>(Map.of("name", "nightly export", "role", "OWNER"));
        body.put("expiresAt", TestClock.now().plus(Duration.ofDays(30)).toString());
        var created = asOwner().body(body).post("/api/admin/tokens").then().statusCode(201)
                .body("token", startsWith(ApiToken.PREFIX)).extract().jsonPath();
        long id = created.getLong("id");
        String token = created.getString("token");

        withToken(token).get("/api/admin/events/" + event.slug + "/registrations").then().statusCode(200);
        withToken(token).get("/api/admin/tokens").then().statusCode(200)
                .body("find { it.id == " + id + " }.name", equalTo("nightly export"))
                .body("find { it.id == " + id + " }.lastUsedAt", notNullValue())
                .body("find { it.id == " + id + " }", not(hasKey("token")))
                .body(not(containsString(token)));
        assertThat(entries(AccessAction.TOKEN_CREATED, id)).singleElement().satisfies(e -> {
            assertThat(e.account).isEqualTo(owner.email().orElseThrow());
            assertThat(e.address).isEqualTo("127.0.0.1");
        });

        asOwner().delete("/api/admin/tokens/" + id).then().statusCode(204);
        withToken(token).get("/api/admin/tokens").then().statusCode(401);
        assertThat(entries(AccessAction.TOKEN_REVOKED, id)).hasSize(1);
        asOwner().delete("/api/admin/tokens/987654321").then().statusCode(404).contentType(containsString("problem+json"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = TeamTokens.issue(Role.OWNER, null, TestClock.now().plus(Duration.ofHours(1)));
        withToken(token).get("/api/admin/tokens").then().statusCode(200);
        TestClock.get().advance(Duration.ofHours(1));
        withToken(token).get("/api/admin/tokens").then().statusCode(401);
        withToken("edk_not-a-token-at-all-0123456789").get("/api/admin/tokens").then().statusCode(401);
    }

    @Test
    void aTokenIsNeverAcceptedByTheOrganizerPages() {
        String token = TeamTokens.issue(Role.OWNER, null, null);
        int status = withToken(token).redirects().follow(false).get("/admin").statusCode();
        assertThat(status).isIn(302, 401, 403);
    }

    @Test
    void aTokenCarriesItsRoleAndEvents() {
        String token = TeamTokens.issue(Role.MANAGER, java.util.Set.of("some-event"), null);
        withToken(token).body(Map.of("name", "x", "role", "OWNER")).post("/api/admin/tokens").then().statusCode(403)
                .contentType(containsString("problem+json"));
        withToken(token).get("/api/admin/tokens").then().statusCode(403);
        long tokens = QuarkusTransaction.requiringNew().call(() -> ApiToken.count());
        withToken(token).delete("/api/admin/tokens/" + TeamTokens.reload(token).id).then().statusCode(403);
        assertThat(TeamTokens.reload(token).revokedAt).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ApiToken.count())).isEqualTo(tokens);
    }

    @Test
    void badTokenInputGetsA400Problem() {
        asOwner().body(Map.of("name", "", "role", "DOOR", "expiresAt", TestClock.now().minusSeconds(60).toString()))
                .post("/api/admin/tokens").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "expiresAt"));
    }
}
