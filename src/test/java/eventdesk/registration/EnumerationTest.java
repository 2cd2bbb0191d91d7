package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.mail.OutboxMessage;
import eventdesk.testing.Forms;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
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
 * Nobody learns from eventdesk's answers whether an address is registered (SPEC §2): a repeated
 * sign-up gets exactly what a new person gets at that moment, through the API and the form, on open,
 * full and sold-out events; and probing an address re-sends its mail at most once per 10 minutes.
 */
@QuarkusTest
class EnumerationTest {

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

    private static double medianMillis(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int n = sorted.size();
        return (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2e6;
    }

    @Test
    void aRegisteredEmailIsAnsweredInTheTimeANewPersonIs() throws Exception {
        Event event = TestEvents.create(100_000, true);
        String victim = RUN + "timed.victim@example.com";
        HttpClient http = HttpClient.newHttpClient();
        assertThat(timedSignUp(http, event, victim).status()).isEqualTo(202);
        List<Long> fresh = new ArrayList<>(), repeated = new ArrayList<>();
        Timed lastFresh = null, lastRepeated = null;
        for (int i = 0; i < 70; i++) {
            boolean freshFirst = i % 2 == 0;
            for (int k = 0; k < 2; k++) {
                if ((k == 0) == freshFirst) {
                    lastFresh = timedSignUp(http, event, RUN + "timed.new" + i + "@example.com");
                    if (i >= 20) fresh.add(lastFresh.nanos());
                } else {
                    lastRepeated = timedSignUp(http, event, victim);
                    if (i >= 20) repeated.add(lastRepeated.nanos());
                }
            }
        }
        System.out.printf("TIMING new %.2f ms, repeated %.2f ms%n", medianMillis(fresh), medianMillis(repeated));
        assertThat(lastRepeated.status()).isEqualTo(lastFresh.status()).isEqualTo(202);
        assertThat(lastRepeated.body()).isEqualTo(lastFresh.body());
        assertThat(lastRepeated.headers()).isEqualTo(lastFresh.headers());
    }

    private static Map<String, String> person(String email) {
        return Map.of("name", "Probe", "email", email, "affiliation", "KAIST", "role", "STUDENT", "locale", "en",
                "consent", "true");
    }
}
