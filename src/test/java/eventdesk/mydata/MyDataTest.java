package eventdesk.mydata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutboxMessage;
import eventdesk.registration.AccessToken;
import eventdesk.registration.DrawService;
import eventdesk.registration.Erasure;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationService;
import eventdesk.registration.RegistrationStatus;
import eventdesk.registration.Retention;
import eventdesk.testing.Deliveries;
import eventdesk.testing.Erased;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.OutboxParams;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.testing.TestQuestions;
import eventdesk.web.Msg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;

import java.lang.reflect.Field;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * A person's own data at /me, over a real SMTP server: the same answer for any address, a link that works
 * once within 15 minutes, a 30-minute session, the download of everything held about that address and
 * nothing of anybody else, corrections with the sign-up form's checks, cancel, withdrawal of consent to
 * news, and erasure: a held seat goes to the first person waiting, and no organizer view, export, search or
 * mail row keeps a trace of the person, while counts and the draw record stay right.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class MyDataTest extends RestoresTestClock {

    static final String BASE = "http://localhost:8080";
    static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    static final ObjectMapper JSON = new ObjectMapper();

    GreenMail greenMail;
    @Inject
    Outbox outbox;
    @Inject
    RegistrationService registrations;
    @Inject
    DrawService draws;
    @Inject
    Erasure erasure;
    @Inject
    Retention retention;

    final String run = "me" + UUID.randomUUID().toString().substring(0, 8);

    String email(String who) {
        return who + "." + run + "@example.com";
    }

    static void signUp(Event event, String body) {
        given().contentType("application/json").body(body).post("/api/events/" + event.slug + "/registrations")
                .then().statusCode(202);
    }

    static String person(String name, String email, String locale, boolean marketing) {
        return """
                {"name": "%s", "email": "%s", "affiliation": "Pangyo Labs", "role": "DEVELOPER",
                 "locale": "%s", "consent": true, "marketingConsent": %s}""".formatted(name, email, locale, marketing);
    }

    /** Asks for a link on the form, as a browser does; the answer as it comes (no redirect followed). */
    static Response ask(String email) {
        return Forms.submit("/me", "/me", Map.of("email", email), "en");
    }

    static long linkMails(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("kind = ?1 and lower(recipient) = ?2",
                MyDataMail.Kind.MY_DATA_LINK.name(), email.toLowerCase()));
    }

    /**
     * Asks for a link to this address, waits until the worker has written its mail, sends the outbox, and
     * returns the new link's path.
     */
    String mailedLink(String email) {
        long before = linkMails(email);
        ask(email).then().statusCode(303);
        await().atMost(Duration.ofSeconds(15)).until(() -> linkMails(email) > before);
        Deliveries.deliver(outbox);
        List<MimeMessage> mails = Mailbox.to(greenMail, email).stream()
                .filter(m -> Mailbox.text(m).contains(BASE + "/me/")).toList();
        assertThat(mails).as("link mails to " + email).hasSize((int) before + 1);
        return Forms.link(Mailbox.text(mails.get(mails.size() - 1)), BASE + "/me/").substring(BASE.length());
    }

    /** The form, the mailed link, its button: the session cookie's value. */
    String session(String email) {
        String link = mailedLink(email);
        Response opened = Forms.submit(link, link, Map.of(), "en");
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.header("Location")).endsWith("/me");
        Cookie cookie = opened.getDetailedCookie("me-session");
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie.getValue();
    }

    static Response page(String session) {
        return given().cookie("me-session", session).header("Accept-Language", "en").redirects().follow(false).get("/me");
    }

    /** A form of the session's page, posted with its CSRF field and cookie. */
    static Response post(String session, String action, Map<String, ?> fields) {
        Response page = page(session);
        Matcher m = CSRF.matcher(page.asString());
        if (!m.find()) throw new AssertionError("no CSRF field on /me: " + page.asString());
        return given().redirects().follow(false).header("Accept-Language", "en").cookie("me-session", session)
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(fields)
                .formParam("csrf-token", m.group(1)).post(action);
    }

    static Registration registration(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.findById(id));
    }

    // The link

    @Test
    void anyAddressIsAnsweredAlikeAndOnlyOneWithRegistrationsGetsALink() throws Exception {
        Event event = TestEvents.create(5, true);
        String known = email("known");
        signUp(event, person("Known Person", known, "ko", false));
        String unknown = email("unknown");

        Response toUnknown = ask(unknown);
        Response toKnown = ask(known.toUpperCase());
        assertThat(toKnown.statusCode()).isEqualTo(toUnknown.statusCode()).isEqualTo(303);
        assertThat(toKnown.header("Location")).isEqualTo(toUnknown.header("Location")).endsWith("/me/sent");
        assertThat(headers(toKnown)).isEqualTo(headers(toUnknown));
        given().header("Accept-Language", "en").get("/me/sent").then().statusCode(200)
                .body(containsString("If this address has registrations, a link is on its way"));

        // Links are written in the order they were asked for: once the known one is there, the unknown one was decided.
        await().atMost(Duration.ofSeconds(15)).until(() -> linkMails(known) > 0);
        Deliveries.deliver(outbox);
        String link = Forms.link(Mailbox.text(Mailbox.to(greenMail, known).stream()
                .filter(m -> Mailbox.text(m).contains(BASE + "/me/")).findFirst().orElseThrow()), BASE + "/me/").substring(BASE.length());
        assertThat(link).matches("/me/[A-Za-z0-9_-]{43}");
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("lower(recipient) = ?1", unknown))).isZero();
        assertThat(Mailbox.to(greenMail, unknown)).isEmpty();
        // In the language of the person's registration; only the SHA-256 of the link is stored.
        MimeMessage mail = Mailbox.to(greenMail, known).stream().filter(m -> Mailbox.text(m).contains(link)).findFirst().orElseThrow();
        assertThat(Mailbox.subject(mail)).isEqualTo("eventdesk 신청 내역 열기");
        assertThat(mail.getHeader("To")).singleElement().asString().containsIgnoringCase(known);
        assertThat(mail.getHeader("Cc")).isNull();
        assertThat(mail.getHeader("Bcc")).isNull();
        String secret = link.substring("/me/".length());
        assertThat(QuarkusTransaction.requiringNew().call(() -> MyDataLink.count("tokenHash", eventdesk.web.Secrets.sha256Hex(secret))))
                .isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> MyDataLink.count("tokenHash", secret))).isZero();
    }

    @TestHTTPResource("/")
    URI base;

    /** One POST of the form over a kept-alive connection: its time, status, headers (without date and cookies). */
    record Timed(long nanos, int status, Map<String, List<String>> headers) {
    }

    Timed timedAsk(HttpClient http, String csrfCookie, String csrfField, String email) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/me"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "csrf-token=" + csrfCookie)
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&csrf-token=" + URLEncoder.encode(csrfField, StandardCharsets.UTF_8))).build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        Map<String, List<String>> headers = new java.util.TreeMap<>(r.headers().map());
        headers.keySet().removeIf(h -> h.equalsIgnoreCase("date") || h.equalsIgnoreCase("set-cookie"));
        return new Timed(nanos, r.statusCode(), headers);
    }

    /**
     * An address with registrations is answered in the time any other is: the request only queues the
     * lookup, so a registered address costs the answer nothing more. Pairs alternate which goes first; the
     * median of their ratios must be near 1.
     */
    @Test
    void anAddressWithRegistrationsIsAnsweredInTheTimeAnyOtherIs() throws Exception {
        Event event = TestEvents.create(5, true);
        String known = email("timed");
        signUp(event, person("Timed Person", known, "en", false));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.resolve("/me")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher field = CSRF.matcher(form.body());
        assertThat(field.find()).isTrue();
        String cookie = form.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("csrf-token="))
                .map(c -> c.substring("csrf-token=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        List<Double> ratios = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String stranger = email("stranger" + i);
            Timed probe, other;
            if (i % 2 == 0) {
                other = timedAsk(http, cookie, field.group(1), stranger);
                probe = timedAsk(http, cookie, field.group(1), known);
            } else {
                probe = timedAsk(http, cookie, field.group(1), known);
                other = timedAsk(http, cookie, field.group(1), stranger);
            }
            assertThat(probe.status()).isEqualTo(other.status()).isEqualTo(303);
            assertThat(probe.headers()).isEqualTo(other.headers());
            if (i >= 10) ratios.add((double) probe.nanos() / other.nanos());
            // The known address's link is written after its answer; the next pair starts once it is, so
            // that this write never slows one side of the next pair on two busy cores.
            long links = i + 1;
            await().pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(10)).until(() -> linkMails(known) == links);
        }
        List<Double> sorted = ratios.stream().sorted().toList();
        double median = (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
        assertThat(median).as("a registered address's answer time over another's (median of %d pairs)", ratios.size())
                .isBetween(0.75, 1.33);
    }

    @Test
    void aBadAddressIsToldNextToTheField() {
        Response r = Forms.submit("/me", "/me", Map.of("email", "not an address"), "en");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.asString()).contains("aria-invalid=\"true\"").contains("value=\"not an address\"");
    }

    static Map<String, String> headers(Response r) {
        Map<String, String> headers = new java.util.TreeMap<>();
        r.headers().forEach(h -> {
            if (!h.getName().equalsIgnoreCase("date") && !h.getName().equalsIgnoreCase("set-cookie")) headers.put(h.getName(), h.getValue());
        });
        return headers;
    }

    @Test
    void theLinkOpensOneSessionOnceWithinFifteenMinutesAndTheSessionLastsThirty() {
        Event event = TestEvents.create(5, true);
        String email = email("once");
        signUp(event, person("Once Only", email, "en", false));
        String link = mailedLink(email);

        // Opening the link (as a mail scanner does) changes nothing: the page has a button.
        given().header("Accept-Language", "en").get(link).then().statusCode(200).body(containsString("Open my registrations"))
                .header("Cache-Control", "no-store");
        given().get(link).then().statusCode(200);
        Response opened = Forms.submit(link, link, Map.of(), "en");
        assertThat(opened.statusCode()).isEqualTo(303);
        Cookie cookie = opened.getDetailedCookie("me-session");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        String session = cookie.getValue();
        page(session).then().statusCode(200).body(containsString("Once Only")).body(containsString(email))
                .header("Cache-Control", "no-store");

        // Used once: the button's POST and the page both say the link no longer works.
        given().header("Accept-Language", "en").get(link).then().statusCode(404).body(containsString("This link no longer works"));
        Forms.submit("/me", link, Map.of(), "en").then().statusCode(404);

        // A link not used within 15 minutes is dead.
        String late = mailedLink(email);
        TestClock.get().advance(Duration.ofMinutes(16));
        given().get(late).then().statusCode(404);

        // The session ends 30 minutes after it began: the page asks for an address again.
        page(session).then().statusCode(200).body(containsString("Once Only"));
        TestClock.get().advance(Duration.ofMinutes(15));
        page(session).then().statusCode(200).body(not(containsString("Once Only")))
                .body(containsString("Your session has ended")).body(containsString("name=\"email\""));
        given().cookie("me-session", session).redirects().follow(false).get("/me/data.json").then().statusCode(303);
    }

    // The download

    @Test
    void theDownloadHoldsEveryFieldOfTheAddressAcrossThreeEventsAndNothingOfAnybodyElse() throws Exception {
        String email = email("whole");
        String other = email("other");
        // An event with ticket types and questions: answers of every type.
        Event asked = TestQuestions.withAllTypes(TestQuestions.withTicketTypes(TestEvents.create(5, true)));
        signUp(asked, TestQuestions.signUp(email.replace("whole", "Whole").replace("example.com", "Example.COM"), "developer", """
                {"company":"Quiet Unicorn","pitch":"Maps for 점심","stage":"seed","tracks":["ai","web"],"lunch":true,"team-size":12}"""));
        signUp(asked, TestQuestions.signUp(other, "developer", """
                {"company":"Other Corp","stage":"idea","lunch":false}"""));
        // A full event: waiting, with consent to news.
        Event full = TestEvents.create(1, true);
        signUp(full, person("Someone Else", other, "en", true));
        signUp(full, person("Whole Person", email, "en", true));
        // A confirmed seat, checked in, with a consent version on record.
        Event third = TestEvents.create(5, true);
        long confirmed = TestEvents.insert(third, "Whole Person", email, "Pangyo Labs", RegistrationStatus.CONFIRMED);
        QuarkusTransaction.requiringNew().run(() -> {
            Registration r = Registration.findById(confirmed);
            r.consentVersion = "a".repeat(64);
            r.checkedInAt = TestClock.now();
            r.reminderSentAt = TestClock.now();
        });
        TestEvents.insert(third, "Someone Else", other, "Other Corp", RegistrationStatus.CONFIRMED);

        String session = session(email);
        Response download = given().cookie("me-session", session).get("/me/data.json");
        download.then().statusCode(200).contentType(containsString("application/json"))
                .header("Content-Disposition", containsString("attachment")).header("Cache-Control", "no-store");
        String body = download.asString();
        JsonNode data = JSON.readTree(body);
        List<Registration> mine = QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>list(
                "emailNormalized = ?1 order by createdAt, id", email.toLowerCase()));
        assertThat(mine).hasSize(3);
        assertThat(data.get("registrations")).hasSize(3);
        for (int i = 0; i < mine.size(); i++) everyFieldIn(mine.get(i), data.get("registrations").get(i));
        JsonNode first = data.get("registrations").get(0);
        assertThat(first.get("answers").get("pitch").asText()).isEqualTo("Maps for 점심");
        assertThat(first.get("ticketType").asText()).isEqualTo("developer");
        assertThat(first.get("event").get("slug").asText()).isEqualTo(asked.slug);
        assertThat(first.get("mails").get(0).get("kind").asText()).isEqualTo("SEAT_HELD");
        assertThat(first.get("mails").get(0).get("sentAt").isNull()).as("sent before the link was").isFalse();
        assertThat(data.get("registrations").get(1).get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(data.get("registrations").get(1).get("marketingConsent").asBoolean()).isTrue();
        assertThat(data.get("registrations").get(2).get("consentVersion").asText()).isEqualTo("a".repeat(64));

        // Nothing of the other person who shares the events.
        assertThat(body).doesNotContain(other).doesNotContain("Someone Else").doesNotContain("Other Corp");
        List<Long> theirs = QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>list("emailNormalized", other)
                .stream().map(r -> r.id).toList());
        for (JsonNode r : data.get("registrations")) assertThat(theirs).doesNotContain(r.get("id").asLong());

        // The page lists the same, in the visitor's language.
        page(session).then().statusCode(200).body(containsString("Quiet Unicorn")).body(containsString("Maps for 점심"))
                .body(containsString("Seed")).body(containsString("On the waitlist")).body(containsString("aaaaaaaa"))
                .body(not(containsString("Other Corp")));
    }

    /** Fields of the entity that are the event's bookkeeping rather than something held about the person. */
    static final Set<String> BOOKKEEPING = Set.of("event", "ticketType", "emailNormalized", "activeEmail", "waitlistSeq", "erasedAt");

    /** Each field stored on the registration is in its JSON entry, with the same value. */
    static void everyFieldIn(Registration r, JsonNode entry) throws Exception {
        for (Field f : Registration.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) || BOOKKEEPING.contains(f.getName())) continue;
            String name = f.getName().equals("createdAt") ? "registeredAt" : f.getName();
            assertThat(entry.has(name)).as("download has " + name).isTrue();
            Object value = f.get(r);
            JsonNode json = entry.get(name);
            if (value == null) {
                assertThat(json.isNull()).as(name + " is null").isTrue();
            } else if (value instanceof Instant at) {
                assertThat(Instant.parse(json.asText())).as(name).isEqualTo(at);
            } else if (name.equals("answers")) {
                assertThat(json).as(name).isEqualTo(JSON.readTree((String) value));
            } else {
                assertThat(json.asText()).as(name).isEqualTo(value instanceof Enum<?> e ? e.name() : value.toString());
            }
        }
        assertThat(entry.get("event").get("slug").asText()).isEqualTo(
                QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(r.id).event.slug));
    }

    // Corrections, cancel, consent to news

    @Test
    void nameAndAffiliationAreCorrectedWithTheSignUpFormsChecksOnActiveRegistrationsOnly() {
        Event event = TestEvents.create(5, true);
        String email = email("fix");
        long active = TestEvents.insert(event, "Fix Me", email, "Old Corp", RegistrationStatus.CONFIRMED);
        long cancelled = TestEvents.insert(TestEvents.create(5, true), "Fix Me", email, "Old Corp", RegistrationStatus.CANCELLED);
        String session = session(email);

        Response refused = post(session, "/me/registrations/" + active, Map.of("name", "  ", "affiliation", "=cmd|' /C calc'!A0<b>"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("id=\"name-" + active + "-error\"").contains("id=\"affiliation-" + active + "-error\"")
                .contains(MessageBundles.get(Msg.class, Localized.Literal.of("en")).error_required());
        assertThat(registration(active).name).isEqualTo("Fix Me");

        post(session, "/me/registrations/" + active, Map.of("name", " 김 서연 ", "affiliation", "Seoul Robotics"))
                .then().statusCode(303).header("Location", containsString("done=corrected"));
        assertThat(registration(active).name).isEqualTo("김 서연");
        assertThat(registration(active).affiliation).isEqualTo("Seoul Robotics");

        post(session, "/me/registrations/" + cancelled, Map.of("name", "Changed", "affiliation", "Changed"))
                .then().statusCode(303).header("Location", containsString("done=unchanged"));
        assertThat(registration(cancelled).name).isEqualTo("Fix Me");
        // Somebody else's registration is not theirs to change.
        long stranger = TestEvents.insert(event, "Stranger", email("stranger"), "Elsewhere", RegistrationStatus.CONFIRMED);
        post(session, "/me/registrations/" + stranger, Map.of("name", "Changed", "affiliation", "Changed"))
                .then().statusCode(303).header("Location", containsString("done=unchanged"));
        post(session, "/me/registrations/" + stranger + "/cancel", Map.of()).then().header("Location", containsString("done=unchanged"));
        assertThat(registration(stranger).name).isEqualTo("Stranger");
        assertThat(registration(stranger).status).isEqualTo(RegistrationStatus.CONFIRMED);

        // Without a session (or without CSRF) nothing changes.
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("name", "Nope").formParam("affiliation", "Nope").post("/me/registrations/" + active)
                .then().statusCode(400);
        assertThat(registration(active).name).isEqualTo("김 서연");
    }

    @Test
    void aPersonCancelsOneRegistrationAndWithdrawsConsentToNewsEverywhere() {
        Event full = TestEvents.create(1, true);
        String email = email("leave");
        String next = email("next");
        signUp(full, person("Leaving Soon", email, "en", true));
        signUp(full, person("Next In Line", next, "en", false));
        Event other = TestEvents.create(5, true);
        signUp(other, person("Leaving Soon", email, "en", true));
        long seat = TestEvents.byEmail(full, email).id;
        String session = session(email);

        post(session, "/me/registrations/" + seat + "/cancel", Map.of()).then().statusCode(303)
                .header("Location", containsString("done=cancelled"));
        assertThat(registration(seat).status).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(TestEvents.byEmail(full, next).status).isEqualTo(RegistrationStatus.PENDING);
        assertThat(TestEvents.counters(full)).isEqualTo(TestEvents.recount(full));
        Deliveries.deliver(outbox);
        assertThat(Mailbox.to(greenMail, email).stream().map(Mailbox::subject)).contains("Registration cancelled: Test Meetup");

        Instant before = TestClock.now();
        post(session, "/me/marketing", Map.of()).then().statusCode(303).header("Location", containsString("done=withdrawn"));
        List<Registration> mine = QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>list("emailNormalized", email));
        assertThat(mine).hasSize(2).allSatisfy(r -> {
            assertThat(r.marketingConsent).isFalse();
            assertThat(r.marketingWithdrawnAt).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.MILLIS));
            assertThat(r.marketingConsentAt).isNotNull();
        });
        page(session).then().body(containsString("withdrawn on"))
                .body(containsString("You have not given consent to news, or you have withdrawn it."));
    }

    // Erasure

    static final String DRAW_APPLY = """
            {"name": "%s", "email": "%s", "affiliation": "Draw Corp", "role": "STUDENT", "locale": "en", "consent": true}""";

    /** A draw event made through the admin API, with four applicants (one of them {@code email}), verified and drawn: two seats. */
    String drawnEvent(String email) {
        String slug = "me-draw-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = TestClock.now();
        Instant starts = now.plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MINUTES);
        Instant drawAt = now.plus(Duration.ofHours(2));
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body("""
                {"slug":"%s","title":"Draw Conf","titleKo":"추첨 콘퍼런스","description":"d","descriptionKo":"d",
                 "venue":"Hall","address":"Seoul","startsAt":"%s","endsAt":"%s","capacity":2,"waitlistEnabled":false,
                 "registrationOpensAt":"%s","allocation":"DRAW","drawAt":"%s"}""".formatted(slug, kst(starts),
                        kst(starts.plus(Duration.ofHours(8))), kst(now.minusSeconds(60)), kst(drawAt)))
                .post("/api/admin/events").then().statusCode(201);
        Event event = QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).orElseThrow());
        signUp(event, DRAW_APPLY.formatted("Drawn Person", email));
        for (int i = 0; i < 3; i++) signUp(event, DRAW_APPLY.formatted("Applicant " + i, email("applicant" + i)));
        QuarkusTransaction.requiringNew().run(() -> {
            for (Registration r : Registration.<Registration>list("event.slug = ?1 and status = ?2", slug, RegistrationStatus.APPLIED)) {
                draws.verify(AccessToken.issue(r, AccessToken.Purpose.VERIFY, TestClock.now()), TestClock.now());
            }
        });
        TestClock.get().set(drawAt.plusSeconds(1));
        assertThat(draws.draw(event.id, TestClock.now())).isTrue();
        return slug;
    }

    static String kst(Instant i) {
        return i.atOffset(ZoneOffset.ofHours(9)).toString();
    }

    @Test
    void erasingAPersonWithASeatOnAFullEventGivesItToTheFirstWaitingAndLeavesNoTrace() {
        String email = email("erase");
        String name = "Erase Me " + run;
        String secretAnswer = "Secret Unicorn " + run;
        Event full = TestEvents.create(1, true);
        TestQuestions.set(full, """
                [{"key":"company","type":"TEXT","label":"Company name","labelKo":"회사 이름","required":false}]""");
        signUp(full, """
                {"name":"%s","email":"%s","affiliation":"Hidden Affiliation %s","role":"FOUNDER","locale":"en","consent":true,
                 "marketingConsent":true,"answers":{"company":"%s"}}""".formatted(name, email, run, secretAnswer));
        registrations.confirm(OutboxParams.of("SEAT_HELD", email).get("confirm"), TestClock.now());
        String first = email("first"), second = email("second");
        signUp(full, person("First Waiting", first, "ko", false));
        signUp(full, person("Second Waiting", second, "en", false));
        long seat = TestEvents.byEmail(full, email).id;
        assertThat(registration(seat).status).isEqualTo(RegistrationStatus.CONFIRMED);
        String drawSlug = drawnEvent(email);
        String recordBefore = given().get("/events/" + drawSlug + "/draw.csv").then().statusCode(200).extract().asString();
        long applied = QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>find("event.slug = ?1 and emailNormalized = ?2",
                drawSlug, email).singleResult().id);
        String reference = registration(applied).reference;
        assertThat(recordBefore).contains(reference);

        String session = session(email.toUpperCase());
        // The confirm step names what is erased; nothing is erased yet.
        Response step = post(session, "/me/erase", Map.of());
        assertThat(step.statusCode()).isEqualTo(200);
        assertThat(step.asString()).contains("Erase all your data?").contains("name=\"confirmed\" value=\"true\"")
                .contains("Test Meetup").contains("Draw Conf").doesNotContain("admin/logout");
        assertThat(registration(seat).erasedAt).isNull();
        // Its language switch (a GET on the form's address) leads back to the page, erasing nothing.
        given().cookie("me-session", session).redirects().follow(false).get("/me/erase?lang=ko").then().statusCode(303)
                .header("Location", containsString("/me?lang=ko"));
        assertThat(registration(seat).erasedAt).isNull();

        Response erased = post(session, "/me/erase", Map.of("confirmed", "true"));
        assertThat(erased.statusCode()).isEqualTo(303);
        assertThat(erased.header("Location")).endsWith("/me/erased");
        assertThat(erased.getDetailedCookie("me-session").getMaxAge()).isZero();
        given().header("Accept-Language", "en").get("/me/erased").then().statusCode(200).body(containsString("Your data is erased"));

        // The seat went to the first person waiting, as a cancel would give it; the counters equal a recount.
        Registration gone = Erased.check(seat);
        assertThat(gone.status).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(gone.confirmedAt).isNotNull();
        assertThat(TestEvents.byEmail(full, first).status).isEqualTo(RegistrationStatus.PENDING);
        assertThat(TestEvents.byEmail(full, second).status).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(TestEvents.counters(full)).isEqualTo(TestEvents.recount(full)).containsExactly(1L, 1L, 0L);
        Deliveries.deliver(outbox);
        String offered = MessageBundles.get(Msg.class, Localized.Literal.of("ko")).mail_offered_subject("테스트 밋업");
        assertThat(Mailbox.to(greenMail, first).stream().map(Mailbox::subject)).contains(offered);

        // The draw record is what it was: the reference stays, the order still recomputes.
        Registration drawn = Erased.check(applied);
        assertThat(drawn.reference).isEqualTo(reference);
        assertThat(drawn.drawRank).isNotNull();
        assertThat(given().get("/events/" + drawSlug + "/draw.csv").then().statusCode(200).extract().asString()).isEqualTo(recordBefore);
        Event drawEvent = QuarkusTransaction.requiringNew().call(() -> Event.bySlug(drawSlug).orElseThrow());
        assertThat(TestEvents.counters(drawEvent)).isEqualTo(TestEvents.recount(drawEvent));

        // No organizer view keeps the person: the API, the CSV, the page, its search, the mail rows.
        String api = given().auth().preemptive().basic("admin", "admin").get("/api/admin/events/" + full.slug + "/registrations")
                .then().statusCode(200).extract().asString();
        assertThat(api).doesNotContain(name).doesNotContain(email).doesNotContain(secretAnswer).doesNotContain("Hidden Affiliation");
        given().auth().preemptive().basic("admin", "admin").get("/api/admin/events/" + full.slug + "/registrations")
                .then().body("find { it.id == " + seat + " }.erased", equalTo(true))
                .body("find { it.id == " + seat + " }.name", equalTo(null))
                .body("find { it.id == " + seat + " }.email", equalTo(null))
                .body("find { it.id == " + seat + " }.status", equalTo("CANCELLED"))
                .body("find { it.id == " + seat + " }.answers.size()", equalTo(0));
        String csv = given().auth().preemptive().basic("admin", "admin").queryParam("reason", "erasure check")
                .get("/admin/events/" + full.slug + "/attendees.csv").then().statusCode(200).extract().asString();
        assertThat(csv).doesNotContain(name).doesNotContain(email).doesNotContain(secretAnswer).doesNotContain("Hidden Affiliation")
                .contains(seat + ",CANCELLED,,,,FOUNDER,en,");
        given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en").get("/admin/events/" + full.slug)
                .then().statusCode(200).body(containsString("Erased on request")).body(not(containsString(name)))
                .body(not(containsString(email)));
        given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en").queryParam("q", email)
                .get("/admin/events/" + full.slug).then().statusCode(200).body(containsString("No registrations match."));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.search(full, email, null).count())).isZero();
        Erased.noMailTo(email);
        assertThat(QuarkusTransaction.requiringNew().call(() -> MyDataSession.count("email", email)
                + MyDataLink.count("email", email))).isZero();

        // One access log entry, without personal data.
        String log = given().auth().preemptive().basic("admin", "admin").queryParam("action", "ERASED").get("/api/admin/audit")
                .then().statusCode(200).extract().asString();
        assertThat(log).contains("\"account\":\"attendee\"").contains(Long.toString(seat)).contains(Long.toString(applied))
                .doesNotContain(email);

        // Twice is harmless: the old session is gone, and nothing is left under the address.
        post(session, "/me/erase", Map.of("confirmed", "true")).then().statusCode(303).header("Location", containsString("done=ended"));
        assertThat(erasure.erasePerson(email, TestClock.now(), AccessLog.Entry.of("attendee", null, AccessAction.ERASED))).isEmpty();
        assertThat(TestEvents.counters(full)).isEqualTo(TestEvents.recount(full)).containsExactly(1L, 1L, 0L);
    }

    @Test
    void anActiveRegistrationTheRetentionErasesKeepsItsStatusAndCountsLikeARequest() {
        Event ended = TestEvents.create(3, true);
        String email = email("kept");
        signUp(ended, person("Kept Until Retention", email, "en", true));
        long id = TestEvents.byEmail(ended, email).id;
        List<Long> countersBefore = TestEvents.counters(ended);
        TestEvents.update(ended, e -> {
            e.startsAt = TestClock.now().minus(Duration.ofDays(400));
            e.endsAt = e.startsAt.plus(Duration.ofHours(3));
        });
        retention.purge(TestClock.now());
        Registration r = Erased.check(id);
        assertThat(r.status).isEqualTo(RegistrationStatus.PENDING);
        assertThat(r.activeEmail).isEqualTo(r.email);
        assertThat(TestEvents.counters(ended)).isEqualTo(countersBefore).isEqualTo(TestEvents.recount(ended));
        Erased.noMailTo(email);
        // A person asking afterwards finds nothing under the address.
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.ofPerson(email))).isEmpty();
    }
}
