package eventdesk.admin;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.audit.AccessLogEntry;
import eventdesk.team.ApiToken;
import eventdesk.team.Role;
import eventdesk.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AuditApiTest {

    @Inject
    AccessLog accessLog;

    private static String token(Role role) {
        return QuarkusTransaction.requiringNew().call(() ->
                ApiToken.issue("audit test", role, null, null, null, TestClock.now()).secret());
    }

    @Test
    void anOwnerReadsEntriesByFilterAndThatReadingIsOneViewAuditEntry() {
        String who = "auditor-" + UUID.randomUUID() + "@example.com";
        String event = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        long id = accessLog.record(AccessLog.Entry.of(who, "203.0.113.9", AccessAction.EXPORT).forEvent(event)
                .withRegistrations(List.of(3L, 4L)).withFilter("status=CONFIRMED", 2).because("badges"));
        accessLog.record(AccessLog.Entry.of(who, "203.0.113.9", AccessAction.VIEW_ATTENDEES).forEvent(event));

        String owner = token(Role.OWNER);
        RestAssured.given().header("Authorization", "Bearer " + owner)
                .queryParam("account", who).queryParam("action", "EXPORT").queryParam("event", event)
                .queryParam("from", "2000-01-01").queryParam("to", "2999-01-01T00:00:00+09:00")
                .get("/api/admin/audit").then().statusCode(200).body("$", hasSize(1))
                .body("[0].id", equalTo((int) id)).body("[0].account", equalTo(who)).body("[0].address", equalTo("203.0.113.9"))
                .body("[0].action", equalTo("EXPORT")).body("[0].event", equalTo(event))
                .body("[0].registrations", equalTo(List.of(3, 4))).body("[0].filter", equalTo("status=CONFIRMED"))
                .body("[0].count", equalTo(2)).body("[0].reason", equalTo("badges")).body("[0].hash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));

        List<AccessLogEntry> views = QuarkusTransaction.requiringNew().call(() ->
                AccessLogEntry.<AccessLogEntry>list("action = ?1 and filter like ?2", AccessAction.VIEW_AUDIT, "%" + who + "%"));
        assertThat(views).singleElement().satisfies(v -> {
            assertThat(v.account).startsWith("token:");
            assertThat(v.address).isEqualTo("127.0.0.1");
            assertThat(v.rowCount).isEqualTo(1);
            assertThat(v.filter).contains("action=EXPORT").contains("event=" + event);
        });

        RestAssured.given().header("Authorization", "Bearer " + owner).get("/api/admin/audit/verify").then().statusCode(200)
                .body("ok", equalTo(true)).body("brokenAt", nullValue());
    }

    @Test
    void othersGetA403AndBadFiltersA400() {
        for (Role role : List.of(Role.MANAGER, Role.DOOR)) {
            String t = token(role);
            long before = QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.count());
            RestAssured.given().header("Authorization", "Bearer " + t).get("/api/admin/audit").then().statusCode(403)
                    .contentType(containsString("problem+json"));
            RestAssured.given().header("Authorization", "Bearer " + t).get("/api/admin/audit/verify").then().statusCode(403);
            assertThat(QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.count())).isEqualTo(before);
        }
        RestAssured.given().auth().preemptive().basic("admin", "admin").queryParam("action", "NOPE").queryParam("from", "yesterday")
                .get("/api/admin/audit").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("action", "from"));
        RestAssured.given().auth().preemptive().basic("admin", "admin").queryParam("action", "SIGN_IN")
                .get("/api/admin/audit").then().statusCode(200).body("action", everyItem(equalTo("SIGN_IN")));
    }
}
