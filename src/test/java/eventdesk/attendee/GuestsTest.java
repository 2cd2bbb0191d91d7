package eventdesk.attendee;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.admin.Organizers;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLogEntry;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutboxMessage;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.team.ApiToken;
import eventdesk.team.Role;
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
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * Organizers add people by hand, through the API and the attendee page's form: a guest takes a free seat
 * through the seat path, confirmed with the ticket or pending with the confirm link; a full event, a
 * duplicate address or bad input stores nothing; the door volunteer may not add anyone.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class GuestsTest extends RestoresTestClock {

    GreenMail greenMail;
    @Inject
    Outbox outbox;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en");
    }

    static Response addGuest(Event event, String body) {
        return admin().contentType("application/json").body(body).post("/api/admin/events/" + event.slug + "/registrations");
    }

    static String guest(String name, String email, String locale, boolean confirmed) {
        return """
                {"name": "%s", "email": "%s", "affiliation": "Sponsor Inc.", "role": "OTHER", "locale": "%s", "confirmed": %s}
                """.formatted(name, email, locale, confirmed);
    }

    private String address(String who) {
        return who + "." + tag + "@example.com";
    }

    private static long mailsTo(String address) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("recipient", address));
    }

    private static List<AccessLogEntry> entries(Event event, AccessAction action) {
        return QuarkusTransaction.requiringNew().call(() ->
                AccessLogEntry.<AccessLogEntry>list("eventSlug = ?1 and action = ?2 order by id", event.slug, action));
    }

    @Test
    void aConfirmedGuestIsConfirmedAtOnceAndGetsTheTicketEvenAfterRegistrationClosed() {
        // Registration closed an hour ago: a walk-in is still added by hand.
        Event event = TestEvents.create(3, false, TestClock.now().minus(Duration.ofDays(2)), TestClock.now().minus(Duration.ofHours(1)));
        String speaker = address("speaker");
        long id = addGuest(event, guest("Kim Speaker", speaker, "en", true)).then().statusCode(201)
                .body("status", equalTo("CONFIRMED")).body("email", equalTo(speaker)).body("name", equalTo("Kim Speaker"))
                .body("confirmedAt", containsString("+09:00")).body("waitlistPosition", nullValue())
                .extract().jsonPath().getLong("id");
        Registration r = TestEvents.byEmail(event, speaker);
        assertThat(r.id).isEqualTo(id);
        assertThat(r.status).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(r.consentVersion).as("no notice was shown to the person").isNull();
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(1L, 0L, 0L));

        Deliveries.deliver(outbox);
        List<MimeMessage> mails = Mailbox.to(greenMail, speaker);
        assertThat(mails).as("only the ticket, no confirm link").hasSize(1);
        MimeMessage ticket = mails.get(0);
        assertThat(Mailbox.subject(ticket)).contains("ticket");
        assertThat(Mailbox.partTypes(ticket)).contains("image/png", "text/calendar");
        assertThat(Mailbox.text(ticket)).contains("cid:ticket-qr@eventdesk", "BEGIN:VCALENDAR").doesNotContain("/confirm/");

        List<AccessLogEntry> log = entries(event, AccessAction.EDIT_REGISTRATION);
        assertThat(log).hasSize(1);
        assertThat(log.get(0).registrations()).containsExactly(id);
        assertThat(log.get(0).reason).isEqualTo("add");
        admin().get("/api/admin/events/" + event.slug + "/registrations").then().statusCode(200)
                .body("email", hasItems(speaker));
    }

    @Test
    void aPendingGuestIsPendingAsASignUpAndConfirmsFromTheMailedLink() {
        Event event = TestEvents.create(3, true);
        String staff = address("staff");
        addGuest(event, guest("박 스태프", staff, "ko", false)).then().statusCode(201).body("status", equalTo("PENDING"));
        assertThat(TestEvents.byEmail(event, staff).holdExpiresAt).isNotNull();
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(1L, 0L, 0L));

        Deliveries.deliver(outbox);
        List<MimeMessage> mails = Mailbox.to(greenMail, staff);
        assertThat(mails).hasSize(1);
        String confirm = Forms.link(Mailbox.text(mails.get(0)), "http://localhost:8080/confirm/").replace("http://localhost:8080", "");
        assertThat(Forms.submit(confirm, confirm, Map.of(), "ko").statusCode()).isEqualTo(303);
        assertThat(TestEvents.byEmail(event, staff).status).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void aFullEventRefusesAGuestWith409AndStoresNothing() {
        Event event = TestEvents.create(2, true);
        TestEvents.insert(event, "First", address("first"), "A", RegistrationStatus.CONFIRMED);
        TestEvents.insert(event, "Second", address("second"), "B", RegistrationStatus.PENDING);
        TestEvents.insert(event, "Waiting", address("waiting"), "C", RegistrationStatus.WAITLISTED);
        List<Long> before = TestEvents.counters(event);
        String late = address("late");

        addGuest(event, guest("Late Speaker", late, "en", true)).then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("No seat left"))
                .body("detail", containsString("nothing was stored"));
        addGuest(event, guest("Late Speaker", late, "en", false)).then().statusCode(409);

        assertThat(TestEvents.registrations(event)).hasSize(3);
        assertThat(TestEvents.byEmail(event, late)).isNull();
        assertThat(TestEvents.counters(event)).isEqualTo(before).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(2L, 1L, 0L));
        assertThat(mailsTo(late)).isZero();
        assertThat(entries(event, AccessAction.EDIT_REGISTRATION)).isEmpty();
    }

    @Test
    void guestsRacingForTheLastSeatsNeverTakeMoreThanTheCapacity() throws Exception {
        Event event = TestEvents.create(4, true);
        TestEvents.insert(event, "Already", address("already"), "A", RegistrationStatus.CONFIRMED);
        List<Integer> answers = Race.run(12, i -> () -> addGuest(event, guest("Racer " + i, address("racer" + i), "en", i % 2 == 0))
                .statusCode());
        assertThat(answers.stream().filter(a -> a == 201)).hasSize(3);
        assertThat(answers.stream().filter(a -> a == 409)).hasSize(9);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(4L, 0L, 0L));
    }

    @Test
    void aDuplicateAddressAndBadInputAreRefusedNamingWhy() {
        Event event = TestEvents.create(5, true);
        String known = address("known");
        addGuest(event, guest("Known", known, "en", true)).then().statusCode(201);
        addGuest(event, guest("Known Again", known.toUpperCase(), "en", false)).then().statusCode(409)
                .body("title", equalTo("Already registered")).body("detail", containsString("already has an active registration"));

        addGuest(event, """
                {"name": "", "email": "not-an-address", "affiliation": "X", "role": "ALIEN", "locale": "fr"}""")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "email", "role", "locale"));
        addGuest(event, "{}").then().statusCode(400).body("errors.field", hasItems("name", "email", "affiliation", "role"));
        admin().contentType("application/json").body(guest("Nobody", address("nobody"), "en", true))
                .post("/api/admin/events/no-such-event-" + tag + "/registrations").then().statusCode(404);
        assertThat(TestEvents.registrations(event)).hasSize(1);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(1L, 0L, 0L));
    }

    @Test
    void aTicketTypeIsRequiredWhereTheEventHasTypesAndTheGuestTakesOneOfItsSeats() {
        String slug = "guests-" + tag;
        String starts = TestClock.now().plus(Duration.ofDays(40)).atOffset(java.time.ZoneOffset.ofHours(9)).toString();
        String ends = TestClock.now().plus(Duration.ofDays(40)).plus(Duration.ofHours(3)).atOffset(java.time.ZoneOffset.ofHours(9)).toString();
        admin().contentType("application/json").body("""
                {"slug": "%s", "title": "Typed", "titleKo": "유형", "venue": "Hall", "address": "1 Test-ro", "startsAt": "%s",
                 "endsAt": "%s", "capacity": 10, "waitlistEnabled": true,
                 "ticketTypes": [{"key": "speaker", "name": "Speaker", "nameKo": "연사", "capacity": 1, "held": 0},
                                 {"key": "general", "name": "General", "nameKo": "일반", "capacity": 9, "held": 0}]}
                """.formatted(slug, starts, ends)).post("/api/admin/events").then().statusCode(201);
        Event event = QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).orElseThrow());
        addGuest(event, guest("No Type", address("notype"), "en", true)).then().statusCode(400)
                .body("errors[0].field", equalTo("ticketType")).body("errors[0].message", equalTo("Choose a ticket type."));
        String withType = guest("Speaker One", address("speaker1"), "en", true).replace("}", ", \"ticketType\": \"speaker\"}");
        addGuest(event, withType).then().statusCode(201).body("ticketType", equalTo("speaker"));
        String another = guest("Speaker Two", address("speaker2"), "en", true).replace("}", ", \"ticketType\": \"speaker\"}");
        addGuest(event, another).then().statusCode(409).body("title", equalTo("No seat left"));
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(1L, 0L, 0L));
    }

    @Test
    void theAttendeePageLinksTheFormWhichAddsAPersonAndComesBackWithANotice() {
        Event event = TestEvents.create(4, true);
        String session = session(Role.MANAGER, event);
        Organizers.page(session, "/admin/events/" + event.slug).then().statusCode(200)
                .body(containsString("href=\"/admin/events/" + event.slug + "/guests\"")).body(containsString("Add attendee"));
        Response form = Organizers.page(session, "/admin/events/" + event.slug + "/guests");
        form.then().statusCode(200).body(containsString("name=\"csrf-token\"")).body(containsString("name=\"confirmed\" value=\"true\""))
                .body(containsString("<meta name=\"viewport\""));
        given().cookie("quarkus-credential", session).header("Accept-Language", "ko").get("/admin/events/" + event.slug + "/guests")
                .then().statusCode(200).body(containsString("참가자 추가")).body(containsString("지금 확정"));

        String walkIn = address("walkin");
        Response added = Forms.submitWithSession(session, "/admin/events/" + event.slug + "/guests",
                "/admin/events/" + event.slug + "/guests", Map.of("name", "현장 참가자", "email", walkIn, "affiliation", "Walk-in",
                        "role", "DEVELOPER", "locale", "ko", "confirmed", "true"), "en");
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.header("Location")).endsWith("/admin/events/" + event.slug + "?done=guest_confirmed");
        Organizers.page(session, "/admin/events/" + event.slug + "?done=guest_confirmed").then().statusCode(200)
                .body(containsString("Attendee added as confirmed")).body(containsString("현장 참가자"));
        Registration r = TestEvents.byEmail(event, walkIn);
        assertThat(r.status).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(r.locale).isEqualTo("ko");
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(1L, 0L, 0L));
        assertThat(entries(event, AccessAction.EDIT_REGISTRATION)).singleElement()
                .satisfies(e -> assertThat(e.registrations()).containsExactly(r.id));

        // Bad input: the form again with what was typed and the error next to its field.
        Response bad = Forms.submitWithSession(session, "/admin/events/" + event.slug + "/guests",
                "/admin/events/" + event.slug + "/guests", Map.of("name", "Typed Name", "email", "nope", "affiliation", "X",
                        "role", "DEVELOPER", "locale", "en", "confirmed", "false"), "en");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.asString()).contains("id=\"email-error\"", "value=\"Typed Name\"", "aria-invalid=\"true\"");
        assertThat(TestEvents.registrations(event)).hasSize(1);
    }

    @Test
    void theFormSaysSoWhenNoSeatIsLeftAndStoresNothing() {
        Event event = TestEvents.create(1, false);
        TestEvents.insert(event, "Only", address("only"), "A", RegistrationStatus.CONFIRMED);
        String session = session(Role.MANAGER, event);
        String extra = address("extra");
        Map<String, String> fields = Map.of("name", "One Too Many", "email", extra, "affiliation", "Sponsor",
                "role", "INVESTOR", "locale", "en", "confirmed", "true");
        Response full = Forms.submitWithSession(session, "/admin/events/" + event.slug + "/guests",
                "/admin/events/" + event.slug + "/guests", fields, "en");
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.asString()).contains("No seat is left", "Nothing was stored", "value=\"One Too Many\"", "value=\"" + extra + "\"");
        Response fullKo = Forms.submitWithSession(session, "/admin/events/" + event.slug + "/guests?lang=ko",
                "/admin/events/" + event.slug + "/guests", fields, "ko");
        assertThat(fullKo.statusCode()).isEqualTo(409);
        assertThat(fullKo.asString()).contains("남은 좌석이 없습니다");
        assertThat(TestEvents.registrations(event)).hasSize(1);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(1L, 0L, 0L));
        assertThat(mailsTo(extra)).isZero();
    }

    @Test
    void theDoorMayNotAddAnyone() {
        Event event = TestEvents.create(5, true);
        String door = session(Role.DOOR, event);
        Organizers.page(door, "/admin/events/" + event.slug + "/guests").then().statusCode(403);
        given().redirects().follow(false).cookie("quarkus-credential", door).contentType("application/x-www-form-urlencoded")
                .formParam("name", "Sneaky").formParam("email", address("sneaky")).post("/admin/events/" + event.slug + "/guests")
                .then().statusCode(403);
        String token = QuarkusTransaction.requiringNew().call(() ->
                ApiToken.issue("door " + tag, Role.DOOR, Set.of(event.slug), null, null, TestClock.now()).secret());
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(guest("Sneaky", address("sneaky"), "en", true))
                .post("/api/admin/events/" + event.slug + "/registrations").then().statusCode(403);
        assertThat(TestEvents.registrations(event)).isEmpty();
        assertThat(TestEvents.counters(event)).isEqualTo(List.of(0L, 0L, 0L));
    }

    /** A signed-in organizer of {@code role} for this event only. */
    private static String session(Role role, Event event) {
        var account = Organizers.create(role, Set.of(event.slug), false);
        String cookie = Organizers.password(account.email, Organizers.PASSWORD).getCookie("quarkus-credential");
        assertThat(cookie).isNotNull();
        return cookie;
    }
}
