package eventdesk.registration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eventdesk.testing.AppProcess;
import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresServer;
import eventdesk.testing.Race;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two production instances (built with the postgres profile) on one PostgreSQL database, behind no
 * balancer but raced alternately: the last seats go to exactly as many people as there are seats,
 * the rest queue in one FIFO order, every mail goes out exactly once, and expiring holds promote
 * exactly one person per seat whichever instance runs the job.
 */
@Postgres
@Execution(ExecutionMode.CONCURRENT)
class TwoInstancesPostgresIT {

    static final int SEATS = 20;
    static final int PEOPLE = 200;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void twoInstancesNeverOversellAndSendEachMailOnce() throws Exception {
        int smtpPort;
        try (ServerSocket s = new ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path dir = Files.createTempDirectory("eventdesk-two");
        // A database of its own: other suites leave unsent outbox rows in the shared test database.
        String database = "eventdesk_two_" + System.currentTimeMillis();
        String url = PostgresServer.url().replaceFirst("/[^/?]+(\\?.*)?$", "/" + database);
        admin("CREATE DATABASE " + database + " TEMPLATE template0");
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_PROFILE", "postgres",
                "QUARKUS_DATASOURCE_JDBC_URL", url,
                "QUARKUS_DATASOURCE_USERNAME", PostgresServer.username(),
                "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.password(),
                "QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", String.valueOf(smtpPort),
                "QUARKUS_MAILER_START_TLS", "DISABLED",
                "QUARKUS_MAILER_LOGIN", "DISABLED",
                "EVENTDESK_HOLD_DURATION", "PT25S",
                "EVENTDESK_OUTBOX_INTERVAL", "1s"));
        env.put("EVENTDESK_EXPIRY_INTERVAL", "1s");
        // As in every mail test: a send on a pooled connection GreenMail has dropped hangs until this
        // timeout, holding back the relay transaction's mails while the 25 s holds run out.
        env.put("QUARKUS_MAILER_TIMEOUT", "5S");
        try (AppProcess a = AppProcess.start(AppProcess.jar("postgres-app"), env, dir);
             AppProcess b = AppProcess.start(AppProcess.jar("postgres-app"), env, dir)) {
            // The jars run on the real clock: the event is made through the admin API, 30 days from now.
            String slug = "two-instances-" + System.currentTimeMillis();
            a.createEvent(slug, "Two Instances", SEATS, true);
            // b renders its public answers now, before any seat is taken (they are kept until they change).
            assertThat(send(b, "GET", "/api/events/" + slug, null, false).body()).contains("\"seatsLeft\":" + SEATS);
            assertThat(page(b, slug)).contains(SEATS + "석 중 " + SEATS + "석 남음");

            long start = System.nanoTime();
            List<String> answers = race(List.of(a, b), slug);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("two-instance race on PostgreSQL: %d sign-ups in %.2f s = %.0f/s%n",
                    PEOPLE, seconds, PEOPLE / seconds);

            assertThat(answers).allSatisfy(r -> assertThat(r).startsWith("202 "));
            assertThat(answers.stream().filter(r -> r.contains("\"PENDING\"")).count()).isEqualTo(SEATS);
            List<Long> positions = new ArrayList<>();
            Matcher m;
            for (String r : answers) {
                if ((m = Pattern.compile("\"waitlistPosition\":(\\d+)").matcher(r)).find()) positions.add(Long.parseLong(m.group(1)));
            }
            assertThat(positions.stream().sorted().toList())
                    .isEqualTo(LongStream.rangeClosed(1, PEOPLE - SEATS).boxed().toList());
            // As stored: seats taken equal the capacity; the queue holds places 1..W, no gaps, no ties.
            String stored = send(a, "GET", "/api/admin/events/" + slug + "/registrations", null, true).body();
            assertThat(Pattern.compile("\"status\":\"PENDING\"").matcher(stored).results().count()).isEqualTo(SEATS);
            assertThat(Pattern.compile("\"waitlistPosition\":(\\d+)").matcher(stored).results()
                    .map(r -> Long.parseLong(r.group(1))).filter(p -> p > 0).sorted().toList())
                    .isEqualTo(LongStream.rangeClosed(1, PEOPLE - SEATS).boxed().toList());

            // b's public answers show the seats taken on both instances at once.
            assertThat(send(b, "GET", "/api/events/" + slug, null, false).body())
                    .contains("\"seatsLeft\":0").contains("\"waitlistCount\":" + (PEOPLE - SEATS));
            assertThat(page(b, slug)).contains("대기 " + (PEOPLE - SEATS) + "명").doesNotContain("석 남음");

            // Every confirmation / waitlist mail arrives once, relayed by whichever instance took it.
            await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length >= PEOPLE);
            Map<String, Long> perPerson = Arrays.stream(smtp.getReceivedMessages())
                    .collect(Collectors.groupingBy(TwoInstancesPostgresIT::to, Collectors.counting()));
            assertThat(perPerson).hasSize(PEOPLE);
            assertThat(perPerson.values()).containsOnly(1L);

            // While the holds run out: a change to the team on one instance holds on the other at once.
            teamChangesHoldOnTheOtherInstanceAtOnce(a, b, slug, url);

            // The holds expire (PT25S); each instance runs the expiry job; exactly SEATS people are promoted.
            String waitlistBefore = send(a, "GET", "/api/admin/events/" + slug + "/registrations", null, true).body();
            List<String> firstInLine = firstWaitlisted(waitlistBefore, SEATS);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    send(b, "GET", "/api/events/" + slug, null, false).body().contains("\"waitlistCount\":" + (PEOPLE - 2 * SEATS)));
            await().atMost(Duration.ofSeconds(60)).until(() -> attendeeMails(smtp).length >= PEOPLE + 2 * SEATS);
            // ... and no more than that, for a few relay and expiry runs of both instances.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> attendeeMails(smtp).length == PEOPLE + 2 * SEATS);
            String after = send(b, "GET", "/api/admin/events/" + slug + "/registrations", null, true).body();
            for (String email : firstInLine) {
                assertThat(after).contains("\"status\":\"PENDING\",\"name\":\"" + nameOf(waitlistBefore, email));
            }
            Map<String, Long> mails = Arrays.stream(attendeeMails(smtp))
                    .collect(Collectors.groupingBy(TwoInstancesPostgresIT::to, Collectors.counting()));
            // Expired: one more mail (hold expired); promoted: one more (seat offered); others: none.
            assertThat(mails.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(PEOPLE + 2L * SEATS);
            for (String email : firstInLine) assertThat(mails.get(email)).as(email).isEqualTo(2L);
        } finally {
            smtp.stop();
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /**
     * A revoked API token and a disabled account's saved sign-in cookie are refused at once by the instance
     * that did not revoke or disable them: nothing about either is cached per instance.
     */
    private void teamChangesHoldOnTheOtherInstanceAtOnce(AppProcess a, AppProcess b, String slug, String url) throws Exception {
        String registrations = "/api/admin/events/" + slug + "/registrations";
        HttpResponse<String> made = send(a, "POST", "/api/admin/tokens", "{\"name\":\"two instances\",\"role\":\"MANAGER\"}", true);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String token = field(made.body(), "token"), tokenId = field(made.body(), "id");
        assertThat(bearer(b, registrations, token).statusCode()).isEqualTo(200);
        assertThat(send(a, "DELETE", "/api/admin/tokens/" + tokenId, null, true).statusCode()).isBetween(200, 204);
        assertThat(bearer(b, registrations, token).statusCode()).as("the revoked token on the other instance").isEqualTo(401);

        String email = "door-" + System.nanoTime() + "@two.example";
        HttpResponse<String> invited = send(b, "POST", "/api/admin/members",
                "{\"email\":\"%s\",\"name\":\"Door Volunteer\",\"role\":\"DOOR\",\"events\":[\"%s\"]}".formatted(email, slug), true);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String memberId = field(invited.body(), "id");
        // The invitation's own steps are tested elsewhere; here the member is made active with a password and an app.
        String secret = eventdesk.team.Totp.newSecret();
        try (var c = java.sql.DriverManager.getConnection(url, PostgresServer.username(), PostgresServer.password());
             var st = c.prepareStatement("update account set status = 'ACTIVE', password_hash = ?, totp_secret = ? where id = ?")) {
            st.setString(1, io.quarkus.elytron.security.common.BcryptUtil.bcryptHash("door volunteer password", 10));
            st.setString(2, secret);
            st.setLong(3, Long.parseLong(memberId));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
        HttpResponse<String> password = form(a, "/j_security_check", "j_username=" + email + "&j_password=door+volunteer+password", null);
        String challenge = cookie(password, "eventdesk-sign-in");
        HttpResponse<String> code = form(a, "/j_security_check", "j_username=%23second-factor&j_password="
                + eventdesk.team.Totp.codeAt(secret, java.time.Instant.now()), "eventdesk-sign-in=" + challenge);
        String session = cookie(code, "quarkus-credential");
        assertThat(withCookie(b, "/admin/checkin", session).statusCode()).as("signed in on a, used on b").isEqualTo(200);
        assertThat(send(b, "POST", "/api/admin/members/" + memberId + "/disable", null, true).statusCode()).isBetween(200, 204);
        HttpResponse<String> after = withCookie(a, "/admin/checkin", session);
        assertThat(after.statusCode()).as("the disabled member's cookie on the other instance").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/admin/login");
    }

    /** The mails to the people who signed up (the team's invitation is not one of them). */
    private static MimeMessage[] attendeeMails(GreenMail smtp) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).startsWith("person")).toArray(MimeMessage[]::new);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> bearer(AppProcess app, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> withCookie(AppProcess app, String path, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Cookie", "quarkus-credential=" + session).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> form(AppProcess app, String path, String body, String cookie) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(app.url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) r.header("Cookie", cookie);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(name + "=")).findFirst()
                .map(h -> h.substring(name.length() + 1, h.indexOf(';') < 0 ? h.length() : h.indexOf(';')))
                .orElseThrow(() -> new AssertionError("no " + name + " cookie: " + r.statusCode() + " " + r.headers().map()));
    }

    private static void admin(String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(PostgresServer.url(), PostgresServer.username(),
                PostgresServer.password()); var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** {@link #PEOPLE} sign-ups released together, alternating between the two instances. */
    private List<String> race(List<AppProcess> apps, String slug) throws Exception {
        return Race.run(PEOPLE, i -> {
            AppProcess app = apps.get(i % 2);
            String body = """
                    {"name":"Person %d","email":"person%d@two.example","affiliation":"Seoul","role":"DEVELOPER",
                     "locale":"en","consent":true}""".formatted(i, i);
            return () -> {
                HttpResponse<String> r = send(app, "POST", "/api/events/" + slug + "/registrations", body, false);
                return r.statusCode() + " " + r.body();
            };
        });
    }

    /** Emails of the first n WAITLISTED registrations by position. */
    private static List<String> firstWaitlisted(String json, int n) {
        Matcher m = Pattern.compile("\"email\":\"([^\"]+)\"[^}]*\"waitlistPosition\":(\\d+)").matcher(json);
        Map<Long, String> byPosition = new HashMap<>();
        while (m.find()) byPosition.put(Long.parseLong(m.group(2)), m.group(1));
        List<String> first = new ArrayList<>();
        for (long p = 1; p <= n; p++) first.add(byPosition.get(p));
        assertThat(first).doesNotContainNull();
        return first;
    }

    private static String nameOf(String json, String email) {
        Matcher m = Pattern.compile("\"name\":\"([^\"]+)\",\"email\":\"" + Pattern.quote(email) + "\"").matcher(json);
        assertThat(m.find()).as(email).isTrue();
        return m.group(1);
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event's public page in Korean. */
    private String page(AppProcess app, String slug) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url("/events/" + slug))).header("Accept-Language", "ko").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> send(AppProcess app, String method, String path, String json, boolean admin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofSeconds(60));
        if (admin) b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:it-secret".getBytes()));
        if (json != null) b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        else b.method(method, HttpRequest.BodyPublishers.noBody());
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
