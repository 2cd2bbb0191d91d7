package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.testing.Forms;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import com.icegreen.greenmail.util.GreenMail;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * Nothing depends on today's date: with the clock at 2030-06-01, an event made then takes sign-ups
 * (API and form), confirms from the emailed link, cancels, expires a hold and promotes the next in
 * line when the clock moves, and goes from the upcoming list to "Past events" once it has ended.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class KeyFlowsIn2030Test {

    static final Instant JUNE_2030 = Instant.parse("2030-06-01T00:00:00Z");
    static final String SITE = "http://localhost:8080";

    @Inject
    SeatJobs jobs;
    @Inject
    Outbox outbox;
    GreenMail greenMail;

    Duration clockOffset;

    @BeforeEach
    void toJune2030() {
        clockOffset = TestClock.get().offset();
        TestClock.get().set(JUNE_2030);
    }

    /** Sends what is due while it is still 2030, so no mail waits for a date the clock goes back from. */
    @AfterEach
    void backToToday() {
        eventdesk.testing.Deliveries.deliver(outbox);
        TestClock.get().restore(clockOffset);
    }

    /** Relays what is due, then the link starting with {@code prefix} in the n-th mail to {@code email}. */
    private String mailedPath(String email, int index, String prefix) {
        eventdesk.testing.Deliveries.deliver(outbox);
        List<MimeMessage> mails = Mailbox.to(greenMail, email);
        assertThat(mails).as("mails to " + email).hasSizeGreaterThan(index);
        return Forms.link(Mailbox.text(mails.get(index)), SITE + prefix).substring(SITE.length());
    }

    private static RegistrationStatus status(Event event, String email) {
        return TestEvents.byEmail(event, email).status;
    }

    @Test
    void signUpConfirmCancelExpiryAndThePastListWorkIn2030() {
        Event event = TestEvents.named(TestEvents.create(2, true));
        assertThat(event.startsAt).isAfter(JUNE_2030).isBefore(JUNE_2030.plus(Duration.ofDays(60)));
        String ann = "ann." + event.slug + "@example.com";
        String bob = "bob." + event.slug + "@example.com";
        String cho = "cho." + event.slug + "@example.com";
        String dan = "dan." + event.slug + "@example.com";

        // Upcoming, in the list and the API, with 2030 dates.
        given().get("/api/events").then().statusCode(200).body("slug", hasItem(event.slug));
        given().get("/api/events/" + event.slug).then().statusCode(200)
                .body("registrationOpen", equalTo(true)).body("startsAt", startsWith("2030-07-"));
        String list = given().header("Accept-Language", "en").get("/").then().statusCode(200).extract().asString();
        assertThat(list).contains(event.title);
        if (list.contains("Past events")) {
            assertThat(list.indexOf(event.title)).as("above Past events").isLessThan(list.indexOf("Past events"));
        }
        given().header("Accept-Language", "en").get("/events/" + event.slug).then().statusCode(200)
                .body(containsString("2030"));

        // Sign-up through the form (CSRF) and through the API; the third person queues.
        Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations",
                        Map.of("name", "Ann Form", "email", ann, "affiliation", "KAIST", "role", "STUDENT",
                                "locale", "en", "consent", "true"), "en")
                .then().statusCode(303).header("Location", containsString("/events/" + event.slug + "/thanks"));
        given().contentType("application/json").body(signUpJson("Bob Api", bob, "en"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202).body("status", equalTo("PENDING"));
        given().contentType("application/json").body(signUpJson("Cho Queue", cho, "en"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));

        // Confirm from the emailed link: the GET shows a button, only the POST confirms.
        String confirm = mailedPath(ann, 0, "/confirm/");
        given().header("Accept-Language", "en").get(confirm).then().statusCode(200)
                .body(allOf(containsString("Confirm my seat"), containsString("method=\"post\"")));
        assertThat(status(event, ann)).isEqualTo(RegistrationStatus.PENDING);
        Forms.submit(confirm, confirm, Map.of(), "en").then().statusCode(303);
        Registration confirmed = TestEvents.byEmail(event, ann);
        assertThat(confirmed.status).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(confirmed.confirmedAt).isBetween(JUNE_2030, JUNE_2030.plus(Duration.ofHours(1)));
        eventdesk.testing.Deliveries.deliver(outbox);
        assertThat(Mailbox.to(greenMail, ann)).hasSize(2);
        assertThat(Mailbox.subject(Mailbox.to(greenMail, ann).get(1))).startsWith("Your ticket");
        assertThat(Mailbox.text(Mailbox.to(greenMail, ann).get(1))).contains("DTSTART;TZID=Asia/Seoul:2030");

        // Cancel from the manage link: the seat goes to the first in line, with a hold from 2030.
        String manage = mailedPath(bob, 0, "/manage/");
        Forms.submit(manage, manage + "/cancel", Map.of(), "en").then().statusCode(303);
        assertThat(status(event, bob)).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status(event, cho)).isEqualTo(RegistrationStatus.PENDING);
        Instant choHold = TestEvents.byEmail(event, cho).holdExpiresAt;
        assertThat(choHold).isBetween(JUNE_2030, JUNE_2030.plus(Duration.ofHours(1)));
        assertThat(mailedPath(cho, 1, "/confirm/")).startsWith("/confirm/");

        // The hold runs out when the clock moves past it; the next in line is promoted.
        given().contentType("application/json").body(signUpJson("Dan Queue", dan, "en"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        assertThat(jobs.expireHolds(event.id, TestClock.now())).isZero();
        TestClock.get().set(choHold.plusSeconds(1));
        assertThat(jobs.expireHolds(event.id, TestClock.now())).isEqualTo(1);
        assertThat(status(event, cho)).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(status(event, dan)).isEqualTo(RegistrationStatus.PENDING);
        assertThat(TestEvents.seatsTaken(event)).isEqualTo(2);
        assertThat(mailedPath(dan, 1, "/confirm/")).startsWith("/confirm/");

        // Once it has ended: under "Past events", gone from the API list, still readable, closed.
        TestClock.get().set(event.endsAt.plusSeconds(60));
        String past = given().header("Accept-Language", "en").get("/").then().statusCode(200).extract().asString();
        assertThat(past).contains("Past events", event.title);
        assertThat(past.indexOf("Past events")).isLessThan(past.indexOf(event.title));
        given().get("/api/events").then().statusCode(200).body("slug", not(hasItem(event.slug)));
        given().get("/api/events/" + event.slug).then().statusCode(200).body("registrationOpen", equalTo(false));
        given().contentType("application/json").body(signUpJson("Too Late", "late." + event.slug + "@example.com", "en"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(409);
    }
}
