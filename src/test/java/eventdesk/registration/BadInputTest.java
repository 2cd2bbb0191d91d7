package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.testing.TestEvents;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

/** Invariant 6: bad input gets a clear 4xx, takes no seat, stores nothing and never causes a 5xx. */
@QuarkusTest
class BadInputTest {

    @TestHTTPResource("/")
    URL base;

    static final String VALID = """
            {"name":"Kim","email":"kim@example.com","affiliation":"Naver","role":"FOUNDER","locale":"ko","consent":true}""";

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"name\":\"\",\"email\":\"kim@example.com\",\"affiliation\":\"Naver\",\"role\":\"FOUNDER\",\"locale\":\"ko\",\"consent\":true}",
            "{\"name\":\"Kim\",\"email\":\"not-an-email\",\"affiliation\":\"Naver\",\"role\":\"FOUNDER\",\"locale\":\"ko\",\"consent\":true}",
            "{\"name\":\"Kim\",\"email\":\"kim@localhost\",\"affiliation\":\"Naver\",\"role\":\"FOUNDER\",\"locale\":\"ko\",\"consent\":true}",
            "{\"name\":\"<script>alert(1)</script>\",\"email\":\"kim@example.com\",\"affiliation\":\"Naver\",\"role\":\"FOUNDER\",\"locale\":\"ko\",\"consent\":true}",
            "{\"name\":\"Kim\\u0000\\u0007\",\"email\":\"kim@example.com\",\"affiliation\":\"Naver\",\"role\":\"FOUNDER\",\"locale\":\"ko\",\"consent\":true}",
            "{\"name\":\"Kim\",\"email\":\"kim@example.com\",\"affiliation\":\"Naver\",\"role\":\"CEO\",\"locale\":\"ko\",\"consent\":true}",
            "{\"name\":\"Kim\",\"email\":\"kim@example.com\",\"affiliation\":\"Naver\",\"role\":\"FOUNDER\",\"locale\":\"fr\",\"consent\":true}",
            "{\"name\":\"Kim\",\"email\":\"kim@example.com\",\"affiliation\":\"Naver\",\"role\":\"FOUNDER\",\"locale\":\"ko\",\"consent\":false}",
            "{\"name\":\"Kim\",\"email\":\"kim@example.com\",\"affiliation\":\"Naver\",\"role\":\"FOUNDER\",\"locale\":\"ko\",\"consent\":\"yes please\"}",
            "{\"name\":[1,2],\"email\":\"kim@example.com\"}",
            "{\"name\":\"Kim\",",
            "null",
            "garbage"
    })
    void invalidSignUpsGetA400ProblemAndTakeNoSeat(String body) {
        Event event = TestEvents.create(3, true);
        given().contentType("application/json").body(body)
                .post("/api/events/" + event.slug + "/registrations")
                .then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400));
        assertThat(TestEvents.registrations(event)).isEmpty();
    }

    @Test
    void fieldErrorsNameTheFieldAndSayWhatIsWrong() {
        Event event = TestEvents.create(3, true);
        given().contentType("application/json")
                .body("{\"name\":\"" + "가".repeat(101) + "\",\"email\":\"x@\",\"affiliation\":\"A\",\"role\":\"FOUNDER\",\"locale\":\"ko\",\"consent\":false}")
                .post("/api/events/" + event.slug + "/registrations")
                .then().statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("consent"))
                .body("errors.find { it.field == 'name' }.message", containsString("too long"))
                .body("errors.find { it.field == 'email' }.message", containsString("valid email"));
        assertThat(TestEvents.registrations(event)).isEmpty();
    }

    @Test
    void wrongContentTypeAndHugeBodiesAreRefusedWithout5xx() throws Exception {
        Event event = TestEvents.create(3, true);
        given().contentType("text/plain").body(VALID)
                .post("/api/events/" + event.slug + "/registrations")
                .then().statusCode(415);
        // Expect: 100-continue lets the server refuse the oversized body before it is sent.
        HttpResponse<String> huge = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        base.toURI().resolve("api/events/" + event.slug + "/registrations"))
                .expectContinue(true).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "x".repeat(200_000) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(huge.statusCode()).isEqualTo(413);
        given().contentType("application/x-www-form-urlencoded").formParam("name", "y".repeat(20_000))
                .post("/events/" + event.slug + "/registrations")
                .then().statusCode(lessThan(500));
        assertThat(TestEvents.registrations(event)).isEmpty();
        given().contentType("application/json").body(VALID)
                .post("/api/events/" + event.slug + "/registrations")
                .then().statusCode(202);
    }

    /** A JSON string literal with every character outside printable ASCII written as a \\u escape. */
    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) b.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? String.valueOf(c) : "\\u%04x".formatted((int) c));
        return b.append('"').toString();
    }

    /**
     * Text that shows nothing: Hangul fillers, zero-width and other format characters, blank Braille,
     * ideographic space, a combining mark or variation selector alone. A name, an affiliation or a
     * required answer made only of them is not filled in, in the API and in the form.
     */
    @ParameterizedTest
    @ValueSource(strings = {"\u3164", "\u200b", " \u200b\u3164 ", "\u115f\u1160", "\uffa0", "\u2800", "\u00ad",
            "\u200c\u200d\u2060", "\u180e", "\u3000", "\u034f", "\ufe0f", "\u0301", "\udb40\udc20"})
    void aNameAffiliationOrAnswerWithNothingVisibleIsRefusedAsNotFilledIn(String invisible) {
        Event event = TestEvents.create(3, true);
        String api = "/api/events/" + event.slug + "/registrations";
        given().contentType("application/json").body("""
                        {"name":%s,"email":"blank@example.com","affiliation":%s,"role":"FOUNDER","locale":"en","consent":true}"""
                        .formatted(jsonString(invisible), jsonString(invisible)))
                .post(api).then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors.find { it.field == 'name' }.message", equalTo("Please fill in this field."))
                .body("errors.find { it.field == 'affiliation' }.message", equalTo("Please fill in this field."));

        var page = eventdesk.testing.Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations",
                java.util.Map.of("name", invisible, "email", "blank@example.com", "affiliation", "Toss" + invisible,
                        "role", "FOUNDER", "locale", "ko", "consent", "true"), "ko");
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.asString()).contains("<p class=\"error\" id=\"name-error\"><span aria-hidden=\"true\">⚠ </span>이 항목을 입력해 주세요.</p>")
                .doesNotContain("id=\"affiliation-error\"");

        eventdesk.testing.TestQuestions.set(event, """
                [{"key":"company","type":"TEXT","label":"Company name","labelKo":"회사 이름","required":true}]""");
        given().contentType("application/json").body(eventdesk.testing.TestQuestions.signUp("blank@example.com",
                        "{\"company\":" + jsonString(invisible) + "}"))
                .post(api).then().statusCode(400)
                .body("errors.find { it.field == 'answers.company' }.message", equalTo("Please fill in this field."));
        assertThat(TestEvents.registrations(event)).isEmpty();

        // Visible text with an invisible character in it is still filled in.
        given().contentType("application/json").body(eventdesk.testing.TestQuestions.signUp("seen@example.com",
                                "{\"company\":" + jsonString("Toss" + invisible) + "}")
                        .replace("\"Kim Answer\"", jsonString("Kim" + invisible)))
                .post(api).then().statusCode(202);
    }
}
