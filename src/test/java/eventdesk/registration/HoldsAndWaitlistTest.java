package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hold expiry, promotion from the waitlist (FIFO, exactly once per seat) and capacity changes. */
@QuarkusTest
class HoldsAndWaitlistTest {

    @Inject
    RegistrationService service;

    private static void signUp(Event event, String who) {
        given().contentType("application/json").body(signUpJson(who, who + "@example.com"))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
    }

    private static RegistrationStatus status(Event event, String who) {
        return TestEvents.byEmail(event, who + "@example.com").status;
    }

    @Test
    void expiredHoldsFreeTheirSeatsForTheWaitlistInOrder() {
        Event event = TestEvents.create(2, true);
        for (String who : List.of("a", "b", "c", "d", "e")) signUp(event, who);
        assertThat(List.of(status(event, "a"), status(event, "b"))).containsOnly(RegistrationStatus.PENDING);

        // Not yet due: nothing changes.
        service.expireHolds(event.id, Instant.now().plus(Duration.ofMinutes(29)));
        assertThat(List.of(status(event, "a"), status(event, "b"))).containsOnly(RegistrationStatus.PENDING);
        assertThat(service.expireHolds(event.id, Instant.now().plus(Duration.ofMinutes(31)))).isGreaterThanOrEqualTo(2);

        assertThat(status(event, "a")).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(status(event, "b")).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(status(event, "c")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "d")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "e")).isEqualTo(RegistrationStatus.WAITLISTED);
        Registration e = TestEvents.byEmail(event, "e@example.com");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(e.id).waitlistPosition()))
                .isEqualTo(1);
        assertThat(TestEvents.byEmail(event, "c@example.com").holdExpiresAt).isAfter(Instant.now().plus(Duration.ofMinutes(29)));
    }

    @Test
    void aCancelPromotesExactlyOnePersonTheFirstInLine() {
        Event event = TestEvents.create(1, true);
        for (String who : List.of("p", "q", "r")) signUp(event, who);
        Registration p = TestEvents.byEmail(event, "p@example.com");
        service.cancelById(p.id, Instant.now());
        assertThat(status(event, "p")).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status(event, "q")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "r")).isEqualTo(RegistrationStatus.WAITLISTED);
        // Cancelling again changes nothing and promotes nobody.
        service.cancelById(p.id, Instant.now());
        assertThat(status(event, "r")).isEqualTo(RegistrationStatus.WAITLISTED);
        // A waitlisted person who cancels frees no seat.
        service.cancelById(TestEvents.byEmail(event, "r@example.com").id, Instant.now());
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isEqualTo(1);
    }

    @Test
    void raisingCapacityPromotesAtOnceAndLoweringNeverCancels() {
        Event event = TestEvents.create(1, true);
        for (String who : List.of("k1", "k2", "k3", "k4")) signUp(event, who);
        service.changeCapacity(event, 3, Instant.now());
        assertThat(status(event, "k2")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "k3")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "k4")).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThatThrownBy(() -> service.changeCapacity(event, 2, Instant.now()))
                .isInstanceOf(RegistrationException.CapacityBelowTaken.class);
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isEqualTo(3);
        service.changeCapacity(event, 3, Instant.now());
    }

    @Test
    void aHoldPastItsExpiryCannotBeConfirmed() {
        Event event = TestEvents.create(1, true);
        signUp(event, "late");
        signUp(event, "next");
        Registration late = TestEvents.byEmail(event, "late@example.com");
        String token = QuarkusTransaction.requiringNew().call(() ->
                AccessToken.issue(Registration.findById(late.id), AccessToken.Purpose.CONFIRM, Instant.now()));
        service.confirm(token, Instant.now().plus(Duration.ofHours(1)));
        assertThat(status(event, "late")).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(status(event, "next")).isEqualTo(RegistrationStatus.PENDING);
        // The dead token opens nothing.
        assertThatThrownBy(() -> service.confirm(token, Instant.now())).isInstanceOf(RegistrationException.InvalidLink.class);
    }

    @Test
    void twoFreedSeatsRacingPromoteTwoDifferentPeople() throws Exception {
        Event event = TestEvents.create(2, true);
        for (String who : List.of("x1", "x2", "x3", "x4", "x5")) signUp(event, who);
        long id1 = TestEvents.byEmail(event, "x1@example.com").id;
        long id2 = TestEvents.byEmail(event, "x2@example.com").id;
        Thread t1 = new Thread(() -> service.cancelById(id1, Instant.now()));
        Thread t2 = new Thread(() -> service.cancelById(id2, Instant.now()));
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        assertThat(status(event, "x3")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "x4")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "x5")).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isEqualTo(2);
    }

    @Test
    void nobodyIsOfferedASeatOnceRegistrationHasClosed() {
        Event event = TestEvents.create(1, true);
        signUp(event, "closed1");
        signUp(event, "closed2");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                Event.<Event>findById(event.id).registrationClosesAt = Instant.now().minusSeconds(1));
        service.cancelById(TestEvents.byEmail(event, "closed1@example.com").id, Instant.now());
        assertThat(status(event, "closed2")).isEqualTo(RegistrationStatus.WAITLISTED);
    }

    @Test
    void aHoldNeverOutlastsTheStartOfTheEvent() {
        Event event = TestEvents.create(5, true);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                Event.<Event>findById(event.id).startsAt = Instant.now().plus(Duration.ofMinutes(10)));
        signUp(event, "soon");
        Registration r = TestEvents.byEmail(event, "soon@example.com");
        assertThat(r.holdExpiresAt).isBefore(Instant.now().plus(Duration.ofMinutes(11)));
    }

    @Test
    void aCheckedInAttendeeCannotBeCancelled() {
        Event event = TestEvents.create(1, true);
        long id = TestEvents.insert(event, "Door", "door@example.com", "X", RegistrationStatus.CONFIRMED);
        signUp(event, "behind");
        assertThat(service.checkIn(id, Instant.now())).isEqualTo(RegistrationService.CheckInResult.CHECKED_IN);
        service.cancelById(id, Instant.now());
        assertThat(status(event, "door")).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(status(event, "behind")).isEqualTo(RegistrationStatus.WAITLISTED);
    }
}
