package eventdesk.testing;

import eventdesk.event.Event;
import eventdesk.event.EventStatus;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events made for one test, so tests sharing a database never see each other's seats. */
public final class TestEvents {

    private TestEvents() {
    }

    /** Open from an hour ago (test clock) for 30 days; starts in 40 days and lasts 3 hours. */
    public static Event create(int capacity, boolean waitlist) {
        Instant now = TestClock.now();
        return create(capacity, waitlist, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    }

    public static Event create(int capacity, boolean waitlist, Instant opens, Instant closes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event e = new Event();
            e.slug = "test-" + UUID.randomUUID().toString().substring(0, 12);
            e.title = "Test Meetup";
            e.titleKo = "테스트 밋업";
            e.description = "A test event.";
            e.descriptionKo = "테스트 행사입니다.";
            e.venue = "Test Hall";
            e.address = "1 Test-ro, Seoul";
            Instant now = TestClock.now();
            e.startsAt = now.plus(Duration.ofDays(40));
            e.endsAt = e.startsAt.plus(Duration.ofHours(3));
            e.capacity = capacity;
            e.waitlistEnabled = waitlist;
            e.registrationOpensAt = opens;
            e.registrationClosesAt = closes;
            e.status = EventStatus.published;
            e.createdAt = now;
            e.persist();
            return e;
        });
    }

    /** Changes the stored event (dates, titles, status) in a transaction of its own; returns it as stored. */
    public static Event update(Event event, java.util.function.Consumer<Event> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event e = Event.findById(event.id);
            change.accept(e);
            return e;
        });
    }

    public static final java.time.ZoneId KST = java.time.ZoneId.of("Asia/Seoul");

    /** 10:00 in Seoul, {@code days} days after the test clock's today there: a start time with a known wall-clock hour. */
    public static java.time.ZonedDateTime tenAmKst(int days) {
        return TestClock.now().atZone(KST).toLocalDate().plusDays(days).atTime(10, 0).atZone(KST);
    }

    /** Gives the event titles of its own (from its slug), so a test can find it in a list of events. */
    public static Event named(Event event) {
        return update(event, e -> {
            e.title = "Meetup " + e.slug;
            e.titleKo = "밋업 " + e.slug;
        });
    }

    public static List<Registration> registrations(Event event) {
        return QuarkusTransaction.requiringNew().call(() ->
                Registration.<Registration>list("event.id = ?1 order by id", event.id));
    }

    /** The event's seat counters as stored: [seats taken, waitlisted, applied]. */
    public static List<Long> counters(Event event) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event e = Event.findById(event.id);
            return List.of((long) e.seatsTaken, (long) e.waitlisted, (long) e.applied);
        });
    }

    /** The same counted from the registrations: [PENDING + CONFIRMED, WAITLISTED, APPLIED]. */
    public static List<Long> recount(Event event) {
        return QuarkusTransaction.requiringNew().call(() -> List.of(
                Registration.count("event.id = ?1 and status in ?2", event.id, RegistrationStatus.SEATED),
                Registration.count("event.id = ?1 and status = ?2", event.id, RegistrationStatus.WAITLISTED),
                Registration.count("event.id = ?1 and status = ?2", event.id, RegistrationStatus.APPLIED)));
    }

    public static long count(Event event, RegistrationStatus status) {
        return QuarkusTransaction.requiringNew().call(() ->
                Registration.count("event.id = ?1 and status = ?2", event.id, status));
    }

    public static Registration byEmail(Event event, String email) {
        return QuarkusTransaction.requiringNew().call(() ->
                Registration.<Registration>find("event.id = ?1 and emailNormalized = ?2 order by id desc", event.id,
                        Registration.normalizeEmail(email)).firstResult());
    }

    /** Seats taken (PENDING + CONFIRMED) of this event, as the service counts them. */
    public static long seatsTaken(Event event) {
        return QuarkusTransaction.requiringNew().call(() -> (long) Event.<Event>findById(event.id).seatsTaken);
    }

    /** Each WAITLISTED person's place in the queue, in queue order: 1..W when there are no gaps or ties. */
    public static List<Long> waitlistPositions(Event event) {
        return QuarkusTransaction.requiringNew().call(() ->
                Registration.<Registration>list("event.id = ?1 and status = ?2 order by waitlistSeq", event.id,
                        RegistrationStatus.WAITLISTED).stream().map(Registration::waitlistPosition).toList());
    }

    /** A registration written straight to the database (for data the forms would refuse, or bulk). */
    public static long insert(Event event, String name, String email, String affiliation, RegistrationStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Registration r = new Registration();
            r.event = Event.findById(event.id);
            r.name = name;
            r.email = email;
            r.emailNormalized = Registration.normalizeEmail(email);
            r.affiliation = affiliation;
            r.role = eventdesk.registration.Role.FOUNDER;
            r.locale = "ko";
            Instant now = TestClock.now();
            r.consentAt = now;
            r.createdAt = now;
            // Straight to the database, so the event's counters are kept as the seat path keeps them.
            eventdesk.registration.Seats.place(r, Event.lock(event.id), status);
            if (status == RegistrationStatus.CONFIRMED) r.confirmedAt = now;
            r.persist();
            return r.id;
        });
    }

    public static String signUpJson(String name, String email) {
        return signUpJson(name, email, "ko");
    }

    public static String signUpJson(String name, String email, String locale) {
        return """
                {"name": "%s", "email": "%s", "affiliation": "Seoul Startups", "role": "DEVELOPER",
                 "locale": "%s", "consent": true, "marketingConsent": false}
                """.formatted(name, email, locale);
    }
}
