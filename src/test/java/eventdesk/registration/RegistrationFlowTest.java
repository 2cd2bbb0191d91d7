package eventdesk.registration;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The whole sign-up lifecycle through HTTP, with mail read from a real SMTP server. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class RegistrationFlowTest {

    GreenMail greenMail;

    /** Addresses unique to this run: a database kept between runs (PostgreSQL) may hold older mail. */
    static final String RUN = "r" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + ".";

    @Inject
    Outbox outbox;

    /**
     * Relays until no mail to this run's addresses is waiting. Tests here stop and restart the SMTP
     * server; the first send after a restart may fail on a stale pooled connection and is retried 0.2 s
     * later, as in production. Other tests' mails (some due only later: they moved the clock and put
     * it back) are not this test's business.
     */
    void deliver() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            outbox.relay();
            return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                    eventdesk.mail.OutboxMessage.count("status = ?1 and lower(recipient) like ?2",
                            eventdesk.mail.OutboxMessage.Status.PENDING, RUN + "%")) == 0;
        });
    }

    static Map<String, String> person(String name, String email) {
        return Map.of("name", name, "email", email, "affiliation", "KAIST", "role", "STUDENT",
                "locale", "en", "consent", "true");
    }

    @Test
    void signUpConfirmByEmailedLinkAndReceiveTheTicket() throws Exception {
        Event event = TestEvents.create(10, true);
        String email = RUN + "jane.flow@example.com";
        Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", person("Jane Doe", email), "en")
                .then().statusCode(303)
                .header("Location", containsString("/events/" + event.slug + "/thanks"));
        given().header("Accept-Language", "en").get("/events/" + event.slug + "/thanks?position=0")
                .then().body(containsString("Check your inbox"));
        deliver();

        List<MimeMessage> mails = Mailbox.to(greenMail, email);
        assertThat(mails).hasSize(1);
        assertThat(Mailbox.subject(mails.get(0))).isEqualTo("Confirm your seat: Test Meetup");
        // A Message-ID of our own making and domain (the base URL's host), not the machine's name.
        assertThat(mails.get(0).getHeader("Message-ID")[0]).matches("<[0-9a-f-]{36}@localhost>");
        String text = Mailbox.text(mails.get(0));
        assertThat(text).contains("Hello Jane Doe", "/manage/");
        String confirmLink = Forms.link(text, "http://localhost:8080/confirm/");
        String confirmPath = confirmLink.substring("http://localhost:8080".length());

        // Opening the link (as a mail scanner would) shows a button and changes nothing.
        given().header("Accept-Language", "en").get(confirmPath).then().statusCode(200)
                .body(allOf(containsString("Confirm my seat"), containsString("method=\"post\"")));
        given().get(confirmPath).then().statusCode(200);
        assertThat(TestEvents.byEmail(event, email).status).isEqualTo(RegistrationStatus.PENDING);
        assertThat(TestEvents.byEmail(event, email).confirmedAt).isNull();

        Forms.submit(confirmPath, confirmPath, Map.of(), "en").then().statusCode(303);
        Registration confirmed = TestEvents.byEmail(event, email);
        assertThat(confirmed.status).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(confirmed.confirmedAt).isNotNull();
        given().header("Accept-Language", "en").get(confirmPath).then().body(containsString("You are confirmed"));

        deliver();
        mails = Mailbox.to(greenMail, email);
        assertThat(mails).hasSize(2);
        MimeMessage ticket = mails.get(1);
        assertThat(Mailbox.subject(ticket)).isEqualTo("Your ticket: Test Meetup");
        assertThat(Mailbox.partTypes(ticket)).contains("text/plain", "text/html", "image/png", "text/calendar");
        String ticketText = Mailbox.text(ticket);
        assertThat(ticketText).contains("BEGIN:VCALENDAR", "TZID=Asia/Seoul", "Test Hall", "/manage/", "KST");

        // Confirming again leaves it confirmed and sends nothing more.
        Forms.submit("/events/" + event.slug, confirmPath, Map.of(), "en").then().statusCode(303);
        assertThat(TestEvents.byEmail(event, email).status).isEqualTo(RegistrationStatus.CONFIRMED);
        deliver();
        assertThat(Mailbox.to(greenMail, email)).hasSize(2);
    }

    @Test
    void cancelFromTheManageLinkFreesTheSeatForTheWaitlist() throws Exception {
        Event event = TestEvents.create(1, true);
        given().contentType("application/json").body(signUpJson("First", RUN + "first.cancel@example.com", "en"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202).body("status", equalTo("PENDING"));
        given().contentType("application/json").body(signUpJson("Second", RUN + "second.cancel@example.com", "ko"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        deliver();
        String waitlistMail = Mailbox.text(Mailbox.to(greenMail, RUN + "second.cancel@example.com").get(0));
        assertThat(waitlistMail).contains("대기 순번은 1번");

        String manageLink = Forms.link(Mailbox.text(Mailbox.to(greenMail, RUN + "first.cancel@example.com").get(0)),
                "http://localhost:8080/manage/");
        String managePath = manageLink.substring("http://localhost:8080".length());
        given().get(managePath).then().statusCode(200);
        assertThat(TestEvents.byEmail(event, RUN + "first.cancel@example.com").status).isEqualTo(RegistrationStatus.PENDING);

        Forms.submit(managePath, managePath + "/cancel", Map.of(), "en").then().statusCode(303);
        assertThat(TestEvents.byEmail(event, RUN + "first.cancel@example.com").status).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(TestEvents.byEmail(event, RUN + "second.cancel@example.com").status).isEqualTo(RegistrationStatus.PENDING);
        given().header("Accept-Language", "en").get(managePath).then().body(containsString("Your registration is cancelled"));

        deliver();
        List<MimeMessage> second = Mailbox.to(greenMail, RUN + "second.cancel@example.com");
        assertThat(second).hasSize(2);
        assertThat(Mailbox.subject(second.get(1))).startsWith("좌석이 생겼습니다");
        assertThat(Mailbox.text(second.get(1))).contains("/confirm/");
        assertThat(Mailbox.subject(Mailbox.to(greenMail, RUN + "first.cancel@example.com").get(1)))
                .startsWith("Registration cancelled");
    }

    @Test
    void mailsSurviveAnSmtpOutageAndArriveExactlyOnce() throws Exception {
        Event event = TestEvents.create(5, true);
        greenMail.stop();
        try {
            for (int i = 0; i < 3; i++) {
                given().contentType("application/json").body(signUpJson("Outage " + i, RUN + "outage" + i + "@example.com"))
                        .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
            }
            assertThat(outbox.relay()).isZero();
        } finally {
            greenMail.start();
        }
        assertThat(TestEvents.registrations(event)).hasSize(3);
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250)).until(() -> {
            outbox.relay();
            return Mailbox.to(greenMail, RUN + "outage0@example.com").size()
                    + Mailbox.to(greenMail, RUN + "outage1@example.com").size()
                    + Mailbox.to(greenMail, RUN + "outage2@example.com").size() == 3;
        });
        // A retry still scheduled (0.2 s, 0.4 s backoff) comes due by moving the clock, not by sleeping.
        TestClock.get().advance(Duration.ofSeconds(1));
        deliver();
        for (int i = 0; i < 3; i++) {
            assertThat(Mailbox.to(greenMail, RUN + "outage" + i + "@example.com")).as("mails to outage" + i).hasSize(1);
        }
    }

    @Test
    void aMailThatKeepsFailingEndsDeadAfterMaxAttemptsAndIsNotSentLater() throws Exception {
        Event event = TestEvents.create(5, true);
        String email = RUN + "dead.letter@example.com";
        greenMail.stop();
        try {
            given().contentType("application/json").body(signUpJson("Dead", email))
                    .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
            long id = TestEvents.byEmail(event, email).id;
            // max-attempts is 3 in tests; retries wait 0.2 s, then 0.4 s
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
                outbox.relay();
                return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                        eventdesk.mail.OutboxMessage.forOwner(id).get(0).status == eventdesk.mail.OutboxMessage.Status.DEAD);
            });
            assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                    eventdesk.mail.OutboxMessage.forOwner(id).get(0).attempts)).isEqualTo(3);
        } finally {
            greenMail.start();
        }
        deliver();
        assertThat(Mailbox.to(greenMail, email)).isEmpty();
        given().auth().preemptive().basic("admin", "admin").get("/q/metrics").then().body(containsString("eventdesk_emails_total{result=\"dead\"}"));
    }

    @Test
    void duplicateEmailCreatesNothingAndResendsTheEmail() throws Exception {
        Event event = TestEvents.create(5, true);
        given().contentType("application/json").body(signUpJson("Dup", RUN + "dup@example.com"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202).body("status", equalTo("PENDING"));
        given().contentType("application/json").body(signUpJson("Dup Again", "  " + RUN.toUpperCase() + "DUP@Example.com "))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202)
                .body("status", equalTo("PENDING")).body("waitlistPosition", nullValue());
        assertThat(TestEvents.registrations(event)).hasSize(1);
        deliver();
        List<MimeMessage> mails = Mailbox.to(greenMail, RUN + "dup@example.com");
        assertThat(mails).hasSize(2);
        assertThat(Mailbox.text(mails.get(1))).contains("/confirm/");

        // Once confirmed, a repeated sign-up still answers like a held seat; it re-sends the mail at
        // most once per 10 minutes, so probing an address cannot bomb its owner.
        Forms.submit("/events/" + event.slug, Forms.link(Mailbox.text(mails.get(1)), "http://localhost:8080/confirm/")
                .substring("http://localhost:8080".length()), Map.of(), "en").then().statusCode(303);
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json").body(signUpJson("Dup 3", RUN + "dup@example.com"))
                    .post("/api/events/" + event.slug + "/registrations").then().statusCode(202)
                    .body("status", equalTo("PENDING"));
        }
        deliver();
        assertThat(Mailbox.to(greenMail, RUN + "dup@example.com").stream()
                .filter(m -> Mailbox.subject(m).startsWith("티켓:"))).hasSize(1);
        TestClock.get().advance(Duration.ofMinutes(11));
        given().contentType("application/json").body(signUpJson("Dup 4", RUN + "dup@example.com"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202)
                .body("status", equalTo("PENDING"));
        deliver();
        List<MimeMessage> after = Mailbox.to(greenMail, RUN + "dup@example.com");
        assertThat(after.stream().filter(m -> Mailbox.subject(m).startsWith("티켓:"))).hasSize(2);
    }

    @Test
    void formErrorsAreShownNextToTheFieldsWithTypedValuesKept() {
        Event event = TestEvents.create(5, true);
        Response r = Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations",
                Map.of("name", "이서연", "email", "seoyeon@", "affiliation", "", "role", "FOUNDER", "locale", "ko"), "ko");
        r.then().statusCode(422).body(allOf(
                containsString("value=\"이서연\""),
                containsString("value=\"seoyeon@\""),
                containsString("id=\"email-error\""),
                containsString("올바른 이메일 주소를 입력해 주세요"),
                containsString("aria-describedby=\"email-hint email-error\""),
                containsString("id=\"affiliation-error\""),
                containsString("id=\"consent-error\""),
                containsString("value=\"FOUNDER\" checked"),
                not(containsString("id=\"name-error\""))));
        assertThat(TestEvents.registrations(event)).isEmpty();
    }

    @Test
    void formWithoutCsrfTokenIsRefusedAndStoresNothing() {
        Event event = TestEvents.create(5, true);
        given().redirects().follow(false).header("Accept-Language", "en")
                .contentType("application/x-www-form-urlencoded")
                .formParams(person("No Token", RUN + "nocsrf@example.com"))
                .post("/events/" + event.slug + "/registrations")
                .then().statusCode(400).body(containsString("This form has expired"));
        assertThat(TestEvents.registrations(event)).isEmpty();
    }

    @Test
    void closedAndSoldOutEventsTakeNothing() {
        Event soldOut = TestEvents.create(1, false);
        given().contentType("application/json").body(signUpJson("Only", RUN + "only@example.com"))
                .post("/api/events/" + soldOut.slug + "/registrations").then().statusCode(202);
        given().contentType("application/json").body(signUpJson("Late", RUN + "late@example.com"))
                .post("/api/events/" + soldOut.slug + "/registrations").then().statusCode(409)
                .contentType(containsString("application/problem+json"));
        given().header("Accept-Language", "en").get("/events/" + soldOut.slug)
                .then().body(allOf(containsString("no waitlist"), not(containsString("<form method=\"post\" action=\"/events/"))));

        Event closed = TestEvents.create(10, true, TestClock.now().minusSeconds(7200), TestClock.now().minusSeconds(60));
        given().contentType("application/json").body(signUpJson("Closed", RUN + "closed@example.com"))
                .post("/api/events/" + closed.slug + "/registrations").then().statusCode(409);
        given().header("Accept-Language", "en").get("/events/" + closed.slug).then().body(containsString("Registration has closed"));
        assertThat(TestEvents.registrations(closed)).isEmpty();
        assertThat(TestEvents.registrations(soldOut)).hasSize(1);
        given().contentType("application/json").body(signUpJson("X", RUN + "x@example.com"))
                .post("/api/events/no-such-event/registrations").then().statusCode(404);
    }
}
