package eventdesk.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The packaged production jar run as a separate process, as an operator runs it. */
public final class AppProcess implements AutoCloseable {

    public final int port;
    public final Path log;
    private final Process process;

    private AppProcess(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code jar} with the given environment and waits until /q/health/ready answers UP. */
    public static AppProcess start(Path jar, Map<String, String> env, Path workDir) throws Exception {
        if (!Files.exists(jar)) throw new IllegalStateException(jar + " is missing: run ./mvnw verify (it packages first)");
        int port = freePort();
        Path log = Files.createTempFile("eventdesk-" + port + "-", ".log");
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> all = new HashMap<>(env);
        all.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        all.putIfAbsent("EVENTDESK_ADMIN_USERNAME", "admin");
        all.putIfAbsent("EVENTDESK_ADMIN_PASSWORD", "it-secret");
        all.putIfAbsent("EVENTDESK_RATE_LIMIT_PER_MINUTE", "0");
        all.putIfAbsent("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "integration-test-key-0123456789abcdef");
        pb.environment().putAll(all);
        AppProcess app = new AppProcess(port, log, pb.start());
        app.awaitReady(Duration.ofSeconds(90));
        return app;
    }

    /** Runs the jar expecting it to stop by itself; returns its output. */
    public static String runToExit(Path jar, Map<String, String> env, Path workDir, Duration timeout) throws Exception {
        Path log = Files.createTempFile("eventdesk-exit-", ".log");
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-jar", jar.toString()).directory(workDir.toFile())
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

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IllegalStateException("app exited:\n" + Files.readString(log));
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("app not ready in " + timeout + ":\n" + Files.readString(log));
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
