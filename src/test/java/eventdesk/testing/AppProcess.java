package eventdesk.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The packaged production jar run as a separate process, as an operator runs it. */
public final class AppProcess implements AutoCloseable {

    public final int port;
    public final Path log;
    private final Process process;
    private final String adminAuth;

    private AppProcess(int port, Path log, Process process, String adminAuth) {
        this.port = port;
        this.log = log;
        this.process = process;
        this.adminAuth = adminAuth;
    }

    /**
     * The jars these tests start compile with C1 only: what they check (durability, shutdown, two instances, refusing
     * to start) does not depend on the JIT, and a start takes about 40 % less CPU than with C2 (8 s of CPU on two
     * cores), which the in-process PostgreSQL tests running beside them need.
     */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    /** Starts {@code jar} with the given environment and waits until /q/health/ready answers UP. */
    public static AppProcess start(Path jar, Map<String, String> env, Path workDir) throws Exception {
        if (!Files.exists(jar)) throw new IllegalStateException(jar + " is missing: run ./mvnw verify (it packages first)");
        int port = freePort();
        Path log = Files.createTempFile("eventdesk-" + port + "-", ".log");
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx256m", C1_ONLY, "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> all = new HashMap<>(env);
        all.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        all.putIfAbsent("EVENTDESK_BASE_URL", "http://127.0.0.1:" + port);
        all.putIfAbsent("EVENTDESK_ADMIN_USERNAME", "admin");
        all.putIfAbsent("EVENTDESK_ADMIN_PASSWORD", "it-secret");
        all.putIfAbsent("EVENTDESK_RATE_LIMIT_PER_MINUTE", "0");
        all.putIfAbsent("EVENTDESK_RATE_LIMIT_PER_EMAIL_PER_HOUR", "0");
        all.putIfAbsent("EVENTDESK_RATE_LIMIT_MAILS_PER_ADDRESS_PER_HOUR", "0");
        all.putIfAbsent("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "integration-test-key-0123456789abcdef");
        pb.environment().putAll(all);
        String adminAuth = "Basic " + Base64.getEncoder().encodeToString(
                (all.get("EVENTDESK_ADMIN_USERNAME") + ":" + all.get("EVENTDESK_ADMIN_PASSWORD")).getBytes(StandardCharsets.UTF_8));
        AppProcess app = new AppProcess(port, log, pb.start(), adminAuth);
        app.awaitReady(Duration.ofSeconds(90));
        return app;
    }

    /** Runs the jar expecting it to stop by itself; returns its output. */
    public static String runToExit(Path jar, Map<String, String> env, Path workDir, Duration timeout) throws Exception {
        Path log = Files.createTempFile("eventdesk-exit-", ".log");
        ProcessBuilder pb = new ProcessBuilder(javaBin(), C1_ONLY, "-jar", jar.toString()).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after " + timeout + ":\n" + Files.readString(log));
        }
        return "exit " + p.exitValue() + "\n" + Files.readString(log);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /**
     * Creates a published event through the admin API. The process runs on the real clock, so the
     * event starts 30 days after the real now; registration opens now (the API's default).
     */
    public void createEvent(String slug, String title, int capacity, boolean waitlist) throws Exception {
        OffsetDateTime startsAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES)
                .atOffset(ZoneOffset.ofHours(9));
        String json = """
                {"slug":"%s","title":"%s","titleKo":"%s","description":"A test event.","descriptionKo":"테스트 행사입니다.",
                 "venue":"Test Hall","address":"1 Test-ro, Seoul","startsAt":"%s","endsAt":"%s",
                 "capacity":%d,"waitlistEnabled":%b}""".formatted(slug, title, title, startsAt, startsAt.plusHours(2),
                capacity, waitlist);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/admin/events")))
                .header("Authorization", adminAuth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new IllegalStateException("creating " + slug + ": " + r.statusCode() + " " + r.body());
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) throw new IllegalStateException("app exited:\n" + Files.readString(log));
                try {
                    return client.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("app not ready in " + timeout + ":\n" + Files.readString(log));
        }
    }

    /** kill -9: no shutdown hooks, no flushing. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toSeconds(20), java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    public static Path jar(String dir) {
        String explicit = System.getProperty("test.jar");
        Path base = explicit != null ? Path.of(explicit).getParent().getParent() : Path.of("target");
        return base.resolve(dir).resolve("quarkus-run.jar").toAbsolutePath();
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
