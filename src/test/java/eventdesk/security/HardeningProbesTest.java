package eventdesk.security;

import eventdesk.event.Event;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Probes a hostile visitor tried against the running app, one test (or a few) per weakness found and
 * fixed: each failed before its fix. The proxy and HSTS probes are in {@link BehindProxyTest}; the
 * hostile field values in {@link HostileInputTest}.
 */
@QuarkusTest
class HardeningProbesTest {

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin");
    }

    static String formBody(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    // 1. CSRF

    @ParameterizedTest
    @ValueSource(strings = {"APPLICATION/X-WWW-FORM-URLENCODED", "Application/x-www-form-urlencoded; charset=UTF-8", "", "text/plain",
            "multipart/form-data; boundary=x", "application/json"})
    void f1_oddCasedWrongOrMissingContentTypeCannotSkipTheCsrfCheck(String type) {
        Event event = TestEvents.create(5, true);
        String email = "f1-" + type.hashCode() + "@example.com";
        List<String> headers = type.isEmpty() ? List.of() : List.of("Content-Type: " + type);
        RawHttp.Answer a = RawHttp.send("POST", "/events/" + event.slug + "/registrations", headers,
                formBody(Fixtures.person(email)).getBytes(StandardCharsets.UTF_8), false);
        assertThat(a.status()).as(type).isIn(400, 415);
        assertThat(TestEvents.registrations(event)).isEmpty();
    }

    @Test
    void f1_anOddCasedFormWithAValidTokenStillWorks() {
        Event event = TestEvents.create(5, true);
        Fixtures.CsrfSession s = Fixtures.csrf("/events/" + event.slug, false);
        given().redirects().follow(false).cookie("csrf-token", s.cookie())
                .contentType("APPLICATION/X-WWW-FORM-URLENCODED; charset=UTF-8")
                .formParams(Fixtures.person("f1-ok@example.com")).formParam("csrf-token", s.field())
                .post("/events/" + event.slug + "/registrations").then().statusCode(303);
        assertThat(TestEvents.registrations(event)).hasSize(1);
    }

    @Test
    void f1_aCookieAndFieldForgedToBeEqualAreRefused() {
        Event event = TestEvents.create(5, true);
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        given().redirects().follow(false).cookie("csrf-token", forged)
                .contentType("application/x-www-form-urlencoded")
                .formParams(Fixtures.person("f1-forged@example.com")).formParam("csrf-token", forged)
                .post("/events/" + event.slug + "/registrations").then().statusCode(400);
        assertThat(TestEvents.registrations(event)).isEmpty();
        Fixtures.CsrfSession s = Fixtures.csrf("/events/" + event.slug, false);
        assertThat(s.cookie()).as("the cookie is a signature, not the token itself").isNotEqualTo(s.field());
    }

    @Test
    void f1_everyOrganizerFormCarriesTheToken() {
        Event event = TestEvents.create(5, true);
        long id = TestEvents.insert(event, "Door Person", "door@example.com", "Acme", RegistrationStatus.CONFIRMED);
        for (String page : List.of("/admin", "/admin/checkin", "/admin/checkin?q=Door", "/admin/events/new",
                "/admin/events/" + event.slug, "/admin/events/" + event.slug + "/edit")) {
            String html = admin().get(page).then().statusCode(200).extract().asString();
            int forms = html.split("method=\"post\"", -1).length - 1;
            int tokens = html.split("name=\"csrf-token\"", -1).length - 1;
            assertThat(tokens).as(page).isEqualTo(forms).isPositive();
        }
        assertThat(id).isPositive();
    }

    // 4. Requests that never answer

    @ParameterizedTest
    @ValueSource(strings = {"/admin?a;b", "/admin/events/x?q=a,b", "/admin?q=%22quoted%22", "/admin?q=a%20b;c=d,e",
            "/admin/checkin/a;b", "/admin/events/x?q=\\"})
    void f4_strangersOnOddAdminAddressesGetTheLoginRedirectAtOnce(String target) {
        RawHttp.Answer a = RawHttp.get(target);
        assertThat(a.hung()).as(target + " answered").isFalse();
        if (a.status() == 400) return; // Vert.x refuses a target with a raw backslash outright: answered, nothing more to see
        assertThat(a.status()).as(target).isEqualTo(302);
        assertThat(a.header("Location")).contains("/admin/login");
        assertThat(a.millis()).isLessThan(RawHttp.DEADLINE_MS);
    }

    @Test
    void f4_afterLoginTheOrganizerLandsOnTheOddAddressAsked() {
        RawHttp.Answer a = RawHttp.get("/admin/events/x?q=a,b;c");
        String location = a.all("Set-Cookie").stream().filter(c -> c.startsWith("quarkus-redirect-location="))
                .findFirst().orElseThrow();
        String value = location.substring(location.indexOf('=') + 1, location.indexOf(';'));
        Response login = given().redirects().follow(false).cookie("quarkus-redirect-location", value)
                .contentType("application/x-www-form-urlencoded").formParam("j_username", "admin")
                .formParam("j_password", "admin").post("/j_security_check");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/admin/events/x?q=a%2Cb%3Bc");
    }

    @Test
    void f4_emptyApiBodiesAreAnsweredAtOnce() {
        Event event = TestEvents.create(5, true);
        for (String target : List.of("/api/admin/events", "/api/events/" + event.slug + "/registrations")) {
            for (String method : List.of("POST", "PUT")) {
                RawHttp.Answer a = RawHttp.send(method, target, List.of("Content-Type: application/json",
                        "Authorization: Basic YWRtaW46YWRtaW4="), new byte[0], false);

                assertThat(a.hung()).as(method + " " + target).isFalse();
                assertThat(a.status()).as(method + " " + target).isBetween(400, 499);
            }
            RawHttp.Answer a = RawHttp.send("POST", target, List.of("Authorization: Basic YWRtaW46YWRtaW4="), null, false);
            System.out.println("PROBE no body " + target + " -> " + a);
            assertThat(a.hung()).isFalse();
        }
        assertThat(TestEvents.registrations(event)).isEmpty();
    }

    // 5. Addresses that can never be mailed

    @ParameterizedTest
    @ValueSource(strings = {"\"a,b\"@example.com", "\"<script>alert(1)</script>\"@example.com", "a@[127.0.0.1]", "a@example.c",
            "a@exämple.c", "kim@localhost", "a@example.com\r\nBcc: b@example.com"})
    void f5_undeliverableAddressesGetA400AndNoSeat(String email) {
        Event event = TestEvents.create(5, true);
        given().contentType("application/json").body(Json.object(Json.signUp(email)))
                .post("/api/events/" + event.slug + "/registrations")
                .then().statusCode(400).body("errors.field", hasItem("email"));
        assertThat(TestEvents.registrations(event)).isEmpty();
    }

    // 6. CR/LF in an event title

    @ParameterizedTest
    @ValueSource(strings = {"title", "titleKo", "venue", "address"})
    void f6_lineBreaksInOneLineEventFieldsAreRefused(String field) {
        String slug = Json.newSlug();
        Map<String, Object> e = Json.event(slug);
        e.put(field, "Meetup\r\nBcc: victim@example.com");
        admin().contentType("application/json").body(Json.object(e)).post("/api/admin/events")
                .then().statusCode(400).contentType(containsString("problem+json")).body("errors.field", hasItem(field));
        given().get("/api/events/" + slug).then().statusCode(404);
        Map<String, Object> ok = Json.event(slug);
        admin().contentType("application/json").body(Json.object(ok)).post("/api/admin/events").then().statusCode(201);
        admin().contentType("application/json").body(Json.object(Map.of(field, "X\nY"))).put("/api/admin/events/" + slug)
                .then().statusCode(400).body("errors.field", hasItem(field));
    }

    // 7. 5xx and noise

    @ParameterizedTest
    @ValueSource(strings = {"2147483647", "2147483648", "-1", "0", "abc", "99999999999999999999", "1e3"})
    void f7_anyPageNumberShowsAPage(String page) {
        Event event = TestEvents.create(5, true);
        admin().get("/admin/events/" + event.slug + "?page=" + page).then().statusCode(200);
    }

    @Test
    void f7_anOversizedChunkedBodyIs413WithoutAnErrorInTheLog() {
        Event event = TestEvents.create(5, true);
        try (Fixtures.ErrorLog log = new Fixtures.ErrorLog()) {
            for (String target : List.of("/events/" + event.slug + "/registrations", "/api/events/" + event.slug + "/registrations",
                    "/admin/events", "/api/admin/events")) {
                boolean json = target.startsWith("/api");
                String type = json ? "application/json" : "application/x-www-form-urlencoded";
                byte[] body = (json ? "{\"name\":\"" + "x".repeat(200_000) + "\"}" : "name=" + "x".repeat(200_000))
                        .getBytes(StandardCharsets.US_ASCII);
                List<String> headers = List.of("Content-Type: " + type, "Authorization: Basic YWRtaW46YWRtaW4=");
                RawHttp.Answer a = RawHttp.send("POST", target, headers, body, true);
                assertThat(a.status()).as(target).isEqualTo(413);
                a = RawHttp.send("POST", target, headers, body, false);
                assertThat(a.status()).as(target).isEqualTo(413);
            }
            assertThat(log.messages()).isEmpty();
        }
        assertThat(TestEvents.registrations(event)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en;q=abc", "en;q=2", ";;;", "*;q=-1", "ko-KR;q=0.9,en;q=x", "x-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void f7_aMalformedAcceptLanguageStillGetsThePage(String header) {
        Event event = TestEvents.create(5, true);
        given().header("Accept-Language", header).get("/").then().statusCode(200);
        given().header("Accept-Language", header).get("/events/" + event.slug).then().statusCode(200);
        given().header("Accept-Language", header).get("/admin/login").then().statusCode(200);
        given().header("Accept-Language", header).get("/nope").then().statusCode(404);
    }

    // 8. Gaps

    @Test
    void f8_personalPagesAreNeverStored() {
        Event event = TestEvents.create(5, true);
        Fixtures.Person p = Fixtures.pending(event);
        for (String path : List.of("/admin", "/admin/events/" + event.slug, "/admin/events/" + event.slug + "/attendees.csv?reason=cache%20check",
                "/api/admin/events/" + event.slug + "/registrations", "/admin/checkin")) {
            admin().get(path).then().statusCode(200).header("Cache-Control", containsString("no-store"));
        }
        given().redirects().follow(false).get("/admin").then().statusCode(302).header("Cache-Control", containsString("no-store"));
        given().get("/confirm/" + p.confirmToken()).then().statusCode(200).header("Cache-Control", containsString("no-store"));
        given().get("/manage/" + p.manageToken()).then().statusCode(200).header("Cache-Control", containsString("no-store"));
        given().get("/manage/not-a-real-token-at-all-xxxxxxxx").then().header("Cache-Control", containsString("no-store"));
        given().get("/").then().statusCode(200).header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void f8_aSavedLoginCookieIsDeadAfterLogout() {
        Response ok = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", "admin").post("/j_security_check");
        String saved = ok.getCookie("quarkus-credential");
        assertThat(saved).isNotNull();
        Response dash = given().cookie("quarkus-credential", saved).get("/admin");
        assertThat(dash.statusCode()).isEqualTo(200);
        java.util.regex.Matcher m = Fixtures.CSRF_FIELD.matcher(dash.asString());
        assertThat(m.find()).isTrue();
        given().redirects().follow(false).cookie("quarkus-credential", saved).cookie("csrf-token", dash.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", m.group(1))
                .post("/admin/logout").then().statusCode(303);
        given().redirects().follow(false).cookie("quarkus-credential", saved).get("/admin")
                .then().statusCode(302).header("Location", containsString("/admin/login"));
        given().redirects().follow(false).cookie("quarkus-credential", saved).get("/admin/events/new")
                .then().statusCode(302);
    }

    @Test
    void f8_metricsNeedTheOrganizerHealthStaysPublic() {
        given().redirects().follow(false).get("/q/metrics").then().statusCode(org.hamcrest.Matchers.oneOf(302, 401));
        admin().get("/q/metrics").then().statusCode(200).body(containsString("eventdesk_"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kim\u0085", "Kim\u009B31m", "Kim\u2028Lee", "Kim\u2029Lee", "Kim\uD800", "\uDFFFKim", "Kim\u202Emiy", "Kim\r\nLee"})
    void f8_controlAndSeparatorCharactersInNamesAreRefused(String name) {
        Event event = TestEvents.create(5, true);
        Map<String, Object> body = Json.signUp("f8-" + Integer.toHexString(name.hashCode()) + "@example.com");
        body.put("name", name);
        given().contentType("application/json").body(Json.object(body)).post("/api/events/" + event.slug + "/registrations")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        body.put("name", "Kim");
        body.put("affiliation", name);
        given().contentType("application/json").body(Json.object(body)).post("/api/events/" + event.slug + "/registrations")
                .then().statusCode(400).body("errors.field", hasItem("affiliation"));
        assertThat(TestEvents.registrations(event)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"title", "titleKo", "venue", "address", "description", "descriptionKo"})
    void f8_controlCharactersInAdminTextFieldsAreRefused(String field) {
        for (String bad : List.of("A\u0085B", "A\u2028B", "A\uD800B", "A\u0000B", "A\u001bB")) {
            String slug = Json.newSlug();
            Map<String, Object> e = Json.event(slug);
            e.put(field, bad);
            admin().contentType("application/json").body(Json.object(e)).post("/api/admin/events")
                    .then().statusCode(400).body("errors.field", hasItem(field));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "\"true\"", "\"yes\"", "0", "null", "[true]"})
    void f8_consentMustBeTheJsonTrue(String consent) {
        Event event = TestEvents.create(5, true);
        Map<String, Object> body = Json.signUp("f8-consent-" + Math.abs(consent.hashCode()) + "@example.com");
        body.put("consent", new Json.Raw(consent));
        given().contentType("application/json").body(Json.object(body)).post("/api/events/" + event.slug + "/registrations")
                .then().statusCode(400).contentType(containsString("application/problem+json")).body("status", equalTo(400));
        assertThat(TestEvents.registrations(event)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "\"5\"", "true", "1e1", "99999999999"})
    void f8_capacityMustBeAWholeJsonNumber(String capacity) {
        String slug = Json.newSlug();
        Map<String, Object> e = Json.event(slug);
        e.put("capacity", new Json.Raw(capacity));
        admin().contentType("application/json").body(Json.object(e)).post("/api/admin/events")
                .then().statusCode(400).contentType(containsString("application/problem+json"));
        given().get("/api/events/" + slug).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-01-01T10:00:00+09:00", "-000001-01-01T10:00:00+09:00", "1999-12-31T10:00:00+09:00",
            "2201-01-01T10:00:00+09:00"})
    void f8_eventYearsOutsideTwoCenturiesAreRefused(String when) {
        for (String field : List.of("startsAt", "endsAt", "registrationOpensAt", "registrationClosesAt")) {
            String slug = Json.newSlug();
            Map<String, Object> e = Json.event(slug);
            e.put(field, when);
            admin().contentType("application/json").body(Json.object(e)).post("/api/admin/events")
                    .then().statusCode(400).body("errors.field", hasItem(field));
        }
    }
}
