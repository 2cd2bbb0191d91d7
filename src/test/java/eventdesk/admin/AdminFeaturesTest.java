package eventdesk.admin;

import eventdesk.event.Event;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.Forms;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The organizer shell: the dashboard, the event form (create, edit, refused input) and the events API. */
@QuarkusTest
class AdminFeaturesTest {

    static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en");
    }

    @Test
    void theNewEventFormStartsAtDraftWhileTheApiKeepsPublished() {
        admin().get("/admin/events/new").then().statusCode(200)
                .body(containsString("value=\"draft\" checked")).body(not(containsString("value=\"published\" checked")));
        String slug = "draft-" + System.nanoTime();
        java.time.LocalDate day = TestEvents.tenAmKst(70).toLocalDate();
        Forms.submitAsAdmin("/admin/events/new", "/admin/events", Map.of("slug", slug, "title", "Quiet Draft", "venue", "Hall",
                "address", "Seoul", "startsAt", day + "T19:00", "endsAt", day + "T21:00", "capacity", "10")).then().statusCode(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).orElseThrow().status))
                .isEqualTo(eventdesk.event.EventStatus.draft);
        given().get("/events/" + slug).then().statusCode(404);
    }

    @Test
    void theNewEventFormShowsTheSimplePartAndFoldsEachAdvancedPartWithWhatIsOn() {
        String form = admin().get("/admin/events/new").then().statusCode(200).extract().asString();
        assertThat(form).contains("Web address (slug)", "Street address");
        for (String part : List.of("types", "who", "approval", "window", "still-coming")) {
            assertThat(form).as(part).containsPattern("<details class=\"form-section\" id=\"" + part + "\">");
        }
        assertThat(form).contains("one kind of seat for everyone", "first come, first served",
                "off: a confirmed sign-up has its seat", "from now until the event starts");
        assertThat(form.split("class=\"type-row\"", -1)).hasSize(2);

        // "Add another ticket type" stores nothing and shows the form as typed with one more row, that part open.
        String slug = "folded-" + System.nanoTime();
        java.time.LocalDate day = TestEvents.tenAmKst(70).toLocalDate();
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("slug", slug, "title", "Folded", "venue", "Hall",
                "address", "Seoul", "startsAt", day + "T19:00", "endsAt", day + "T21:00", "capacity", "30",
                "ticketTypes[0].key", "general", "ticketTypes[0].name", "General", "ticketTypes[0].capacity", "20"));
        fields.put("typeRowCount", "1");
        fields.put("addType", "true");
        String again = Forms.submitAsAdmin("/admin/events/new", "/admin/events", fields).then().statusCode(200).extract().asString();
        assertThat(again).contains("<details class=\"form-section\" id=\"types\" open>", "1: General 20", "value=\"general\"");
        assertThat(again.split("class=\"type-row\"", -1)).hasSize(3);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).isPresent())).isFalse();

        // A mistake inside a folded part opens that part, and only that one.
        fields.remove("addType");
        fields.put("allocation", "DRAW");
        fields.put("drawAt", day.plusDays(1) + "T10:00");
        String refused = Forms.submitAsAdmin("/admin/events/new", "/admin/events", fields).then().statusCode(422).extract().asString();
        assertThat(refused).contains("<details class=\"form-section\" id=\"who\" open>", "draw at " + day.plusDays(1) + " 10:00 KST")
                .contains("<details class=\"form-section\" id=\"types\">");

        // Saved, the edit page sums up each part as it is.
        fields.put("drawAt", day.minusDays(3) + "T10:00");
        fields.put("ticketTypes[1].key", "student");
        fields.put("ticketTypes[1].name", "Student");
        fields.put("ticketTypes[1].capacity", "10");
        Forms.submitAsAdmin("/admin/events/new", "/admin/events", fields).then().statusCode(303);
        String edit = admin().get("/admin/events/" + slug + "/edit").then().statusCode(200).extract().asString();
        assertThat(edit).contains("2: General 20, Student 10", "draw at " + day.minusDays(3) + " 10:00 KST");
        String ko = given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "ko")
                .get("/admin/events/" + slug + "/edit").then().statusCode(200).extract().asString();
        assertThat(ko).contains("도로명 주소", "티켓 유형", "2개: General 20, Student 10", "추첨");
        assertThat(given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "ko").get("/admin/events/new")
                .then().statusCode(200).extract().asString()).contains("웹 주소 (슬러그)", "모두 같은 좌석", "선착순");
    }

    @Test
    void theDashboardListsTheSoonestEventFirstAndEndedOnesAfterTheUpcoming() {
        java.time.Instant now = eventdesk.testing.TestClock.now();
        Event later = TestEvents.named(TestEvents.update(TestEvents.create(5, true), e -> {
            e.startsAt = now.plus(java.time.Duration.ofDays(90));
            e.endsAt = e.startsAt.plus(java.time.Duration.ofHours(2));
        }));
        Event soon = TestEvents.named(TestEvents.update(TestEvents.create(5, true), e -> {
            e.startsAt = now.plus(java.time.Duration.ofDays(1));
            e.endsAt = e.startsAt.plus(java.time.Duration.ofHours(2));
        }));
        Event ended = TestEvents.named(TestEvents.update(TestEvents.create(5, true), e -> {
            e.startsAt = now.minus(java.time.Duration.ofDays(3));
            e.endsAt = e.startsAt.plus(java.time.Duration.ofHours(2));
        }));
        String dashboard = admin().get("/admin").then().statusCode(200).extract().asString();
        int soonAt = dashboard.indexOf("Meetup " + soon.slug), laterAt = dashboard.indexOf("Meetup " + later.slug),
                endedAt = dashboard.indexOf("Meetup " + ended.slug);
        assertThat(soonAt).isPositive();
        assertThat(laterAt).isGreaterThan(soonAt);
        assertThat(endedAt).isGreaterThan(laterAt);
    }

    @Test
    void eventsAreCreatedAndEditedThroughFormsAndRaisingCapacityPromotesFifo() {
        String slug = "meetup-" + System.nanoTime();
        java.time.LocalDate day = TestEvents.tenAmKst(60).toLocalDate();
        Map<String, String> fields = new java.util.HashMap<>(Map.of("slug", slug, "title", "Rust Seoul", "titleKo", "러스트 서울",
                "venue", "D2SF", "address", "Gangnam", "startsAt", day + "T19:00", "endsAt", day + "T21:00",
                "capacity", "1", "waitlistEnabled", "true", "status", "published"));
        Forms.submitAsAdmin("/admin/events/new", "/admin/events", fields).then().statusCode(303);
        String date = java.time.format.DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", java.util.Locale.ENGLISH).format(day);
        given().header("Accept-Language", "en").get("/events/" + slug).then().statusCode(200)
                .body(containsString("Rust Seoul")).body(containsString(date + ", 7:00 PM – 9:00 PM KST"));
        Event event = QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).orElseThrow());
        for (String who : List.of("f1", "f2", "f3")) {
            given().contentType("application/json").body(signUpJson(who, who + "@example.com"))
                    .post("/api/events/" + slug + "/registrations").then().statusCode(202);
        }
        fields.remove("slug");
        fields.put("capacity", "2");
        Forms.submitAsAdmin("/admin/events/" + slug + "/edit", "/admin/events/" + slug, fields).then().statusCode(303);
        assertThat(TestEvents.byEmail(event, "f2@example.com").status).isEqualTo(RegistrationStatus.PENDING);
        assertThat(TestEvents.byEmail(event, "f3@example.com").status).isEqualTo(RegistrationStatus.WAITLISTED);

        fields.put("capacity", "1");
        Forms.submitAsAdmin("/admin/events/" + slug + "/edit", "/admin/events/" + slug, fields).then().statusCode(422)
                .body(containsString("at least 2"));
        fields.put("capacity", "2");
        fields.put("endsAt", day + "T18:00");
        Forms.submitAsAdmin("/admin/events/" + slug + "/edit", "/admin/events/" + slug, fields).then().statusCode(422)
                .body(containsString("The end must come after the start"));
        assertThat(TestEvents.count(event, RegistrationStatus.PENDING)).isEqualTo(2);
    }

    @Test
    void adminApiCreatesAndUpdatesEvents() {
        String slug = "api-made-" + System.nanoTime();
        java.time.OffsetDateTime startsAt = TestEvents.tenAmKst(50).toOffsetDateTime();
        admin().contentType("application/json").body("""
                {"slug":"%s","title":"API Day","titleKo":"API 데이","description":"d","descriptionKo":"설명",
                 "venue":"Hall","address":"Seoul","startsAt":"%s","endsAt":"%s",
                 "capacity":1,"waitlistEnabled":true}""".formatted(slug, startsAt, startsAt.plusHours(2)))
                .post("/api/admin/events").then().statusCode(201)
                .body("slug", equalTo(slug)).body("registrationOpen", equalTo(true)).body("status", equalTo("published"));
        given().contentType("application/json").body(signUpJson("A", "api-a@example.com"))
                .post("/api/events/" + slug + "/registrations").then().statusCode(202);
        given().contentType("application/json").body(signUpJson("B", "api-b@example.com"))
                .post("/api/events/" + slug + "/registrations").then().statusCode(202).body("waitlistPosition", equalTo(1));
        admin().contentType("application/json").body("{\"capacity\": 5}").put("/api/admin/events/" + slug)
                .then().statusCode(200).body("capacity", equalTo(5)).body("seatsLeft", equalTo(3))
                .body("waitlistCount", equalTo(0));
        admin().contentType("application/json").body("{\"capacity\": 1}").put("/api/admin/events/" + slug)
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("capacity"));
        admin().contentType("application/json").body("{\"slug\":\"Bad Slug\"}").post("/api/admin/events")
                .then().statusCode(400).contentType(containsString("problem+json"));
        admin().get("/api/admin/events/" + slug + "/registrations").then().statusCode(200)
                .body("size()", equalTo(2)).body("status", org.hamcrest.Matchers.everyItem(equalTo("PENDING")));
    }

}
