package eventdesk.security;

import eventdesk.event.Event;
import eventdesk.registration.AccessToken;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/** Registrations with known link tokens, CSRF sessions and a log watcher for the security tests. */
final class Fixtures {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private Fixtures() {
    }

    record Person(long id, String email, String confirmToken, String manageToken) {
    }

    /** A PENDING registration (seat held for an hour) with fresh confirm and manage tokens. */
    static Person pending(Event event) {
        String email = "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        long id = TestEvents.insert(event, "Pending Person", email, "Acme", RegistrationStatus.PENDING);
        return QuarkusTransaction.requiringNew().call(() -> {
            Registration r = Registration.findById(id);
            r.holdExpiresAt = TestClock.now().plus(Duration.ofHours(1));
            return new Person(id, email, AccessToken.issue(r, AccessToken.Purpose.CONFIRM, TestClock.now()),
                    AccessToken.issue(r, AccessToken.Purpose.MANAGE, TestClock.now()));
        });
    }

    static RegistrationStatus status(long registrationId) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(registrationId).status);
    }

    /** A CSRF session as a browser holds it after loading a page: its cookie and the form's field. */
    record CsrfSession(String cookie, String field) {
    }

    static CsrfSession csrf(String pagePath, boolean admin) {
        Response page = (admin ? given().auth().preemptive().basic("admin", "admin") : given()).get(pagePath);
        Matcher m = CSRF_FIELD.matcher(page.asString());
        if (!m.find()) throw new AssertionError("no CSRF field on " + pagePath + " (" + page.statusCode() + ")");
        String cookie = page.getCookie("csrf-token");
        if (cookie == null) throw new AssertionError("no CSRF cookie from " + pagePath);
        return new CsrfSession(cookie, m.group(1).replace("&#x2D;", "-"));
    }

    static Map<String, String> person(String email) {
        return Map.of("name", "Hostile Tester", "email", email, "affiliation", "Acme", "role", "OTHER",
                "locale", "en", "consent", "true");
    }

    /** Collects log records at ERROR and above while installed on the root logger. */
    static final class ErrorLog extends Handler implements AutoCloseable {
        final List<LogRecord> errors = new CopyOnWriteArrayList<>();
        private final java.util.logging.Logger root = java.util.logging.Logger.getLogger("");

        ErrorLog() {
            root.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(record);
        }

        List<String> messages() {
            return errors.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()
                    + (r.getThrown() == null ? "" : " / " + r.getThrown())).toList();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            root.removeHandler(this);
        }
    }
}
