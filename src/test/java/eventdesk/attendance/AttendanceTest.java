package eventdesk.attendance;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationService;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.Deliveries;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.web.Kst;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static eventdesk.registration.RegistrationStatus.CANCELLED;
import static eventdesk.registration.RegistrationStatus.CONFIRMED;
import static eventdesk.registration.RegistrationStatus.PENDING;
import static eventdesk.registration.RegistrationStatus.WAITLISTED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * "Still coming?", reminders and the automatic release, driven by moving the test clock and running
 * the jobs for the test's own event; mail read from a real SMTP server.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AttendanceTest extends RestoresTestClock {

    static final String RUN = "a" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + ".";
    static final String BASE = "http://localhost:8080";

    GreenMail greenMail;

    @Inject
    Outbox outbox;
    @Inject
    Attendance attendance;
    @Inject
    RegistrationService registrations;

    /** An event starting this long from now (test clock), registration open until the start. */
    static Event startingIn(Duration in, int capacity) {
        Event created = TestEvents.create(capacity, true);
        return TestEvents.update(created, e -> {
            e.startsAt = TestClock.now().plus(in);
            e.endsAt = e.startsAt.plus(Duration.ofHours(3));
            e.registrationClosesAt = e.startsAt;
        });
    }

    static String email(String who) {
        return RUN + who + "@example.com";
    }

    /** A person in this status, confirmed now (test clock) when CONFIRMED, mailed in {@code locale}. */
    static long person(Event event, String who, String locale, RegistrationStatus status) {
        long id = TestEvents.insert(event, who, email(who), "Seoul Startups", status);
        QuarkusTransaction.requiringNew().run(() -> Registration.<Registration>findById(id).locale = locale);
        return id;
    }

    static Registration reg(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.findById(id));
    }

    static Instant now() {
        return TestClock.now();
    }

    static void advance(Duration by) {
        TestClock.get().advance(by);
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en");
    }

    List<MimeMessage> mails(String who, String subjectStart) {
        return Mailbox.to(greenMail, email(who)).stream().filter(m -> Mailbox.subject(m).startsWith(subjectStart)).toList();
    }

    static String path(String text, String regex) {
        Matcher m = Pattern.compile(Pattern.quote(BASE) + "(" + regex + ")").matcher(text);
        if (!m.find()) throw new AssertionError("no link " + regex + " in: " + text);
        return m.group(1);
    }

    @Test
    void stillComingGoesOutOnceAtItsTimeInEachPersonsLanguageAndNeverToCancelledPeople() {
        Event event = startingIn(Duration.ofDays(5), 10);
        person(event, "minji", "ko", CONFIRMED);
        person(event, "sam", "en", CONFIRMED);
        long gone = person(event, "gone", "en", CONFIRMED);
        person(event, "queued", "en", PENDING);

        // Three days before the start is two days from now: a minute early, nothing goes out.
        advance(Duration.ofDays(2).minusMinutes(1));
        assertThat(attendance.sendReconfirmations(event.id, now())).isZero();
        registrations.cancelById(gone, now());
        advance(Duration.ofMinutes(2));
        assertThat(attendance.sendReconfirmations(event.id, now())).isEqualTo(2);
        // The next run, a restart or another instance finds everyone marked.
        assertThat(attendance.sendReconfirmations(event.id, now())).isZero();
        advance(Duration.ofHours(1));
        assertThat(attendance.sendReconfirmations(event.id, now())).isZero();
        // Someone who confirms within the window has just answered: not asked again.
        person(event, "fresh", "en", CONFIRMED);
        assertThat(attendance.sendReconfirmations(event.id, now())).isZero();
        Deliveries.deliver(outbox);

        List<MimeMessage> ko = mails("minji", "");
        assertThat(ko).hasSize(1);
        assertThat(Mailbox.subject(ko.get(0))).isEqualTo("참석하시나요? 테스트 밋업");
        assertThat(Mailbox.text(ko.get(0))).contains("minji 님, 안녕하세요", "참석합니다", "좌석 반납하기",
                BASE + "/attendance/", BASE + "/manage/").doesNotContain("그때까지 답이 없으면");
        List<MimeMessage> en = mails("sam", "");
        assertThat(en).hasSize(1);
        assertThat(Mailbox.subject(en.get(0))).isEqualTo("Still coming? Test Meetup");
        assertThat(Mailbox.text(en.get(0))).contains("Hello sam", "I'll be there", "Release my seat", "KST");
        assertThat(mails("gone", "Still coming?")).isEmpty();
        assertThat(mails("queued", "Still coming?")).isEmpty();
        assertThat(mails("fresh", "Still coming?")).isEmpty();
        assertThat(reg(gone).reconfirmSentAt).isNull();
    }

    @Test
    void theReminderCarriesTheTicketAgainOnceTheDayBeforeAndSkipsWhoCancelled() {
        Event event = startingIn(Duration.ofDays(5), 10);
        person(event, "jiho", "ko", CONFIRMED);
        person(event, "alex", "en", CONFIRMED);
        long leaves = person(event, "leaves", "ko", CONFIRMED);

        advance(Duration.ofDays(4).minusMinutes(1));
        assertThat(attendance.sendReminders(event.id, now())).isZero();
        registrations.cancelById(leaves, now());
        advance(Duration.ofMinutes(2));
        assertThat(attendance.sendReminders(event.id, now())).isEqualTo(2);
        assertThat(attendance.sendReminders(event.id, now())).isZero();
        advance(Duration.ofHours(12));
        assertThat(attendance.sendReminders(event.id, now())).isZero();
        Deliveries.deliver(outbox);

        List<MimeMessage> ko = mails("jiho", "곧 만나요");
        assertThat(ko).hasSize(1);
        assertThat(Mailbox.subject(ko.get(0))).isEqualTo("곧 만나요: 테스트 밋업");
        assertThat(Mailbox.partTypes(ko.get(0))).contains("text/plain", "text/html", "image/png");
        assertThat(Mailbox.text(ko.get(0))).contains("cid:ticket-qr@eventdesk", "체크인 코드",
                Kst.range(event.startsAt, event.endsAt, Locale.KOREAN), "Test Hall, 1 Test-ro, Seoul",
                "https://map.naver.com/p/search/1%20Test-ro%2C%20Seoul", BASE + "/manage/", "좌석 반납하기");
        assertThat(path(Mailbox.text(ko.get(0)), "/attendance/[A-Za-z0-9_-]+/release")).isNotBlank();

        List<MimeMessage> en = mails("alex", "");
        assertThat(en).hasSize(1);
        assertThat(Mailbox.subject(en.get(0))).isEqualTo("See you soon: Test Meetup");
        assertThat(Mailbox.text(en.get(0))).contains("Show the QR code at the door",
                Kst.range(event.startsAt, event.endsAt, Locale.ENGLISH),
                "https://www.google.com/maps/search/?api=1&query=1%20Test-ro%2C%20Seoul", "Can't come after all?");
        assertThat(mails("leaves", "곧 만나요")).isEmpty();
    }

    @Test
    void illBeThereIsAPostFromTheMailedLinkAndTheOrganizerSeesWhoAnswered() {
        Event event = startingIn(Duration.ofDays(5), 10);
        long sam = person(event, "yes.sam", "en", CONFIRMED);
        person(event, "silent", "en", CONFIRMED);
        advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(attendance.sendReconfirmations(event.id, now())).isEqualTo(2);
        Deliveries.deliver(outbox);
        String yes = path(Mailbox.text(mails("yes.sam", "Still coming?").get(0)), "/attendance/[A-Za-z0-9_-]+/yes");

        // Opening the link (as a mail scanner does) only shows the button.
        given().header("Accept-Language", "en").get(yes).then().statusCode(200)
                .body(allOf(containsString("I&#39;ll be there"), containsString("method=\"post\""), not(containsString("/release\""))));
        assertThat(reg(sam).reconfirmedAt).isNull();
        // Without the CSRF token nothing happens.
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").post(yes).then().statusCode(400);
        assertThat(reg(sam).reconfirmedAt).isNull();

        Forms.submit(yes, yes, Map.of(), "en").then().statusCode(303)
                .header("Location", containsString(yes.substring(0, yes.length() - "/yes".length())));
        Instant answered = reg(sam).reconfirmedAt;
        assertThat(answered).isNotNull();
        Forms.submit(yes, yes, Map.of(), "en").then().statusCode(303);
        assertThat(reg(sam).reconfirmedAt).isEqualTo(answered);
        given().header("Accept-Language", "en").get(yes.replace("/yes", "")).then().statusCode(200)
                .body(containsString("Thank you. See you there!"));

        admin().get("/api/admin/events/" + event.slug + "/registrations").then().statusCode(200)
                .body("find { it.email == '" + email("yes.sam") + "' }.reconfirmedAt", notNullValue())
                .body("find { it.email == '" + email("silent") + "' }.reconfirmedAt", nullValue())
                .body("find { it.email == '" + email("silent") + "' }.reconfirmSentAt", notNullValue());
        admin().get("/admin/events/" + event.slug).then().statusCode(200)
                .body(containsString("Reconfirmed <strong>1</strong>"))
                .body(containsString("Answered &quot;I&#39;ll be there&quot;"));

        given().header("Accept-Language", "en").get("/attendance/" + "x".repeat(43) + "/yes").then().statusCode(404)
                .body(containsString("This link no longer works"));
    }

    @Test
    void releaseMySeatPromotesTheFirstWaitlistedPersonInTheSameTransaction() {
        Event event = startingIn(Duration.ofDays(5), 1);
        long minji = person(event, "rel.minji", "ko", CONFIRMED);
        long first = person(event, "rel.first", "en", WAITLISTED);
        long second = person(event, "rel.second", "en", WAITLISTED);
        advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(attendance.sendReconfirmations(event.id, now())).isEqualTo(1);
        Deliveries.deliver(outbox);
        String release = path(Mailbox.text(mails("rel.minji", "참석하시나요?").get(0)), "/attendance/[A-Za-z0-9_-]+/release");

        given().header("Accept-Language", "ko").get(release).then().statusCode(200)
                .body(allOf(containsString("좌석 반납하기"), containsString("되돌릴 수 없습니다"), not(containsString("/yes\""))));
        assertThat(reg(minji).status).isEqualTo(CONFIRMED);
        assertThat(reg(first).status).isEqualTo(WAITLISTED);

        Forms.submit(release, release, Map.of(), "ko").then().statusCode(303);
        assertThat(reg(minji).status).isEqualTo(CANCELLED);
        assertThat(reg(first).status).isEqualTo(PENDING);
        assertThat(reg(first).holdExpiresAt).isAfter(now()).isBeforeOrEqualTo(event.startsAt);
        assertThat(reg(second).status).isEqualTo(WAITLISTED);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).containsExactly(1L, 1L, 0L);
        given().header("Accept-Language", "ko").get(release.replace("/release", "")).then().statusCode(200)
                .body(containsString("좌석이 반납되었습니다"));

        // Releasing again (the page has no button any more; a form token from elsewhere) changes nothing.
        Forms.submit("/events/" + event.slug, release, Map.of(), "ko").then().statusCode(303);
        assertThat(reg(second).status).isEqualTo(WAITLISTED);

        Deliveries.deliver(outbox);
        assertThat(mails("rel.first", "A seat is free for you: Test Meetup")).hasSize(1);
        assertThat(mails("rel.minji", "신청 취소: 테스트 밋업")).hasSize(1);
        assertThat(mails("rel.second", "A seat is free")).isEmpty();
    }

    @Test
    void unansweredSeatsAreReleasedAfterTheDeadlineOnlyWhereTheEventAsksForIt() {
        Event event = startingIn(Duration.ofDays(5), 2);
        Event other = startingIn(Duration.ofDays(5), 5);
        admin().contentType("application/json").body("{\"autoReleaseUnanswered\": true, \"reconfirmDeadlineBefore\": \"P2D\"}")
                .put("/api/admin/events/" + event.slug).then().statusCode(200);
        long answers = person(event, "auto.answers", "en", CONFIRMED);
        long silent = person(event, "auto.silent", "ko", CONFIRMED);
        long waiting = person(event, "auto.waiting", "en", WAITLISTED);
        long elsewhere = person(other, "auto.elsewhere", "en", CONFIRMED);

        advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(attendance.sendReconfirmations(event.id, now())).isEqualTo(2);
        assertThat(attendance.sendReconfirmations(other.id, now())).isEqualTo(1);
        Deliveries.deliver(outbox);
        String deadline = Kst.dateTime(event.startsAt.minus(Duration.ofDays(2)), Locale.KOREAN);
        assertThat(Mailbox.text(mails("auto.silent", "참석하시나요?").get(0)))
                .contains(deadline + "까지 답해 주세요. 그때까지 답이 없으면 좌석이 대기자에게 넘어갑니다.");
        assertThat(Mailbox.text(mails("auto.elsewhere", "Still coming?").get(0))).doesNotContain("If we have not heard");
        String yes = path(Mailbox.text(mails("auto.answers", "Still coming?").get(0)), "/attendance/[A-Za-z0-9_-]+/yes");
        Forms.submit(yes, yes, Map.of(), "en").then().statusCode(303);

        // A minute before the deadline nothing is released.
        advance(Duration.ofDays(1).minusMinutes(2));
        assertThat(attendance.releaseUnanswered(event.id, now())).isZero();
        advance(Duration.ofMinutes(2));
        assertThat(attendance.releaseUnanswered(event.id, now())).isEqualTo(1);
        assertThat(attendance.releaseUnanswered(event.id, now())).isZero();
        assertThat(attendance.releaseUnanswered(other.id, now())).isZero();
        assertThat(reg(silent).status).isEqualTo(CANCELLED);
        assertThat(reg(answers).status).isEqualTo(CONFIRMED);
        assertThat(reg(waiting).status).isEqualTo(PENDING);
        assertThat(reg(elsewhere).status).isEqualTo(CONFIRMED);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event));

        Deliveries.deliver(outbox);
        List<MimeMessage> released = mails("auto.silent", "좌석이 반납되었습니다: 테스트 밋업");
        assertThat(released).hasSize(1);
        assertThat(Mailbox.text(released.get(0))).contains(deadline + "까지 답을 받지 못해");
        assertThat(mails("auto.silent", "신청 취소")).isEmpty();
        assertThat(mails("auto.waiting", "A seat is free for you")).hasSize(1);
    }

    @Test
    void leadsComeFromTheEventAndBadOnesAreRefusedWithoutChangingAnything() {
        Event event = startingIn(Duration.ofDays(5), 5);
        admin().contentType("application/json").body("{\"reconfirmBefore\": \"three days\"}")
                .put("/api/admin/events/" + event.slug).then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors.field", hasItem("reconfirmBefore"));
        admin().contentType("application/json").body("{\"autoReleaseUnanswered\": true, \"reconfirmDeadlineBefore\": \"P4D\"}")
                .put("/api/admin/events/" + event.slug).then().statusCode(400)
                .body("errors.field", hasItem("reconfirmDeadlineBefore"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(event.id).autoReleaseUnanswered)).isFalse();

        admin().contentType("application/json").body("{\"reconfirmBefore\": \"PT0S\", \"reminderBefore\": \"PT12H\"}")
                .put("/api/admin/events/" + event.slug).then().statusCode(200);
        person(event, "lead.ana", "en", CONFIRMED);
        advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(attendance.sendReconfirmations(event.id, now())).isZero();
        advance(Duration.ofDays(2));
        assertThat(attendance.sendReminders(event.id, now())).isZero();
        advance(Duration.ofHours(12));
        assertThat(attendance.sendReminders(event.id, now())).isEqualTo(1);

        String slug = "lead-" + System.nanoTime();
        java.time.OffsetDateTime startsAt = TestEvents.tenAmKst(50).toOffsetDateTime();
        admin().contentType("application/json").body("""
                {"slug":"%s","title":"Lead Day","titleKo":"리드 데이","description":"d","descriptionKo":"설명",
                 "venue":"Hall","address":"Seoul","startsAt":"%s","endsAt":"%s","capacity":5,"waitlistEnabled":true,
                 "reconfirmBefore":"P5D","reminderBefore":"PT2H","autoReleaseUnanswered":true,"reconfirmDeadlineBefore":"P1D"}"""
                .formatted(slug, startsAt, startsAt.plusHours(2))).post("/api/admin/events").then().statusCode(201);
        Event made = QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).orElseThrow());
        assertThat(made.reconfirmBefore).isEqualTo(Duration.ofDays(5));
        assertThat(made.reminderBefore).isEqualTo(Duration.ofHours(2));
        assertThat(made.autoReleaseUnanswered).isTrue();
        assertThat(made.reconfirmDeadlineBefore).isEqualTo(Duration.ofDays(1));
        // An empty value goes back to the server's default.
        admin().contentType("application/json").body("{\"reconfirmBefore\": \"\"}").put("/api/admin/events/" + slug)
                .then().statusCode(200);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(made.id).reconfirmBefore)).isNull();
    }

    @Test
    void switchedOnLateAStillComingWhoseTimeHasPassedIsNotSentButTheReminderIs() {
        Event event = startingIn(Duration.ofHours(20), 5);
        long early = person(event, "late.early", "en", CONFIRMED);
        QuarkusTransaction.requiringNew().run(() ->
                Registration.<Registration>findById(early).confirmedAt = now().minus(Duration.ofDays(10)));
        assertThat(attendance.sendReconfirmations(event.id, now())).isZero();
        assertThat(attendance.sendReminders(event.id, now())).isEqualTo(1);
        // Once the event has started nothing more goes out.
        long another = person(event, "late.another", "en", CONFIRMED);
        QuarkusTransaction.requiringNew().run(() ->
                Registration.<Registration>findById(another).confirmedAt = now().minus(Duration.ofDays(10)));
        advance(Duration.ofHours(21));
        assertThat(attendance.sendReminders(event.id, now())).isZero();
    }

    @Test
    void theEventFormSetsTheLeadsAndWarnsWhenAutomaticReleaseIsOn() {
        Event event = startingIn(Duration.ofDays(30), 5);
        String edit = "/admin/events/" + event.slug + "/edit";
        admin().get(edit).then().statusCode(200)
                .body(allOf(containsString("name=\"reconfirmBefore\""), containsString("Empty: the server&#39;s default (72 h)"),
                        containsString("name=\"autoReleaseUnanswered\""), not(containsString("Automatic release is on"))));
        java.time.LocalDate day = event.startsAt.atZone(Kst.ZONE).toLocalDate();
        Map<String, String> fields = new java.util.HashMap<>(Map.of("title", "Test Meetup", "titleKo", "테스트 밋업",
                "venue", "Test Hall", "address", "1 Test-ro, Seoul", "startsAt", day + "T10:00", "endsAt", day + "T13:00",
                "capacity", "5", "waitlistEnabled", "true", "status", "published"));
        fields.putAll(Map.of("reconfirmBefore", "96", "reminderBefore", "", "autoReleaseUnanswered", "true",
                "reconfirmDeadlineBefore", "120"));
        Forms.submitAsAdmin(edit, "/admin/events/" + event.slug, fields).then().statusCode(422)
                .body(containsString("The deadline must come after"));
        fields.put("reconfirmDeadlineBefore", "36");
        Forms.submitAsAdmin(edit, "/admin/events/" + event.slug, fields).then().statusCode(303);
        Event saved = QuarkusTransaction.requiringNew().call(() -> Event.findById(event.id));
        assertThat(saved.reconfirmBefore).isEqualTo(Duration.ofHours(96));
        assertThat(saved.reminderBefore).isNull();
        assertThat(saved.reconfirmDeadlineBefore).isEqualTo(Duration.ofHours(36));
        assertThat(saved.autoReleaseUnanswered).isTrue();
        admin().get(edit).then().statusCode(200)
                .body(allOf(containsString("value=\"96\""), containsString("value=\"36\""), containsString("Automatic release is on")));
        fields.put("reconfirmBefore", "soon");
        Forms.submitAsAdmin(edit, "/admin/events/" + event.slug, fields).then().statusCode(422)
                .body(containsString("a whole number of hours"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(event.id).reconfirmBefore))
                .isEqualTo(Duration.ofHours(96));
    }

    @Test
    void theScheduledJobSendsWhatIsDueForEveryPublishedEventAndNothingForCancelledOnes() {
        Event event = startingIn(Duration.ofDays(3).minusHours(2), 5);
        Event cancelled = startingIn(Duration.ofDays(3).minusHours(2), 5);
        long asked = person(event, "job.asked", "en", CONFIRMED);
        long skipped = person(cancelled, "job.skipped", "en", CONFIRMED);
        QuarkusTransaction.requiringNew().run(() -> {
            Registration.update("confirmedAt = ?1 where id in ?2", now().minus(Duration.ofDays(10)), List.of(asked, skipped));
            Event.<Event>findById(cancelled.id).status = eventdesk.event.EventStatus.cancelled;
        });
        attendance.job();
        assertThat(reg(asked).reconfirmSentAt).isNotNull();
        assertThat(reg(asked).reminderSentAt).isNull();
        assertThat(reg(skipped).reconfirmSentAt).isNull();
        attendance.job();
        Deliveries.deliver(outbox);
        assertThat(mails("job.asked", "Still coming?")).hasSize(1);
        assertThat(mails("job.skipped", "")).isEmpty();
    }

    @Test
    void aPostponedEventReleasesNobodyBeforeItsNewDeadline() {
        Event event = startingIn(Duration.ofDays(5), 1);
        admin().contentType("application/json").body("{\"autoReleaseUnanswered\": true}")
                .put("/api/admin/events/" + event.slug).then().statusCode(200);
        long silent = person(event, "moved.silent", "en", CONFIRMED);
        advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(attendance.sendReconfirmations(event.id, now())).isEqualTo(1);
        // The database keeps microseconds (rounded), so compare to the millisecond.
        assertThat(java.time.Duration.between(reg(silent).reconfirmDeadline,
                event.startsAt.minus(Attendance.DEFAULT_DEADLINE_BEFORE)).abs()).isLessThan(java.time.Duration.ofMillis(1));
        TestEvents.update(event, e -> {
            e.startsAt = e.startsAt.plus(Duration.ofDays(7));
            e.endsAt = e.endsAt.plus(Duration.ofDays(7));
        });
        advance(Duration.ofDays(2));
        assertThat(attendance.releaseUnanswered(event.id, now())).isZero();
        assertThat(reg(silent).status).isEqualTo(CONFIRMED);
    }
}

