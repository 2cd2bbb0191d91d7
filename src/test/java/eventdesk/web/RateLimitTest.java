package eventdesk.web;

import eventdesk.event.Event;
import eventdesk.mail.OutboxMessage;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.BehindTrustedProxy;
import eventdesk.testing.Forms;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The sign-up limits as shipped, through the API and the form: the people of one company or campus behind
 * one NAT address all get seats in the opening minute; one email signed up over and over, from many
 * addresses, is stopped; every 429 says when to retry (Retry-After); and an email at its limit is answered
 * the same whether it is registered or not. The limits are the shipped defaults, and this test client is a
 * trusted proxy that speaks for many client addresses ({@link BehindTrustedProxy}).
 */
@QuarkusTest
@TestProfile(BehindTrustedProxy.class)
class RateLimitTest {

    static final String RUN = "l" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + ".";

    /** Every test starts with full budgets: an hour later every bucket has refilled (time only moves on here). */
    @BeforeEach
    void refillEveryBudget() {
        TestClock.get().advance(Duration.ofHours(2));
    }

    static Response signUp(Event event, String email, String client) {
        return given().header("X-Forwarded-For", client).contentType("application/json").body(signUpJson("Person", email))
                .post("/api/events/" + event.slug + "/registrations");
    }

    @Test
    void sixtyPeopleBehindOneAddressAllGetSeatsInOneMinuteButOneEmailSixtyTimesDoesNot() {
        Event event = TestEvents.create(100, false);
        for (int i = 0; i < 60; i++) {
            signUp(event, RUN + "colleague" + i + "@startup.example", "198.51.100.60")
                    .then().statusCode(202).body("status", equalTo("PENDING"));
        }
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isEqualTo(60);

        String email = RUN + "Min.Ji@Example.com";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String spelling = i % 2 == 0 ? email : email.toUpperCase();
            Response r = signUp(event, spelling, "203.0.113." + (i + 1));
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                assertThat(Long.parseLong(r.header("Retry-After"))).as("Retry-After").isBetween(1L, 360L);
                assertThat(r.contentType()).contains("application/problem+json");
            }
        }
        assertThat(statuses.subList(0, 10)).containsOnly(202);
        assertThat(statuses.subList(10, 60)).containsOnly(429);
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isEqualTo(61);
        long mails = QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.count("lower(recipient) = ?1", Registration.normalizeEmail(email)));
        assertThat(mails).as("the sign-up's mail and one re-send").isEqualTo(2);
    }

    @Test
    void anEmailAtItsLimitIsAnsweredTheSameWhetherItIsRegisteredOrNot() {
        Event open = TestEvents.create(50, true);
        Event soldOut = TestEvents.create(0, false);
        String registered = RUN + "registered@example.com", unknown = RUN + "unknown@example.com";
        for (int i = 0; i < 10; i++) {
            signUp(open, registered, "203.0.113.200").then().statusCode(202);
            signUp(soldOut, unknown, "203.0.113.201").then().statusCode(409);
        }
        assertThat(TestEvents.byEmail(open, registered)).isNotNull();
        assertThat(TestEvents.byEmail(open, unknown)).isNull();

        Response probe = signUp(open, registered, "203.0.113.202");
        Response newcomer = signUp(open, unknown, "203.0.113.203");
        assertThat(probe.statusCode()).isEqualTo(429).isEqualTo(newcomer.statusCode());
        assertThat(probe.contentType()).isEqualTo(newcomer.contentType());
        assertThat(probe.body().asString().replaceAll("\\d+ seconds?", "N seconds"))
                .isEqualTo(newcomer.body().asString().replaceAll("\\d+ seconds?", "N seconds"));
        assertThat(Long.parseLong(probe.header("Retry-After")))
                .isCloseTo(Long.parseLong(newcomer.header("Retry-After")), org.assertj.core.data.Offset.offset(2L));
        assertThat(TestEvents.byEmail(open, unknown)).as("nothing taken").isNull();
    }

    @Test
    void oneAddressOverItsBoundGets429WithRetryAfterAndTakesNothing() throws Exception {
        Event event = TestEvents.create(10, true);
        // Refused bodies count too. Eight at a time, until the bound is reached: it refills as the test runs.
        AtomicInteger refusedBodies = new AtomicInteger();
        AtomicReference<Response> limited = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                senders.add(pool.submit(() -> {
                    for (int i = 0; i < 200 && limited.get() == null; i++) {
                        Response r = given().header("X-Forwarded-For", "198.51.100.77").contentType("application/json")
                                .body("{}").post("/api/events/" + event.slug + "/registrations");
                        if (r.statusCode() == 429) limited.compareAndSet(null, r);
                        else assertThat(r.statusCode()).isEqualTo(400);
                        if (r.statusCode() == 400) refusedBodies.incrementAndGet();
                    }
                }));
            }
            for (Future<?> sender : senders) sender.get();
        } finally {
            pool.shutdown();
        }
        assertThat(limited.get()).as("a 429 from one address").isNotNull();
        assertThat(refusedBodies.get()).isGreaterThanOrEqualTo(120);
        limited.get().then().contentType(containsString("application/problem+json")).body("status", equalTo(429));
        assertThat(Long.parseLong(limited.get().header("Retry-After"))).isBetween(1L, 60L);

        // The form, over the email's limit: a page that says when to come back, and no seat.
        for (int i = 0; i < 11; i++) {
            Response r = Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations",
                    Map.of("name", "Form", "email", RUN + "form+" + i + "@example.com", "affiliation", "KAIST",
                            "role", "STUDENT", "locale", "en", "consent", "true"), "en");
            if (i < 10) {
                assertThat(r.statusCode()).isEqualTo(303);
            } else {
                r.then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.matchesRegex("[1-9][0-9]*"))
                        .body(containsString("Too many sign-ups")).body(containsString("minutes"));
            }
        }
        assertThat(TestEvents.registrations(event)).hasSize(10);
    }
}
