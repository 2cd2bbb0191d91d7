package eventdesk.chart;

import eventdesk.event.Event;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationService;
import eventdesk.registration.ApprovalService;
import eventdesk.registration.CheckInService;
import eventdesk.registration.DrawService;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The charts' numbers equal a recount of the registrations, and the SVG has a text alternative. */
@QuarkusTest
class EventChartsTest extends RestoresTestClock {

    @Inject
    EventCharts charts;
    @Inject
    RegistrationService registrations;
    @Inject
    ApprovalService approvals;
    @Inject
    CheckInService checkIns;
    @Inject
    DrawService draws;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    int people;

    void signUp(Event event, String locale) {
        String email = "chart" + (people++) + "." + tag + "@example.com";
        given().contentType("application/json").body(signUpJson("Chart Person", email, locale))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
    }

    /** Sign-ups at different times: a rush in the opening minute, more later, the waitlist from the fourth seat on. */
    Event eventWithSignUps() {
        Event event = TestEvents.update(TestEvents.create(4, true), e -> { });
        Instant opens = event.registrationOpensAt;
        TestClock.get().set(opens.plusSeconds(5));
        signUp(event, "ko");
        signUp(event, "en");
        TestClock.get().set(opens.plusSeconds(40));
        signUp(event, "ko");
        TestClock.get().set(opens.plus(Duration.ofMinutes(3)));
        signUp(event, "ko");
        signUp(event, "en"); // full: waitlist
        TestClock.get().set(opens.plus(Duration.ofHours(5)));
        signUp(event, "en");
        TestClock.get().set(opens.plus(Duration.ofDays(3)));
        signUp(event, "ko");
        return event;
    }

    @Test
    void signUpsOverTimeEqualARecountOfTheRegistrations() {
        Event event = eventWithSignUps();
        EventCharts.SignUps data = QuarkusTransaction.requiringNew().call(() -> charts.signUps(Event.findById(event.id)));
        List<Registration> all = TestEvents.registrations(event);
        assertThat(all).hasSize(7);
        assertThat(data.from()).isEqualTo(event.registrationOpensAt);
        for (EventCharts.Point p : data.points()) {
            long seats = all.stream().filter(r -> !r.createdAt.isAfter(p.at()) && r.waitlistSeq == null && r.seatedAt != null).count();
            long waitlist = all.stream().filter(r -> !r.createdAt.isAfter(p.at()) && r.waitlistSeq != null).count();
            assertThat(List.of(p.seats(), p.waitlist())).as("at " + p.at()).containsExactly(seats, waitlist);
        }
        // The opening minute is its own sample: two seats after it, three after the second.
        assertThat(data.points().get(1).at()).isEqualTo(event.registrationOpensAt.plus(Duration.ofMinutes(1)));
        assertThat(data.points().get(1).seats()).isEqualTo(3);
        assertThat(data.points()).anySatisfy(p -> assertThat(p.at()).isEqualTo(event.registrationOpensAt.plus(Duration.ofHours(6))));
        assertThat(data.last().total()).isEqualTo(7);
        assertThat(data.last()).isEqualTo(new EventCharts.Point(data.to(), 4, 3));
    }

    /**
     * "Took a seat" counts what the seat path gave, not sign-ups: applications still waiting, declined
     * ones and draw applications that were not drawn are in neither line.
     */
    @Test
    void approvalAndDrawEventsCountOnlyTheSeatsThatWereGiven() {
        Event approval = TestEvents.update(TestEvents.create(2, true), e -> e.approvalRequired = true);
        for (int i = 0; i < 6; i++) signUp(approval, "en");
        List<Registration> applied = TestEvents.registrations(approval);
        approvals.approve(applied.get(0).id, TestClock.now());
        approvals.approve(applied.get(1).id, TestClock.now());
        approvals.approve(applied.get(2).id, TestClock.now()); // full: the waitlist
        approvals.decline(applied.get(3).id, TestClock.now());
        approvals.decline(applied.get(4).id, TestClock.now());
        EventCharts.Point approvals = QuarkusTransaction.requiringNew().call(() -> charts.signUps(Event.findById(approval.id))).last();
        assertThat(List.of(approvals.seats(), approvals.waitlist())).containsExactly(2L, 1L);

        Instant drawAt = TestClock.now().plus(Duration.ofHours(2));
        Event draw = TestEvents.update(TestEvents.create(2, true), e -> {
            e.makeDraw();
            e.drawAt = drawAt;
        });
        for (int i = 0; i < 5; i++) signUp(draw, "ko");
        List<Registration> applications = TestEvents.registrations(draw);
        for (Registration r : applications.subList(0, 3)) {
            draws.verify(QuarkusTransaction.requiringNew().call(() -> eventdesk.registration.AccessToken.issue(
                    Registration.findById(r.id), eventdesk.registration.AccessToken.Purpose.VERIFY, TestClock.now())), TestClock.now());
        }
        TestClock.get().set(drawAt.plusSeconds(1));
        assertThat(draws.draw(draw.id, TestClock.now())).isTrue();
        EventCharts.Point drawn = QuarkusTransaction.requiringNew().call(() -> charts.signUps(Event.findById(draw.id))).last();
        assertThat(List.of(drawn.seats(), drawn.waitlist())).containsExactly(2L, 1L);
        assertThat(TestEvents.seatsTaken(draw)).isEqualTo(2);
    }

    @Test
    void theFunnelEqualsARecountAndTheShowRateAppearsOnceTheEventStarted() {
        Event event = eventWithSignUps();
        List<Registration> all = TestEvents.registrations(event);
        // One cancels (the first waitlisted person moves up), two more are confirmed, one of them checks in.
        registrations.cancelById(all.get(0).id, TestClock.now());
        TestEvents.update(event, e -> e.capacity = 10);
        long came = TestEvents.insert(event, "Came " + tag, "came." + tag + "@example.com", "Toss", RegistrationStatus.CONFIRMED);
        TestEvents.insert(event, "Missed " + tag, "missed." + tag + "@example.com", "Toss", RegistrationStatus.CONFIRMED);
        checkIns.checkIn(came, TestClock.now());
        // The one who came had answered "I'll be there".
        QuarkusTransaction.requiringNew().run(() -> Registration.<Registration>findById(came).reconfirmedAt = TestClock.now());
        EventCharts.Funnel before = QuarkusTransaction.requiringNew().call(() -> charts.funnel(Event.findById(event.id), TestClock.now()));
        all = TestEvents.registrations(event);
        long confirmed = all.stream().filter(r -> r.status == RegistrationStatus.CONFIRMED).count();
        long checkedIn = all.stream().filter(r -> r.checkedInAt != null).count();
        long reconfirmed = all.stream().filter(r -> r.status == RegistrationStatus.CONFIRMED && r.reconfirmedAt != null).count();
        assertThat(before.steps()).extracting(EventCharts.Step::count)
                .containsExactly((long) all.size(), confirmed, reconfirmed, checkedIn);
        assertThat(List.of((long) all.size(), confirmed, reconfirmed, checkedIn)).containsExactly(9L, 2L, 1L, 1L);
        assertThat(before.showRatePercent()).isNull();

        TestClock.get().set(event.endsAt.plusSeconds(60));
        EventCharts.Funnel after = QuarkusTransaction.requiringNew().call(() -> charts.funnel(Event.findById(event.id), TestClock.now()));
        assertThat(after.showRatePercent()).isEqualTo(50);
    }

    @Test
    void theChartPageDrawsSvgWithATitleADescriptionAndTheDataAsTables() {
        Event event = eventWithSignUps();
        TestEvents.update(event, e -> e.title = "<script>alert(1)</script> & Co");
        String page = given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en")
                .get("/admin/events/" + event.slug + "/charts").then().statusCode(200)
                .body(not(containsString("<script>alert(1)")))
                .extract().asString();
        assertThat(page).contains("<svg class=\"chart-svg\"", "role=\"img\"", "aria-labelledby=\"signups-title signups-desc\"",
                "<title id=\"signups-title\">Sign-ups over time for &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</title>",
                "<desc id=\"signups-desc\">Within 10 minutes of opening 4 people took a seat and 1 joined the waitlist.",
                "<title id=\"funnel-title\">", "<desc id=\"funnel-desc\">Signed up: 7 (100% of sign-ups).",
                "<table class=\"data\" id=\"signups-table\">", "<table class=\"data\" id=\"funnel-table\">",
                "<th scope=\"row\">Signed up</th><td>7</td><td>100%</td>");
        // The opening minute's sample is a row of the table.
        assertThat(page).containsPattern("<tr><td>[^<]+</td><td>3</td><td>0</td></tr>");
        // Other tests read the public event list: it should not carry this test's hostile title.
        TestEvents.update(event, e -> e.title = "Test Meetup");
        String ko = given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "ko")
                .get("/admin/events/" + event.slug + "/charts").then().statusCode(200).extract().asString();
        assertThat(ko).contains("시간별 신청", "퍼널", "<th scope=\"row\">신청</th>");
    }
}
