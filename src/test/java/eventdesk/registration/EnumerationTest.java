package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.mail.OutboxMessage;
import com.icegreen.greenmail.util.GreenMail;
import eventdesk.mail.Outbox;
import eventdesk.testing.Deliveries;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static eventdesk.testing.TestEvents.signUpJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody learns from eventdesk's answers whether an address is registered: a repeated sign-up gets
 * exactly what a new person gets at that moment, through the API and the form, on open, full and
 * sold-out events, in the same time and with the same headers; and probing an address re-sends its mail
 * at most once per 10 minutes.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class EnumerationTest {

    GreenMail greenMail;

    @Inject
    Outbox outbox;

    static final String RUN = "e" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + ".";

    private static Response api(Event event, String email) {
        return given().contentType("application/json").body(signUpJson("Probe", email))
                .post("/api/events/" + event.slug + "/registrations");
    }

    private static String answer(Response r) {
        return r.statusCode() + " " + r.body().asString();
    }

    @Test
    void aRegisteredEmailGetsTheAnswerANewPersonGetsOnOpenAndFullEvents() {
        Event event = TestEvents.create(1, true);
        String victim = RUN + "victim@example.com";
        api(event, victim).then().statusCode(202);

        // Full now: a probe with the victim's address and a newcomer are told the same next position.
        String probe = answer(api(event, victim));
        String newcomer = answer(api(event, RUN + "new1@example.com"));
        assertThat(probe).isEqualTo(newcomer).contains("WAITLISTED").contains("\"waitlistPosition\":1");
        // ... and again, one further down the line, for a waitlisted address too.
        assertThat(answer(api(event, RUN + "new1@example.com"))).isEqualTo(answer(api(event, RUN + "new2@example.com")))
                .contains("\"waitlistPosition\":2");

        Event open = TestEvents.create(5, true);
        api(open, victim).then().statusCode(202);
        assertThat(answer(api(open, victim))).isEqualTo(answer(api(open, RUN + "new3@example.com"))).contains("PENDING");
    }

    @Test
    void theFormRedirectsARegisteredEmailExactlyLikeANewPerson() {
        Event event = TestEvents.create(1, true);
        String victim = RUN + "form.victim@example.com";
        api(event, victim).then().statusCode(202);
        Response probe = Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", person(victim), "en");
        Response newcomer = Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations",
                person(RUN + "form.new@example.com"), "en");
        assertThat(probe.statusCode()).isEqualTo(303).isEqualTo(newcomer.statusCode());
        assertThat(probe.header("Location")).isEqualTo(newcomer.header("Location")).endsWith("position=1");
    }

    @Test
    void aSoldOutEventRefusesRegisteredAndNewAddressesAlike() {
        Event event = TestEvents.create(1, false);
        String victim = RUN + "soldout.victim@example.com";
        api(event, victim).then().statusCode(202);
        assertThat(answer(api(event, victim))).isEqualTo(answer(api(event, RUN + "soldout.new@example.com")))
                .startsWith("409");
    }

    @Test
    void probingAnAddressResendsItsMailAtMostOncePerTenMinutes() {
        Event event = TestEvents.create(5, true);
        String victim = RUN + "bombed@example.com";
        api(event, victim).then().statusCode(202);
        for (int i = 0; i < 20; i++) api(event, victim).then().statusCode(202);
        long mails = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("recipient", victim));
        assertThat(mails).as("the sign-up's mail and one re-send").isEqualTo(2);
    }

    @TestHTTPResource("/")
    URI base;

    /** One API sign-up over a kept-alive connection: its wall-clock time and what came back. */
    record Timed(long nanos, int status, String body, Map<String, List<String>> headers) {
    }

    private Timed timedSignUp(HttpClient http, Event event, String email) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/events/" + event.slug + "/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(signUpJson("Probe", email))).build();
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        Map<String, List<String>> headers = new java.util.TreeMap<>(r.headers().map());
        headers.keySet().removeIf(h -> h.equalsIgnoreCase("date") || h.equalsIgnoreCase("set-cookie"));
        return new Timed(nanos, r.statusCode(), r.body(), headers);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2;
    }

    /**
     * A registered address is answered in the time a new person is. A new sign-up writes its registration,
     * links and mail; a repeat inside the re-send interval writes nothing, and used to be answered about a
     * quarter sooner. Each pair (which goes first alternates) meets the same load, so the median of the pairs'
     * ratios is steady even on a busy machine; it must be near 1, with room for noise.
     * Each new address gets one mail and the probed one a single re-send, however often it is probed.
     */
    @Test
    void aRegisteredEmailIsAnsweredInTheTimeANewPersonIsWithTheSameHeadersAndMails() throws Exception {
        Event event = TestEvents.create(100_000, true);
        String victim = RUN + "timed.victim@example.com";
        HttpClient http = HttpClient.newHttpClient();
        assertThat(timedSignUp(http, event, victim).status()).isEqualTo(202);
        List<Double> ratios = new ArrayList<>();
        List<String> newcomers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String newcomer = RUN + "timed.new" + i + "@example.com";
            newcomers.add(newcomer);
            Timed first, second, probe, fresher;
            if (i % 2 == 0) {
                first = fresher = timedSignUp(http, event, newcomer);
                second = probe = timedSignUp(http, event, victim);
            } else {
                first = probe = timedSignUp(http, event, victim);
                second = fresher = timedSignUp(http, event, newcomer);
            }
            assertThat(first.status()).isEqualTo(second.status()).isEqualTo(202);
            assertThat(probe.body()).isEqualTo(fresher.body()).isEqualTo("{\"status\":\"PENDING\"}");
            assertThat(probe.headers()).isEqualTo(fresher.headers());
            if (i >= 15) ratios.add((double) probe.nanos() / fresher.nanos()); // the first pairs warm up
        }
        assertThat(median(ratios)).as("a registered address's answer time over a new one's (median of %d pairs)", ratios.size())
                .isBetween(0.85, 1.6);

        Deliveries.deliver(outbox);
        assertThat(Mailbox.to(greenMail, victim)).as("the sign-up's mail and one re-send").hasSize(2);
        for (String newcomer : newcomers) assertThat(Mailbox.to(greenMail, newcomer)).as(newcomer).hasSize(1);
    }

    private static Map<String, String> person(String email) {
        return Map.of("name", "Probe", "email", email, "affiliation", "KAIST", "role", "STUDENT", "locale", "en",
                "consent", "true");
    }
}
