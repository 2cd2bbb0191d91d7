package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Curated test events (ticket types, approval, held seats) made through the admin API, as an organizer would. */
final class Curated {

    private Curated() {
    }

    /**
     * A published event open now, starting in 40 days; {@code types} is the JSON array of ticket types
     * (or null for none), {@code extra} more JSON fields (or "").
     */
    static Event create(int capacity, boolean waitlist, String types, String extra) {
        String slug = "cur-" + UUID.randomUUID().toString().substring(0, 12);
        Instant now = TestClock.now();
        String body = """
                {"slug": "%s", "title": "Curated Meetup", "titleKo": "큐레이션 밋업", "venue": "Test Hall",
                 "address": "1 Test-ro, Seoul", "startsAt": "%s", "endsAt": "%s", "capacity": %d,
                 "waitlistEnabled": %s, "registrationOpensAt": "%s"%s%s}
                """.formatted(slug, iso(now.plus(Duration.ofDays(40))), iso(now.plus(Duration.ofDays(40)).plus(Duration.ofHours(3))),
                capacity, waitlist, iso(now.minus(Duration.ofHours(1))), types == null ? "" : ", \"ticketTypes\": " + types,
                extra.isEmpty() ? "" : ", " + extra);
        admin().contentType("application/json").body(body).post("/api/admin/events").then().statusCode(201);
        return QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).orElseThrow());
    }

    static String iso(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(9)).toString();
    }

    static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en");
    }

    /** A sign-up's JSON with a ticket type and a code (either may be null). */
    static String signUp(String name, String email, String locale, String type, String code) {
        return """
                {"name": "%s", "email": "%s", "affiliation": "Seoul Startups", "role": "FOUNDER",
                 "locale": "%s", "consent": true, "marketingConsent": false%s%s}
                """.formatted(name, email, locale, type == null ? "" : ", \"ticketType\": \"" + type + "\"",
                code == null ? "" : ", \"code\": \"" + code + "\"");
    }

    static Response post(Event event, String json) {
        return given().contentType("application/json").body(json).post("/api/events/" + event.slug + "/registrations");
    }

    static TicketType type(Event event, String key) {
        return QuarkusTransaction.requiringNew().call(() ->
                TicketType.<TicketType>find("event.id = ?1 and key = ?2", event.id, key).firstResult());
    }

    static long count(Event event, String key, RegistrationStatus status) {
        return QuarkusTransaction.requiringNew().call(() ->
                Registration.count("event.id = ?1 and ticketType.key = ?2 and status = ?3", event.id, key, status));
    }

    /** Each WAITLISTED person of the type by email, in queue order, with their stored place. */
    static List<String> waitlist(Event event, String key) {
        return QuarkusTransaction.requiringNew().call(() ->
                Registration.<Registration>list("event.id = ?1 and ticketType.key = ?2 and status = ?3 order by waitlistSeq",
                        event.id, key, RegistrationStatus.WAITLISTED).stream().map(r -> r.email + "#" + r.waitlistPosition()).toList());
    }

    static RegistrationStatus status(Event event, String email) {
        Registration r = eventdesk.testing.TestEvents.byEmail(event, email);
        return r == null ? null : r.status;
    }
}
