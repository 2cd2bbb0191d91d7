package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.testing.Race;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hold expiry, promotion from the waitlist (FIFO, exactly once per seat) and capacity changes.
 * Holds expire by moving the test clock; the expiry job runs for the test's own event only.
 */
@QuarkusTest
class HoldsAndWaitlistTest extends RestoresTestClock {

    @Inject
    RegistrationService service;
    @Inject
    CheckInService checkIns;
    @Inject
    SeatJobs jobs;
    @Inject
    SeatEditor seats;

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

        // Not yet due (holds last 30 minutes in tests): nothing changes.
        TestClock.get().advance(Duration.ofMinutes(29));
        assertThat(jobs.expireHolds(event.id, TestClock.now())).isZero();
        assertThat(List.of(status(event, "a"), status(event, "b"))).containsOnly(RegistrationStatus.PENDING);
        TestClock.get().advance(Duration.ofMinutes(2));
        assertThat(jobs.expireHolds(event.id, TestClock.now())).isEqualTo(2);

        assertThat(status(event, "a")).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(status(event, "b")).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(status(event, "c")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "d")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "e")).isEqualTo(RegistrationStatus.WAITLISTED);
        Registration e = TestEvents.byEmail(event, "e@example.com");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(e.id).waitlistPosition()))
                .isEqualTo(1);
        // The promoted get a fresh hold from the moment of promotion.
        assertThat(TestEvents.byEmail(event, "c@example.com").holdExpiresAt).isAfter(TestClock.now().plus(Duration.ofMinutes(29)));
        assertThat(TestEvents.seatsTaken(event)).isEqualTo(2);
        // Their holds run out in turn and the last one waiting gets the seat.
        TestClock.get().advance(Duration.ofMinutes(31));
        assertThat(jobs.expireHolds(event.id, TestClock.now())).isEqualTo(2);
        assertThat(status(event, "e")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(TestEvents.waitlistPositions(event)).isEmpty();
    }

    @Test
    void aCancelPromotesExactlyOnePersonTheFirstInLine() {
        Event event = TestEvents.create(1, true);
        for (String who : List.of("p", "q", "r")) signUp(event, who);
        Registration p = TestEvents.byEmail(event, "p@example.com");
        service.cancelById(p.id, TestClock.now());
        assertThat(status(event, "p")).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(status(event, "q")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "r")).isEqualTo(RegistrationStatus.WAITLISTED);
        // Cancelling again changes nothing and promotes nobody.
        service.cancelById(p.id, TestClock.now());
        assertThat(status(event, "r")).isEqualTo(RegistrationStatus.WAITLISTED);
        // A waitlisted person who cancels frees no seat.
        service.cancelById(TestEvents.byEmail(event, "r@example.com").id, TestClock.now());
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isEqualTo(1);
    }

    @Test
    void raisingCapacityPromotesAtOnceAndLoweringNeverCancels() {
        Event event = TestEvents.create(1, true);
        for (String who : List.of("k1", "k2", "k3", "k4")) signUp(event, who);
        seats.changeSeats(event, 3, null, TestClock.now());
        assertThat(status(event, "k2")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "k3")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "k4")).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThatThrownBy(() -> seats.changeSeats(event, 2, null, TestClock.now()))
                .isInstanceOf(RegistrationException.CapacityBelowTaken.class);
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isEqualTo(3);
        seats.changeSeats(event, 3, null, TestClock.now());
    }

    @Test
    void aHoldPastItsExpiryCannotBeConfirmed() {
        Event event = TestEvents.create(1, true);
        signUp(event, "late");
        signUp(event, "next");
        Registration late = TestEvents.byEmail(event, "late@example.com");
        String token = QuarkusTransaction.requiringNew().call(() ->
                AccessToken.issue(Registration.findById(late.id), AccessToken.Purpose.CONFIRM, TestClock.now()));
        TestClock.get().advance(Duration.ofHours(1));
        service.confirm(token, TestClock.now());
        assertThat(status(event, "late")).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(status(event, "next")).isEqualTo(RegistrationStatus.PENDING);
        // The dead token opens nothing.
        assertThatThrownBy(() -> service.confirm(token, TestClock.now())).isInstanceOf(RegistrationException.InvalidLink.class);
    }

    @Test
    void twoFreedSeatsRacingPromoteTwoDifferentPeople() throws Exception {
        Event event = TestEvents.create(2, true);
        for (String who : List.of("x1", "x2", "x3", "x4", "x5", "x6")) signUp(event, who);
        long id1 = TestEvents.byEmail(event, "x1@example.com").id;
        long id2 = TestEvents.byEmail(event, "x2@example.com").id;
        Race.run(List.of(id1, id2).stream().<java.util.concurrent.Callable<Registration>>map(id ->
                () -> service.cancelById(id, TestClock.now())).toList());
        assertThat(status(event, "x3")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "x4")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(status(event, "x5")).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(TestEvents.seatsTaken(event)).isEqualTo(2);
        assertThat(TestEvents.waitlistPositions(event)).containsExactly(1L, 2L);
    }

    @Test
    void nobodyIsOfferedASeatOnceRegistrationHasClosed() {
        Event event = TestEvents.create(1, true);
        signUp(event, "closed1");
        signUp(event, "closed2");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                Event.<Event>findById(event.id).registrationClosesAt = TestClock.now().minusSeconds(1));
        service.cancelById(TestEvents.byEmail(event, "closed1@example.com").id, TestClock.now());
        assertThat(status(event, "closed2")).isEqualTo(RegistrationStatus.WAITLISTED);
    }

    @Test
    void aHoldNeverOutlastsTheStartOfTheEvent() {
        Event event = TestEvents.create(5, true);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                Event.<Event>findById(event.id).startsAt = TestClock.now().plus(Duration.ofMinutes(10)));
        signUp(event, "soon");
        Registration r = TestEvents.byEmail(event, "soon@example.com");
        assertThat(r.holdExpiresAt).isBefore(TestClock.now().plus(Duration.ofMinutes(11)));
    }

    @Test
    void aCheckedInAttendeeCannotBeCancelled() {
        Event event = TestEvents.create(1, true);
        long id = TestEvents.insert(event, "Door", "door@example.com", "X", RegistrationStatus.CONFIRMED);
        signUp(event, "behind");
        assertThat(checkIns.checkIn(id, TestClock.now())).isEqualTo(CheckInService.CheckInResult.CHECKED_IN);
        service.cancelById(id, TestClock.now());
        assertThat(status(event, "door")).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(status(event, "behind")).isEqualTo(RegistrationStatus.WAITLISTED);
    }
}
