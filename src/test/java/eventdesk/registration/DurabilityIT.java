package eventdesk.registration;

import eventdesk.testing.AppProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 4 on the production jar with an H2 file the operator chose: every sign-up answered 202
 * is still there after the process is killed with -9 right after answering. Also: the seed events
 * exist exactly once after a restart (as data, whatever their dates).
 * <p>
 * The tests share one H2 file and take turns with one process: each kills the process it finds running
 * (or starts one), and leaves the one it restarted for the next test, so the jar starts once per kill plus once.
 */
// Beside the other tests, but its two tests one after the other: they share the jar's database directory.
@Execution(ExecutionMode.CONCURRENT)
class DurabilityIT {

    final HttpClient http = HttpClient.newHttpClient();

    static Path dir;
    static Map<String, String> env;
    /** The process on {@link #dir}, left running by the test before; null before the first start. */
    static AppProcess running;

    @BeforeAll
    static void database() throws Exception {
        dir = Files.createTempDirectory("eventdesk-durability");
        env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                "QUARKUS_MAILER_MOCK", "true");
    }

    @AfterAll
    static void stop() throws Exception {
        if (running != null) running.close();
    }

    /** The running process, started on the class's H2 file if none runs. */
    static AppProcess app() throws Exception {
        if (running == null) running = AppProcess.start(AppProcess.jar("quarkus-app"), env, dir);
        return running;
    }

    /** Kills the running process with -9 (no shutdown hooks, no flushing). */
    static void kill9() throws Exception {
        AppProcess killed = running;
        running = null;
        killed.kill9();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void answeredSignUpsSurviveKillMinusNineAndTheSeedRunsOnce() throws Exception {
        // The jar runs on the real clock: the event is made through the admin API, 30 days from now.
        String slug = "durable-" + System.currentTimeMillis();
        int capacity = 120;
        int answered = 0;
        AppProcess app = app();
        try {
            app.createEvent(slug, "Durability", capacity, true);
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> r = post(app, "/api/events/" + slug + "/registrations", """
                        {"name":"Durable %d","email":"durable%d@example.com","affiliation":"Seoul","role":"DEVELOPER",
                         "locale":"en","consent":true}""".formatted(i, i));
                assertThat(r.statusCode()).isEqualTo(202);
                answered++;
            }
        } finally {
            kill9();
        }
        AppProcess again = app();
        String registrations = get(again, "/api/admin/events/" + slug + "/registrations", true);
        for (int i = 0; i < answered; i++) {
            assertThat(registrations).contains("durable" + i + "@example.com");
        }
        assertThat(get(again, "/api/events/" + slug, false)).contains("\"seatsLeft\":" + (capacity - answered));
        // The seed events are data: written once on the first start, not again on the later ones,
        // whatever their dates are by now (so the admin list, not the public one, is asked).
        String dashboard = get(again, "/admin", true);
        assertThat(dashboard.split("href=\"/admin/events/founders-day-2027/edit\"", -1)).hasSize(2);
        assertThat(dashboard.split("href=\"/admin/events/devday-exchange-2027/edit\"", -1)).hasSize(2);
    }

    /**
     * A crowd is decided in batches (one transaction each); killing the process while batches are in
     * flight loses no answered sign-up and leaves no half batch: after the restart the event's
     * counters equal the registrations, the waitlist has no gap, and every answered person is there.
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void killMinusNineDuringACrowdLosesNoAnsweredSignUpAndLeavesNoHalfBatch() throws Exception {
        String slug = "crowd-kill-" + System.currentTimeMillis();
        int capacity = 50;
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AppProcess app = app();
        try {
            app.createEvent(slug, "Crowd", capacity, true);
            CountDownLatch someAnswered = new CountDownLatch(60);
            for (int i = 0; i < 400; i++) {
                String email = "crowd" + i + "@example.com";
                http.sendAsync(HttpRequest.newBuilder(URI.create(app.url("/api/events/" + slug + "/registrations")))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                                        {"name":"Crowd","email":"%s","affiliation":"Seoul","role":"DEVELOPER",
                                         "locale":"en","consent":true}""".formatted(email))).build(),
                        HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                            if (r.statusCode() == 202) {
                                answered.add(email);
                                someAnswered.countDown();
                            }
                        });
            }
            assertThat(someAnswered.await(60, TimeUnit.SECONDS)).as("60 answers before the kill").isTrue();
        } finally {
            kill9();
        }
        Set<String> answeredBeforeKill = Set.copyOf(answered);
        AppProcess again = app();
        String registrations = get(again, "/api/admin/events/" + slug + "/registrations", true);
        for (String email : answeredBeforeKill) assertThat(registrations).contains("\"" + email + "\"");
        int seated = count(registrations, "\"status\":\"PENDING\"") + count(registrations, "\"status\":\"CONFIRMED\"");
        int waitlisted = count(registrations, "\"status\":\"WAITLISTED\"");
        assertThat(seated).isLessThanOrEqualTo(capacity);
        String event = get(again, "/api/events/" + slug, false);
        assertThat(event).contains("\"seatsLeft\":" + (capacity - seated)).contains("\"waitlistCount\":" + waitlisted);
        for (int p = 1; p <= waitlisted; p++) assertThat(registrations).contains("\"waitlistPosition\":" + p + ",");
    }

    /**
     * SIGTERM in the middle of a crowd: the instance stops taking sign-ups (503), decides and answers every one
     * already queued, and exits within seconds. Afterwards every sign-up answered 202 is stored, every one refused
     * (503) or never answered (the port had closed) is not, none got a 5xx other than 503, none hung, and the
     * event's counters equal its registrations.
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void sigtermDuringACrowdAnswersOrRefusesEverySignUpAndDecidesNoneUnanswered() throws Exception {
        String slug = "crowd-term-" + System.currentTimeMillis();
        int capacity = 50;
        Map<String, Object> outcome = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        AppProcess app = app();
        app.createEvent(slug, "Crowd", capacity, true);
        CountDownLatch someAnswered = new CountDownLatch(60);
        for (int i = 0; i < 600; i++) {
            String email = "term" + i + "@example.com";
            sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(app.url("/api/events/" + slug + "/registrations")))
                            .timeout(Duration.ofSeconds(40))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                                    {"name":"Crowd","email":"%s","affiliation":"Seoul","role":"DEVELOPER",
                                     "locale":"en","consent":true}""".formatted(email))).build(),
                    HttpResponse.BodyHandlers.ofString()).handle((r, failed) -> {
                        outcome.put(email, r != null ? (Object) r.statusCode() : failed);
                        if (r != null && r.statusCode() == 202) someAnswered.countDown();
                        return null;
                    }));
        }
        assertThat(someAnswered.await(60, TimeUnit.SECONDS)).as("60 answers before SIGTERM").isTrue();
        long logBefore = Files.size(app.log);
        long term = System.nanoTime();
        running = null;
        app.close();
        Duration exit = Duration.ofNanos(System.nanoTime() - term);
        // Stopped in order: the queue and the mail relay finished their batches before the database closed.
        byte[] log = Files.readAllBytes(app.log);
        String afterTerm = new String(log, (int) logBefore, log.length - (int) logBefore, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(afterTerm.lines().filter(l -> l.contains(" ERROR ") || l.contains("is closed") || l.contains("already closed")
                || l.contains("prior to commit")).toList()).as("log after SIGTERM").isEmpty();
        assertThat(afterTerm).contains("stopped in");
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertThat(exit).as("exit after SIGTERM").isLessThan(Duration.ofSeconds(15));
        assertThat(outcome).hasSize(600);
        assertThat(outcome.values().stream().filter(o -> o instanceof Integer code && code != 202 && code != 503).toList())
                .as("answers other than 202 and 503").isEmpty();

        AppProcess again = app();
        String registrations = get(again, "/api/admin/events/" + slug + "/registrations", true);
        outcome.forEach((email, o) -> {
            boolean stored = registrations.contains("\"" + email + "\"");
            assertThat(stored).as(email + " answered " + o).isEqualTo(Integer.valueOf(202).equals(o));
        });
        int seated = count(registrations, "\"status\":\"PENDING\"") + count(registrations, "\"status\":\"CONFIRMED\"");
        int waitlisted = count(registrations, "\"status\":\"WAITLISTED\"");
        assertThat(get(again, "/api/events/" + slug, false)).contains("\"seatsLeft\":" + (capacity - seated))
                .contains("\"waitlistCount\":" + waitlisted);
        System.out.printf("SIGTERM during a crowd of 600: exit in %d ms; %d answered 202, %d refused 503, %d never answered%n",
                exit.toMillis(), outcome.values().stream().filter(Integer.valueOf(202)::equals).count(),
                outcome.values().stream().filter(Integer.valueOf(503)::equals).count(),
                outcome.values().stream().filter(o -> !(o instanceof Integer)).count());
    }

    private static int count(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
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
