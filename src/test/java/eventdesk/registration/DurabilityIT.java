package eventdesk.registration;

import eventdesk.testing.AppProcess;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 4 on the production jar with an H2 file the operator chose: every sign-up answered 202
 * is still there after the process is killed with -9 right after answering. Also: the seed events
 * exist exactly once after a restart.
 */
class DurabilityIT {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answeredSignUpsSurviveKillMinusNineAndTheSeedRunsOnce() throws Exception {
        Path dir = Files.createTempDirectory("eventdesk-durability");
        Map<String, String> env = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "QUARKUS_MAILER_MOCK", "true");
        int answered = 0;
        AppProcess app = AppProcess.start(AppProcess.jar("quarkus-app"), env, dir);
        try {
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> r = post(app, "/api/events/devday-exchange-2027/registrations", """
                        {"name":"Durable %d","email":"durable%d@example.com","affiliation":"Seoul","role":"DEVELOPER",
                         "locale":"en","consent":true}""".formatted(i, i));
                assertThat(r.statusCode()).isEqualTo(202);
                answered++;
            }
        } finally {
            app.kill9();
        }
        AppProcess again = AppProcess.start(AppProcess.jar("quarkus-app"), env, dir);
        try {
            String registrations = get(again, "/api/admin/events/devday-exchange-2027/registrations", true);
            for (int i = 0; i < answered; i++) {
                assertThat(registrations).contains("durable" + i + "@example.com");
            }
            String events = get(again, "/api/events", false);
            assertThat(events.split("\"slug\":\"founders-day-2027\"", -1)).hasSize(2);
            assertThat(events.split("\"slug\":\"devday-exchange-2027\"", -1)).hasSize(2);
            assertThat(events).contains("\"seatsLeft\":" + (120 - answered));
        } finally {
            again.close();
        }
    }

    private HttpResponse<String> post(AppProcess app, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(AppProcess app, String path, boolean admin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path)));
        if (admin) b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:it-secret".getBytes()));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
