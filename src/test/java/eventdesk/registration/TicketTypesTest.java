package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.testing.Forms;
import eventdesk.testing.Race;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Ticket types: each type's seats, its own FIFO waitlist, the event's capacity as the overall cap,
 * and where a freed seat goes. Races go through the real HTTP API and database (no @TestTransaction).
 */
@QuarkusTest
class TicketTypesTest extends RestoresTestClock {

    static final String TWO_TYPES = """
            [{"key": "founder", "name": "Founder", "nameKo": "창업자", "capacity": 50, "held": 0},
             {"key": "developer", "name": "Developer", "nameKo": "개발자", "capacity": 30, "held": 0}]""";

    @TestHTTPResource("/")
    URL base;
    @Inject
    RegistrationService service;
    @Inject
    SeatEditor seats;

    @Test
    void fourHundredConcurrentSignUpsFillEachTypeExactlyAndQueueEachTypeFirstComeFirstServed() throws Exception {
        Event event = Curated.create(200, true, TWO_TYPES, "");
        Map<String, String> answers = race(event, 400, i -> i % 2 == 0 ? "founder" : "developer");

        assertThat(answers.values()).allSatisfy(a -> assertThat(a).startsWith("202 "));
        assertThat(Curated.count(event, "founder", RegistrationStatus.PENDING)).isEqualTo(50);
        assertThat(Curated.count(event, "developer", RegistrationStatus.PENDING)).isEqualTo(30);
        assertThat(Curated.count(event, "founder", RegistrationStatus.WAITLISTED)).isEqualTo(150);
        assertThat(Curated.count(event, "developer", RegistrationStatus.WAITLISTED)).isEqualTo(170);
        assertThat(TestEvents.counters(event)).containsExactly(80L, 320L, 0L);
        assertThat(TestEvents.recount(event)).containsExactly(80L, 320L, 0L);
        assertThat(Curated.type(event, "founder").seatsTaken).isEqualTo(50);
        assertThat(Curated.type(event, "developer").waitlisted).isEqualTo(170);

        // Each type's queue holds places 1..W, and each person was told the place they hold.
        for (String type : List.of("founder", "developer")) {
            List<String> queue = Curated.waitlist(event, type);
            int expected = type.equals("founder") ? 150 : 170;
            assertThat(queue.stream().map(q -> Long.parseLong(q.substring(q.indexOf('#') + 1))).toList())
                    .isEqualTo(LongStream.rangeClosed(1, expected).boxed().toList());
            for (String q : queue) {
                String email = q.substring(0, q.indexOf('#'));
                assertThat(answers.get(email)).contains("\"waitlistPosition\":" + q.substring(q.indexOf('#') + 1) + "}");
            }
        }

        // A cancelled founder seat goes to the first waiting founder, not to a developer.
        String firstFounder = Curated.waitlist(event, "founder").get(0);
        String firstFounderEmail = firstFounder.substring(0, firstFounder.indexOf('#'));
        Registration seated = TestEvents.registrations(event).stream()
                .filter(r -> r.status == RegistrationStatus.PENDING && "founder".equals(typeKey(r))).findFirst().orElseThrow();
        service.cancelById(seated.id, TestClock.now());
        assertThat(Curated.status(event, firstFounderEmail)).isEqualTo(RegistrationStatus.PENDING);
        assertThat(Curated.count(event, "founder", RegistrationStatus.PENDING)).isEqualTo(50);
        assertThat(Curated.count(event, "developer", RegistrationStatus.PENDING)).isEqualTo(30);
        assertThat(Curated.waitlist(event, "founder")).hasSize(149).first().asString().endsWith("#1");
        assertThat(Curated.waitlist(event, "developer")).hasSize(170);
    }

    @Test
    void theEventCapacityStaysTheOverallCapAndAFreedSeatGoesToItsOwnTypeFirst() {
        Event event = Curated.create(2, true, """
                [{"key": "a", "name": "A", "nameKo": "가", "capacity": 2, "held": 0},
                 {"key": "b", "name": "B", "nameKo": "나", "capacity": 2, "held": 0}]""", "");
        signUp(event, "a1", "a");
        signUp(event, "b1", "b");
        // Both types still have room of their own, but the event's two seats are taken.
        Curated.post(event, Curated.signUp("a2", "a2@example.com", "en", "a", null)).then().statusCode(202)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        Curated.post(event, Curated.signUp("b2", "b2@example.com", "en", "b", null)).then().statusCode(202)
                .body("status", equalTo("WAITLISTED")).body("waitlistPosition", equalTo(1));
        given().get("/api/events/" + event.slug).then().body("seatsLeft", equalTo(0))
                .body("ticketTypes.key", hasItem("a")).body("ticketTypes[0].seatsLeft", equalTo(0));

        // b1 cancels: the seat was a B seat, so b2 gets it although a2 has waited longer.
        service.cancelById(TestEvents.byEmail(event, "b1@example.com").id, TestClock.now());
        assertThat(Curated.status(event, "b2@example.com")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(Curated.status(event, "a2@example.com")).isEqualTo(RegistrationStatus.WAITLISTED);
        // A third seat in the event's cap goes to whoever waits and fits: a2.
        seats.changeSeats(event, 3, null, TestClock.now());
        assertThat(Curated.status(event, "a2@example.com")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(TestEvents.counters(event)).containsExactly(3L, 0L, 0L);
    }

    @Test
    void aTypeCapacityChangeNeverDropsBelowItsSeatsTakenAndARaisePromotesThatType() {
        Event event = Curated.create(10, true, """
                [{"key": "a", "name": "A", "nameKo": "가", "capacity": 1, "held": 0},
                 {"key": "b", "name": "B", "nameKo": "나", "capacity": 1, "held": 0}]""", "");
        signUp(event, "k1", "a");
        signUp(event, "k2", "a");
        signUp(event, "k3", "b");
        signUp(event, "k4", "b");
        assertThat(Curated.status(event, "k2@example.com")).isEqualTo(RegistrationStatus.WAITLISTED);

        Curated.admin().contentType("application/json")
                .body("{\"ticketTypes\": [{\"key\": \"a\", \"capacity\": 0}, {\"key\": \"b\"}]}")
                .put("/api/admin/events/" + event.slug).then().statusCode(400)
                .body("errors.field", hasItem("ticketTypes[0].capacity"));
        Curated.admin().contentType("application/json")
                .body("{\"ticketTypes\": [{\"key\": \"a\", \"capacity\": 2}, {\"key\": \"b\"}]}")
                .put("/api/admin/events/" + event.slug).then().statusCode(200)
                .body("ticketTypes[0].capacity", equalTo(2)).body("ticketTypes[1].name", equalTo("B"));
        assertThat(Curated.status(event, "k2@example.com")).isEqualTo(RegistrationStatus.PENDING);
        assertThat(Curated.status(event, "k4@example.com")).isEqualTo(RegistrationStatus.WAITLISTED);

        // A type with registrations cannot be removed; the answer names it and nothing changes.
        Curated.admin().contentType("application/json").body("{\"ticketTypes\": [{\"key\": \"a\"}]}")
                .put("/api/admin/events/" + event.slug).then().statusCode(400)
                .body("errors.message", hasItem(containsString("cannot be removed")));
        assertThat(Curated.type(event, "b")).isNotNull();
    }

    @Test
    void aSignUpMustNameOneOfTheEventsTypes() {
        Event event = Curated.create(10, true, TWO_TYPES, "");
        Curated.post(event, Curated.signUp("No Type", "none@example.com", "en", null, null)).then().statusCode(400)
                .contentType(containsString("problem+json"))
                .body("errors[0].field", equalTo("ticketType")).body("errors[0].message", equalTo("Choose a ticket type."));
        Curated.post(event, Curated.signUp("Odd Type", "odd@example.com", "en", "investor", null)).then().statusCode(400)
                .body("errors[0].field", equalTo("ticketType"));
        assertThat(TestEvents.registrations(event)).isEmpty();

        // The form shows the types with seats left, and says what is missing next to the choice.
        given().header("Accept-Language", "ko").get("/events/" + event.slug).then().statusCode(200)
                .body(containsString("name=\"ticketType\" value=\"founder\""))
                .body(containsString("창업자")).body(containsString("창업자: 10석 남음"));
        var page = Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", Map.of(
                "name", "김민준", "email", "minjun@example.kr", "affiliation", "토스", "role", "FOUNDER", "locale", "ko",
                "consent", "true"), "ko");
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.asString()).contains("id=\"ticketType-error\"").contains("티켓 유형을 선택해 주세요.")
                .contains("value=\"minjun@example.kr\"");
        var ok = Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", Map.of(
                "name", "김민준", "email", "minjun@example.kr", "affiliation", "토스", "role", "FOUNDER", "locale", "ko",
                "consent", "true", "ticketType", "developer"), "ko");
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(Curated.count(event, "developer", RegistrationStatus.PENDING)).isEqualTo(1);
        // The attendee list filters by type, and the CSV gets the type as its last column.
        Curated.admin().get("/admin/events/" + event.slug + "?ticketType=developer").then().statusCode(200)
                .body(containsString("김민준"));
        Curated.admin().get("/admin/events/" + event.slug + "?ticketType=founder").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("김민준")));
        String csv = new String(Curated.admin().get("/admin/events/" + event.slug + "/attendees.csv?reason=test").asByteArray(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",waitlist_position,ticket_type,reference,draw_rank");
        assertThat(csv).contains("minjun@example.kr").containsPattern("minjun@example.kr.*,developer,,\r?\n");
        Curated.admin().get("/api/admin/events/" + event.slug + "/registrations").then()
                .body("[0].ticketType", equalTo("developer"));
    }

    @Test
    void anEventWithoutTypesRefusesATypeAndTakesSignUpsAsBefore() {
        Event event = TestEvents.create(1, true);
        Curated.post(event, Curated.signUp("X", "x-untyped@example.com", "en", "founder", null)).then().statusCode(400)
                .body("errors[0].field", equalTo("ticketType"));
        Curated.post(event, Curated.signUp("Y", "y-untyped@example.com", "en", null, null)).then().statusCode(202)
                .body("status", equalTo("PENDING"));
    }

    @Test
    void theOrganizerSetsUpTypesHeldSeatsAndApprovalInTheEditForm() {
        String slug = "form-types-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String starts = eventdesk.web.Kst.input(TestClock.now().plus(Duration.ofDays(40)));
        String ends = eventdesk.web.Kst.input(TestClock.now().plus(Duration.ofDays(40)).plus(Duration.ofHours(8)));
        Map<String, Object> fields = new HashMap<>(Map.of("slug", slug, "title", "Founders Day", "titleKo", "파운더스 데이",
                "venue", "COEX", "address", "Seoul", "startsAt", starts, "endsAt", ends, "capacity", "300",
                "waitlistEnabled", "true", "approvalRequired", "true"));
        fields.putAll(Map.of("status", "published", "ticketTypes[0].key", "founder", "ticketTypes[0].name", "Founder",
                "ticketTypes[0].nameKo", "창업자", "ticketTypes[0].capacity", "200", "ticketTypes[0].held", "10",
                "ticketTypes[1].key", "developer", "ticketTypes[1].name", "Developer", "ticketTypes[1].nameKo", "개발자",
                "ticketTypes[1].capacity", "100"));
        fields.putAll(Map.of("ticketTypes[1].held", "", "ticketTypes[2].key", "", "ticketTypes[2].capacity", ""));
        var created = Forms.submitAsAdmin("/admin/events/new", "/admin/events", fields);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(303);
        Event event = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Event e = Event.bySlug(slug).orElseThrow();
            e.ticketTypes.size();
            return e;
        });
        assertThat(event.approvalRequired).isTrue();
        assertThat(event.ticketTypes).extracting(t -> t.key + ":" + t.capacity + ":" + t.held + ":" + t.nameKo)
                .containsExactly("founder:200:10:창업자", "developer:100:0:개발자");
        Curated.admin().get("/admin/events/" + slug + "/edit?saved=true").then().statusCode(200)
                .body(containsString("value=\"founder\" maxlength=\"32\" autocomplete=\"off\" readonly"));

        // A capacity below the type's seats taken is refused next to that row's field.
        Curated.post(event, Curated.signUp("F", "form-f@example.com", "en", "founder", null)).then().body("status", equalTo("APPLIED"));
        Curated.admin().contentType("application/json").body("{\"approvalRequired\": false}")
                .put("/api/admin/events/" + slug).then().statusCode(200);
        long applied = TestEvents.byEmail(event, "form-f@example.com").id;
        Curated.admin().contentType("application/json").post("/api/admin/registrations/" + applied + "/approve").then()
                .statusCode(200).body("status", equalTo("PENDING")).body("ticketType", equalTo("founder"));
        fields.put("ticketTypes[0].capacity", "0");
        fields.put("ticketTypes[0].existing", "true");
        var refused = Forms.submitAsAdmin("/admin/events/" + slug + "/edit", "/admin/events/" + slug, fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("id=\"ticketTypes[0].capacity-error\"").contains("at least 1");
    }

    private static void signUp(Event event, String who, String type) {
        Curated.post(event, Curated.signUp(who, who + "@example.com", "en", type, null)).then().statusCode(202);
    }

    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given();
    }

    private static String typeKey(Registration r) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Registration fresh = Registration.findById(r.id);
            return fresh.ticketType == null ? null : fresh.ticketType.key;
        });
    }

    /** All sign-ups released together; returns each email's "status body". */
    private Map<String, String> race(Event event, int threads, java.util.function.IntFunction<String> type) throws Exception {
        URI uri = base.toURI().resolve("api/events/" + event.slug + "/registrations");
        List<String> emails = new ArrayList<>();
        List<HttpRequest> signUps = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String email = "typed" + i + "@example.com";
            emails.add(email);
            signUps.add(Race.postJson(uri, Curated.signUp("Racer " + i, email, "ko", type.apply(i), null), Duration.ofSeconds(90)));
        }
        List<String> answers = Race.send(signUps);
        Map<String, String> bodies = new HashMap<>();
        for (int i = 0; i < threads; i++) bodies.put(emails.get(i), answers.get(i));
        return bodies;
    }
}
