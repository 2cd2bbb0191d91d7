package eventdesk.registration;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutboxMessage;
import eventdesk.testing.Deliveries;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.Race;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Allocation by draw end to end: applications through the API, verification from the
 * emailed link, the draw at drawAt (exactly once), the public record recomputed here with a plain
 * JDK HMAC, mails read from a real SMTP server, and the reserve list moving in draw order.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class DrawFlowTest extends RestoresTestClock {

    GreenMail greenMail;
    @Inject
    Outbox outbox;
    @Inject
    RegistrationService service;
    @Inject
    DrawService draws;
    @Inject
    SeatJobs jobs;

    static final String RUN = "d" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    /** A published draw event made through the admin API, as an organizer would. */
    static String createDrawEvent(int capacity, Instant drawAt) {
        String slug = "draw-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = TestClock.now();
        Instant starts = now.plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body("""
                {"slug":"%s","title":"Draw Conf","titleKo":"추첨 콘퍼런스","description":"d","descriptionKo":"d",
                 "venue":"Hall","address":"Seoul","startsAt":"%s","endsAt":"%s","capacity":%d,"waitlistEnabled":false,
                 "registrationOpensAt":"%s","allocation":"DRAW","drawAt":"%s"}""".formatted(slug,
                        kst(starts), kst(starts.plus(Duration.ofHours(8))), capacity, kst(now.minusSeconds(60)), kst(drawAt)))
                .post("/api/admin/events").then().statusCode(201)
                .body("allocation", equalTo("DRAW")).body("drawCommitment", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        return slug;
    }

    static String kst(Instant i) {
        return i.atOffset(ZoneOffset.ofHours(9)).toString();
    }

    static void apply(String slug, String name, String email, String locale) {
        given().contentType("application/json").body(signUpJson(name, email, locale))
                .post("/api/events/" + slug + "/registrations").then().statusCode(202)
                .body("status", equalTo("APPLIED")).body("$", not(org.hamcrest.Matchers.hasKey("waitlistPosition")));
    }

    static Event event(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).orElseThrow());
    }

    static List<Registration> registrations(String slug) {
        return TestEvents.registrations(event(slug));
    }

    String email(int i) {
        return RUN + ".applicant" + i + "@example.com";
    }

    @Test
    void drawAnyoneCanRecomputeSeatsTheDrawnAndQueuesTheRestInDrawOrder() throws Exception {
        Instant drawAt = TestClock.now().plus(Duration.ofDays(2));
        String slug = createDrawEvent(10, drawAt);
        String commitmentBefore = given().get("/api/events/" + slug).then().extract().path("drawCommitment");
        given().header("Accept-Language", "en").get("/events/" + slug).then().statusCode(200)
                .body(containsString("Seats are drawn by lot")).body(containsString(commitmentBefore))
                .body(containsString("Apply for the draw"));

        for (int i = 0; i < 50; i++) apply(slug, "Applicant " + i, email(i), i % 2 == 0 ? "ko" : "en");
        given().header("Accept-Language", "en").get("/events/" + slug).then().body(containsString("50 applications so far"));
        assertThat(TestEvents.counters(event(slug))).isEqualTo(List.of(0L, 0L, 50L)).isEqualTo(TestEvents.recount(event(slug)));
        Deliveries.deliver(outbox);

        // Each applicant: one mail in their language with the verify link, the reference and the commitment.
        Map<String, String> referenceByEmail = registrations(slug).stream()
                .collect(Collectors.toMap(r -> r.email, r -> r.reference));
        assertThat(referenceByEmail).hasSize(50);
        List<String> verifyLinks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            List<MimeMessage> mails = Mailbox.to(greenMail, email(i));
            assertThat(mails).as(email(i)).hasSize(1);
            String text = Mailbox.text(mails.get(0));
            assertThat(Mailbox.subject(mails.get(0))).isEqualTo(i % 2 == 0 ? "신청을 인증해 주세요: 추첨 콘퍼런스"
                    : "Verify your application: Draw Conf");
            assertThat(text).contains(referenceByEmail.get(email(i))).contains(commitmentBefore);
            verifyLinks.add(Forms.link(text, "http://localhost:8080/verify/").substring("http://localhost:8080".length()));
        }
        // 40 verify (a GET alone verifies nothing); 10 never do.
        given().header("Accept-Language", "en").get(verifyLinks.get(40)).then().statusCode(200).body(containsString("Verify"));
        for (int i = 0; i < 40; i++) {
            Forms.submit(verifyLinks.get(i), verifyLinks.get(i), Map.of(), i % 2 == 0 ? "ko" : "en").then().statusCode(303);
        }
        assertThat(registrations(slug).stream().filter(r -> r.verifiedAt != null)).hasSize(40);

        // Not due before drawAt, not even from the organizer's button.
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").post("/api/admin/events/" + slug + "/draw")
                .then().log().ifValidationFails().statusCode(409);
        given().get("/events/" + slug + "/draw").then().statusCode(200).body(not(containsString("order matches")));

        TestClock.get().set(drawAt.plusSeconds(1));
        JsonPath record = given().auth().preemptive().basic("admin", "admin").contentType("application/json").post("/api/admin/events/" + slug + "/draw")
                .then().statusCode(200).extract().jsonPath();
        String seed = record.getString("seed");
        assertThat(seed).matches("[0-9a-f]{64}");
        assertThat(record.getInt("seats")).isEqualTo(10);
        // The commitment shown before the draw is SHA-256 of the revealed seed.
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(seed))))
                .isEqualTo(commitmentBefore);

        // The published CSV, recomputed with a plain JDK HMAC: same order as the stored ranks.
        String csv = given().get("/events/" + slug + "/draw.csv").then().statusCode(200).extract().asString();
        List<String[]> rows = Arrays.stream(csv.split("\n")).skip(1).map(l -> l.split(",")).toList();
        assertThat(rows).hasSize(40);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(seed), "HmacSHA256"));
        List<String> recomputed = rows.stream().map(r -> r[1]).sorted((a, b) -> Arrays.compareUnsigned(
                mac.doFinal(a.getBytes(StandardCharsets.US_ASCII)), mac.doFinal(b.getBytes(StandardCharsets.US_ASCII)))).toList();
        assertThat(rows.stream().map(r -> r[1]).toList()).isEqualTo(recomputed);
        Map<String, Registration> byReference = registrations(slug).stream()
                .filter(r -> r.reference != null).collect(Collectors.toMap(r -> r.reference, r -> r));
        for (int rank = 1; rank <= 40; rank++) {
            Registration r = byReference.get(recomputed.get(rank - 1));
            assertThat(r.drawRank).isEqualTo(rank);
            assertThat(r.verifiedAt).isNotNull();
            assertThat(r.status).isEqualTo(rank <= 10 ? RegistrationStatus.PENDING : RegistrationStatus.WAITLISTED);
        }
        // Winners hold for the confirm window (48 h), the rest queue in draw order, the unverified are out.
        List<Registration> all = registrations(slug);
        assertThat(all.stream().filter(r -> r.status == RegistrationStatus.PENDING))
                .allMatch(r -> !r.holdExpiresAt.isBefore(drawAt.plus(Duration.ofHours(48)))
                        && r.holdExpiresAt.isBefore(drawAt.plus(Duration.ofHours(48)).plus(Duration.ofMinutes(5))));
        assertThat(all.stream().filter(r -> r.verifiedAt == null))
                .hasSize(10).allMatch(r -> r.status == RegistrationStatus.EXPIRED && r.drawRank == null);
        Map<Long, Long> positions = QuarkusTransaction.requiringNew().call(() -> Registration.waitlistPositions(event(slug)));
        for (Registration r : all) {
            if (r.status == RegistrationStatus.WAITLISTED) assertThat(positions.get(r.id)).isEqualTo(r.drawRank - 10L);
        }
        assertThat(TestEvents.counters(event(slug))).isEqualTo(List.of(10L, 30L, 0L)).isEqualTo(TestEvents.recount(event(slug)));

        // Once: the scheduler's run and a second click change nothing and mail nobody again.
        assertThat(draws.draw(event(slug).id, TestClock.now())).isFalse();
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").post("/api/admin/events/" + slug + "/draw")
                .then().statusCode(200).body("seed", equalTo(seed));
        Deliveries.deliver(outbox);
        for (Registration r : all) {
            int i = Integer.parseInt(r.email.replaceAll(".*applicant(\\d+)@.*", "$1"));
            List<MimeMessage> mails = Mailbox.to(greenMail, r.email);
            boolean ko = i % 2 == 0;
            if (r.status == RegistrationStatus.PENDING) {
                assertThat(mails).hasSize(2);
                assertThat(Mailbox.subject(mails.get(1))).isEqualTo(ko ? "당첨되었습니다. 좌석을 확정해 주세요: 추첨 콘퍼런스"
                        : "You were drawn: confirm your seat for Draw Conf");
            } else if (r.status == RegistrationStatus.WAITLISTED) {
                assertThat(mails).hasSize(2);
                assertThat(Mailbox.subject(mails.get(1))).isEqualTo(ko ? "추첨 콘퍼런스 추첨 결과: 예비 명단"
                        : "Draw result for Draw Conf: reserve list");
                assertThat(Mailbox.text(mails.get(1))).contains(Long.toString(positions.get(r.id)));
            } else {
                assertThat(mails).as("the unverified get no result mail").hasSize(1);
            }
        }

        // The record page shows the seed and the order; the event page says it is drawn.
        given().header("Accept-Language", "en").get("/events/" + slug + "/draw").then().statusCode(200)
                .body(containsString(seed)).body(containsString(recomputed.get(0))).body(containsString("order matches"));
        given().header("Accept-Language", "en").get("/events/" + slug).then()
                .body(containsString("The draw took place")).body(containsString("/events/" + slug + "/draw"));
        // A late sign-up is refused (the organizer left late applications closed).
        given().contentType("application/json").body(signUpJson("Late", RUN + ".late@example.com"))
                .post("/api/events/" + slug + "/registrations").then().statusCode(409);
    }

    @Test
    void winnersWhoDoNotConfirmPassTheirSeatsOnInDrawOrder() {
        Instant drawAt = TestClock.now().plus(Duration.ofHours(6));
        String slug = createDrawEvent(3, drawAt);
        for (int i = 0; i < 8; i++) apply(slug, "P" + i, email(100 + i), "en");
        verifyAll(slug);
        TestClock.get().set(drawAt.plusSeconds(5));
        assertThat(draws.draw(event(slug).id, TestClock.now())).isTrue();
        List<Registration> byRank = registrations(slug).stream()
                .sorted(java.util.Comparator.comparing(r -> r.drawRank)).toList();

        // Rank 2 withdraws at once: rank 4 (first on the reserve list) is offered the seat.
        service.cancelById(byRank.get(1).id, TestClock.now());
        assertThat(status(byRank.get(3))).isEqualTo(RegistrationStatus.PENDING);
        // Nobody confirms. 48 h later the drawn holds (ranks 1, 3) have run out, and so has rank 4's
        // ordinary hold from the reserve list (30 minutes in tests): ranks 5, 6, 7 move up, in draw order.
        TestClock.get().advance(Duration.ofHours(48));
        jobs.expireHolds(event(slug).id, TestClock.now());
        assertThat(IntStream.range(0, 8).mapToObj(i -> status(byRank.get(i))).toList()).containsExactly(
                RegistrationStatus.EXPIRED, RegistrationStatus.CANCELLED, RegistrationStatus.EXPIRED,
                RegistrationStatus.EXPIRED, RegistrationStatus.PENDING, RegistrationStatus.PENDING,
                RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED);
        assertThat(TestEvents.counters(event(slug))).isEqualTo(TestEvents.recount(event(slug)));
    }

    @Test
    void onePersonOneApplicationGmailDotsAndTagsIncluded() {
        String slug = createDrawEvent(5, TestClock.now().plus(Duration.ofDays(1)));
        apply(slug, "Kim", RUN + "kim.minsu@gmail.com", "ko");
        apply(slug, "Kim", RUN.toUpperCase() + "KimMinsu+draw2@gmail.com", "ko");
        apply(slug, "Kim", RUN + "k.i.m.minsu@googlemail.com", "ko");
        apply(slug, "Kim", RUN + "kim.minsu@example.com", "ko");
        assertThat(registrations(slug)).extracting(r -> r.email)
                .containsExactlyInAnyOrder(RUN + "kim.minsu@gmail.com", RUN + "kim.minsu@example.com");
        // First-come events keep the plain rule: only case and spaces make two addresses one.
        Event firstCome = TestEvents.create(5, true);
        for (String e : List.of(RUN + "lee.j@gmail.com", RUN + "leej@gmail.com")) {
            given().contentType("application/json").body(signUpJson("Lee", e))
                    .post("/api/events/" + firstCome.slug + "/registrations").then().statusCode(202);
        }
        assertThat(TestEvents.registrations(firstCome)).hasSize(2);
    }

    @Test
    void twoSchedulersFiringTogetherDrawOnce() throws Exception {
        Instant drawAt = TestClock.now().plus(Duration.ofHours(3));
        String slug = createDrawEvent(4, drawAt);
        for (int i = 0; i < 12; i++) apply(slug, "R" + i, email(200 + i), "en");
        verifyAll(slug);
        TestClock.get().set(drawAt.plusSeconds(1));
        long eventId = event(slug).id;
        List<Boolean> runs = Race.run(4, t -> () -> draws.draw(eventId, TestClock.now()));
        assertThat(runs.stream().filter(ran -> ran).count()).isEqualTo(1);
        List<Registration> all = registrations(slug);
        assertThat(all).extracting(r -> r.drawRank).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 12).boxed().toList());
        long drawnMails = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count(
                "kind in ?1 and ownerId in ?2", List.of("DRAWN", "DRAW_RESERVE"), all.stream().map(r -> r.id).toList()));
        assertThat(drawnMails).isEqualTo(12);
        assertThat(TestEvents.counters(event(slug))).isEqualTo(List.of(4L, 8L, 0L));
    }

    /**
     * Applications racing the window's close are either in the draw (or, unverified, accounted for)
     * or refused with 409, never lost: every 202 has its registration, every 409 has none, and no
     * application is left APPLIED once the draw has run.
     */
    @Test
    void applicationsRacingTheCloseAreInTheDrawOrRefusedNeverLost() throws Exception {
        Instant drawAt = TestClock.now().plus(Duration.ofMinutes(10));
        String slug = createDrawEvent(5, drawAt);
        // Well before the close: the test, not the machine's speed, decides when the close falls.
        TestClock.get().set(drawAt.minus(Duration.ofMinutes(5)));
        int n = 60;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        ExecutorService closer = Executors.newSingleThreadExecutor();
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String email = email(300 + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().contentType("application/json").body(signUpJson("Racer", email))
                            .post("/api/events/" + slug + "/registrations").statusCode();
                }));
            }
            Future<Boolean> drawer = closer.submit(() -> {
                start.await();
                // the close falls in the middle of the rush: once some applications are in, the others still arriving
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                        .until(() -> QuarkusTransaction.requiringNew().call(() -> Registration.count("event.slug", slug)) >= n / 4);
                TestClock.get().set(drawAt.plusMillis(1));
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> draws.draw(event(slug).id, TestClock.now()));
                return true;
            });
            start.countDown();
            assertThat(drawer.get()).isTrue();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> a : answers) codes.add(a.get());
            assertThat(codes).allMatch(c -> c == 202 || c == 409);
            List<Registration> all = registrations(slug);
            assertThat(all).hasSize((int) codes.stream().filter(c -> c == 202).count());
            assertThat(all).noneMatch(r -> r.status == RegistrationStatus.APPLIED);
            assertThat(TestEvents.counters(event(slug))).isEqualTo(TestEvents.recount(event(slug)));
        } finally {
            pool.shutdownNow();
            closer.shutdownNow();
        }
    }

    /**
     * A draw event's seats are given by the draw alone: the organizer can neither approve nor decline
     * its applications (API and page answer 409, the page lists none), a code without a held seat takes
     * no public seat before the draw, and the public record counts and marks exactly what the draw gave.
     */
    @Test
    void theOrganizerCannotHandOutADrawEventsSeatsAndTheRecordShowsWhatTheDrawGave() {
        Instant drawAt = TestClock.now().plus(Duration.ofHours(5));
        String slug = createDrawEvent(3, drawAt);
        for (int i = 0; i < 4; i++) apply(slug, "Lot " + i, email(400 + i), "en");
        verifyAll(slug);
        Registration first = TestEvents.byEmail(event(slug), email(400));

        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .post("/api/admin/registrations/" + first.id + "/approve").then().statusCode(409)
                .contentType(containsString("application/problem+json")).body("title", equalTo("Seats given by the draw"));
        given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .post("/api/admin/registrations/" + first.id + "/decline").then().statusCode(409);
        given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en")
                .get("/admin/events/" + slug + "/applications").then().statusCode(200)
                .body(not(containsString(email(400)))).body(not(containsString("name=\"action\"")))
                .body(containsString("This is a draw event: its seats are given by the draw"));
        Forms.submitAsAdmin("/admin/events/" + slug, "/admin/events/" + slug + "/applications",
                Map.of("id", List.of(first.id), "action", "approve")).then().statusCode(409);
        Forms.submitAsAdmin("/admin/events/" + slug, "/admin/events/" + slug + "/applications",
                Map.of("id", List.of(first.id), "action", "decline", "confirmed", "true")).then().statusCode(409);
        assertThat(registrations(slug)).allMatch(r -> r.status == RegistrationStatus.APPLIED);

        // An invitation code for a type-less draw event holds no seat: before the draw it takes nothing.
        String code = given().auth().preemptive().basic("admin", "admin").contentType("application/json")
                .body("{\"count\": 1}").post("/api/admin/events/" + slug + "/codes").then().statusCode(201)
                .extract().jsonPath().getList("code", String.class).get(0);
        given().contentType("application/json").body(signUpJson("Coded", email(499)).replace("}", ", \"code\": \"" + code + "\"}"))
                .post("/api/events/" + slug + "/registrations").then().statusCode(400).body("errors[0].field", equalTo("code"));
        assertThat(TestEvents.counters(event(slug))).isEqualTo(List.of(0L, 0L, 4L));

        TestClock.get().set(drawAt.plusSeconds(1));
        assertThat(draws.draw(event(slug).id, TestClock.now())).isTrue();
        JsonPath record = given().auth().preemptive().basic("admin", "admin").get("/api/admin/events/" + slug + "/draw")
                .then().statusCode(200).extract().jsonPath();
        assertThat(record.getInt("seats")).isEqualTo(3);
        assertThat(record.getList("order.seat", Boolean.class)).containsExactly(true, true, true, false);
        given().header("Accept-Language", "en").get("/events/" + slug + "/draw").then().statusCode(200)
                .body(containsString("The draw offered 3 of them a seat"));
        assertThat(TestEvents.counters(event(slug))).isEqualTo(List.of(3L, 1L, 0L));
    }

    /**
     * Verification closes at drawAt exactly, under the event lock: a verify POST 0.4 s after drawAt,
     * before the draw job has run, changes nothing, the page says why, and the draw leaves it out.
     */
    @Test
    void aVerificationAfterTheDrawTimeIsRefusedEvenBeforeTheDrawRuns() {
        Instant drawAt = TestClock.now().plus(Duration.ofHours(4));
        String slug = createDrawEvent(2, drawAt);
        apply(slug, "On Time", email(500), "en");
        apply(slug, "Too Late", email(501), "en");
        Registration onTime = TestEvents.byEmail(event(slug), email(500));
        Registration late = TestEvents.byEmail(event(slug), email(501));
        String onTimeLink = "/verify/" + verifyToken(onTime);
        String lateLink = "/verify/" + verifyToken(late);
        Forms.submit(onTimeLink, onTimeLink, Map.of(), "en").then().statusCode(303);

        TestClock.get().set(drawAt.plusMillis(400));
        // The verify page no longer has a form; a browser's CSRF token from any open form still posts.
        Event open = TestEvents.create(5, true);
        Forms.submit("/events/" + open.slug, lateLink, Map.of(), "en").then().statusCode(303);
        assertThat(TestEvents.byEmail(event(slug), email(501)).verifiedAt).isNull();
        given().header("Accept-Language", "en").get(lateLink).then().statusCode(200)
                .body(containsString("Applications and verifications closed at"))
                .body(not(containsString("name=\"csrf-token\"")));
        given().header("Accept-Language", "ko").get(lateLink).then().statusCode(200)
                .body(containsString("신청과 인증은 추첨이 시작된"));

        assertThat(draws.draw(event(slug).id, TestClock.now())).isTrue();
        assertThat(TestEvents.byEmail(event(slug), email(500)).drawRank).isEqualTo(1);
        Registration after = TestEvents.byEmail(event(slug), email(501));
        assertThat(after.drawRank).isNull();
        assertThat(after.status).isEqualTo(RegistrationStatus.EXPIRED);
    }

    private static String verifyToken(Registration r) {
        return QuarkusTransaction.requiringNew().call(() ->
                AccessToken.issue(Registration.findById(r.id), AccessToken.Purpose.VERIFY, TestClock.now()));
    }

    private void verifyAll(String slug) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (Registration r : Registration.<Registration>list("event.slug = ?1 and status = ?2", slug, RegistrationStatus.APPLIED)) {
                draws.verify(AccessToken.issue(r, AccessToken.Purpose.VERIFY, TestClock.now()), TestClock.now());
            }
        });
    }

    private static RegistrationStatus status(Registration r) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(r.id).status);
    }
}
