package eventdesk.registration;

import eventdesk.event.Event;
import eventdesk.testing.Forms;
import eventdesk.testing.TestEvents;
import eventdesk.testing.TestQuestions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static eventdesk.testing.TestQuestions.admin;
import static eventdesk.testing.TestQuestions.signUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** Custom questions on the sign-up: every type and its checks, through the JSON API and the HTML form. */
@QuarkusTest
class QuestionAnswersTest {

    static final String GOOD = """
            {"company":"Toss","pitch":"We make\\nmoney simple","stage":"seed","tracks":["web","ai"],"lunch":true,"team-size":12}""";

    static Response api(Event event, String body) {
        return given().contentType("application/json").body(body).post("/api/events/" + event.slug + "/registrations");
    }

    @Test
    void apiStoresEveryTypeOfAnswerAndTheAdminListShowsThem() {
        Event event = TestQuestions.withAllTypes(TestEvents.create(5, true));
        api(event, signUp("all@example.com", GOOD)).then().statusCode(202).body("status", equalTo("PENDING"));
        // The string forms are accepted too: "yes", "3.5", one choice key for a multiple choice.
        api(event, signUp("strings@example.com", """
                {"company":" Kakao ","stage":"idea","tracks":"infra","lunch":"no","team-size":"3.5"}""")).then().statusCode(202);

        admin().get("/api/admin/events/" + event.slug + "/registrations").then().statusCode(200)
                .body("find { it.email == 'all@example.com' }.answers.company", equalTo("Toss"))
                .body("find { it.email == 'all@example.com' }.answers.pitch", equalTo("We make\nmoney simple"))
                .body("find { it.email == 'all@example.com' }.answers.stage", equalTo("seed"))
                // Choices in the question's order, whatever order they were ticked in.
                .body("find { it.email == 'all@example.com' }.answers.tracks", equalTo(List.of("ai", "web")))
                .body("find { it.email == 'all@example.com' }.answers.lunch", equalTo(true))
                .body("find { it.email == 'all@example.com' }.answers.team-size", equalTo(12))
                .body("find { it.email == 'strings@example.com' }.answers.company", equalTo("Kakao"))
                .body("find { it.email == 'strings@example.com' }.answers.tracks", equalTo(List.of("infra")))
                .body("find { it.email == 'strings@example.com' }.answers.lunch", equalTo(false))
                .body("find { it.email == 'strings@example.com' }.answers.team-size", equalTo(3.5f))
                .body("find { it.email == 'strings@example.com' }.answers", not(org.hamcrest.Matchers.hasKey("pitch")));
    }

    @Test
    void apiRefusesMissingAndInvalidAnswersWithFieldErrorsAndTakesNoSeat() {
        Event event = TestQuestions.withAllTypes(TestEvents.create(5, true));
        api(event, signUp("missing@example.com", "{}")).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItems("answers.company", "answers.stage", "answers.lunch"))
                .body("errors.find { it.field == 'answers.company' }.message", containsString("fill in"))
                .body("errors.field", not(hasItem("answers.pitch")));
        api(event, signUp("badchoice@example.com", GOOD.replace("\"seed\"", "\"unicorn\""))).then().statusCode(400)
                .body("errors.field", equalTo(List.of("answers.stage")))
                .body("errors[0].message", containsString("Choose one of the options"));
        api(event, signUp("nan@example.com", GOOD.replace("12", "\"twelve\""))).then().statusCode(400)
                .body("errors.field", equalTo(List.of("answers.team-size")))
                .body("errors[0].message", containsString("Enter a number"));
        api(event, signUp("multi@example.com", GOOD.replace("[\"web\",\"ai\"]", "[\"web\",\"quantum\"]"))).then().statusCode(400)
                .body("errors.field", equalTo(List.of("answers.tracks")));
        api(event, signUp("yesno@example.com", GOOD.replace("true", "\"maybe\""))).then().statusCode(400)
                .body("errors.field", equalTo(List.of("answers.lunch")));
        api(event, signUp("long@example.com", GOOD.replace("Toss", "x".repeat(201)))).then().statusCode(400)
                .body("errors.field", equalTo(List.of("answers.company")))
                .body("errors[0].message", containsString("too long"));
        api(event, signUp("control@example.com", GOOD.replace("Toss", "To\\u0000ss"))).then().statusCode(400)
                .body("errors.field", equalTo(List.of("answers.company")));
        api(event, signUp("unknown@example.com", GOOD.replace("\"lunch\"", "\"dinner\":true,\"lunch\""))).then().statusCode(400)
                .body("errors.field", equalTo(List.of("answers.dinner")));
        // A sign-up with a bad field hears about its answers in the same answer.
        api(event, signUp("not-an-email", "{}")).then().statusCode(400)
                .body("errors.field", hasItems("email", "answers.company", "answers.stage", "answers.lunch"));
        assertThat(TestEvents.registrations(event)).isEmpty();
        assertThat(TestEvents.counters(event)).containsExactly(0L, 0L, 0L);
    }

    @Test
    void aQuestionLimitedToATicketTypeIsAskedOnlyOfThatType() {
        Event event = TestQuestions.withTicketTypes(TestQuestions.withAllTypes(TestEvents.create(5, true)));
        String noRaised = GOOD;
        api(event, signUp("founder@example.com", "founder", noRaised)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("answers.raised")));
        api(event, signUp("founder@example.com", "founder", GOOD.replace("}", ",\"raised\":\"2 billion won\"}")))
                .then().statusCode(202);
        api(event, signUp("developer@example.com", "developer", noRaised)).then().statusCode(202);
        assertThat(Answers.fromJson(TestEvents.byEmail(event, "founder@example.com").answers)).containsEntry("raised", "2 billion won");
        // In an event without ticket types, a question limited to types never applies; an answer to it is dropped.
        Event untypedEvent = TestQuestions.withAllTypes(TestEvents.create(5, true));
        api(untypedEvent, signUp("untyped@example.com", GOOD.replace("}", ",\"raised\":\"ignored\"}"))).then().statusCode(202);
        assertThat(Answers.fromJson(TestEvents.byEmail(untypedEvent, "untyped@example.com").answers)).doesNotContainKey("raised");
    }

    @Test
    void publicApiListsTheQuestionsASignUpAnswers() {
        Event event = TestQuestions.withAllTypes(TestEvents.create(5, true));
        given().get("/api/events/" + event.slug).then().statusCode(200)
                .body("questions.key", equalTo(List.of("company", "pitch", "stage", "tracks", "lunch", "team-size", "raised")))
                .body("questions[2].type", equalTo("CHOICE"))
                .body("questions[2].choices[1].labelKo", equalTo("시드"))
                .body("questions[6].ticketTypes", equalTo(List.of("founder")));
    }

    @Test
    void aKoreanVisitorSeesTheQuestionsInKoreanWithTheRightInputs() {
        Event event = TestQuestions.withAllTypes(TestEvents.create(5, true));
        String ko = given().header("Accept-Language", "ko").get("/events/" + event.slug).then().statusCode(200).extract().asString();
        assertThat(ko).contains("회사 이름", "명함에 적힌 대로", "회사 단계", "시리즈 A", "관심 트랙", "인공지능", "점심 식사", "팀 인원", "예", "아니요")
                .doesNotContain("Company name", "Series A");
        assertThat(ko).contains("<input id=\"answers.company\" name=\"answers.company\" type=\"text\"")
                .contains("<textarea id=\"answers.pitch\" name=\"answers.pitch\"")
                .contains("<legend id=\"answers.stage\">")
                .contains("type=\"radio\" name=\"answers.stage\" value=\"series-a\"")
                .contains("type=\"checkbox\" name=\"answers.tracks\" value=\"ai\"")
                .contains("type=\"radio\" name=\"answers.lunch\" value=\"true\"")
                .contains("name=\"answers.team-size\" type=\"number\"")
                .contains("aria-describedby=\"answers.company-hint\"")
                // Limited to a ticket type: said so, and not required by the browser.
                .contains("해당 참가 유형만: founder");
        assertThat(ko.substring(ko.indexOf("id=\"answers.raised\""))).startsWith("id=\"answers.raised\" name=\"answers.raised\" type=\"text\" maxlength=\"200\" value=\"\" aria-describedby");
        String en = given().header("Accept-Language", "en").get("/events/" + event.slug).then().extract().asString();
        assertThat(en).contains("Company name", "As on your business card", "Series A", "Which tracks", "Yes").doesNotContain("회사 이름");
    }

    @Test
    void theFormKeepsTypedAnswersAndTiesEachErrorToItsQuestion() {
        Event event = TestQuestions.withAllTypes(TestEvents.create(5, true));
        Map<String, Object> fields = person("form-bad@example.com");
        fields.put("answers.company", "<b>Toss</b>");
        fields.put("answers.pitch", "line one\nline two");
        fields.put("answers.stage", "unicorn");
        fields.put("answers.tracks", List.of("ai", "infra"));
        fields.put("answers.team-size", "many");
        Response r = Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", fields, "en");
        r.then().statusCode(422);
        String page = r.asString();
        assertThat(page).contains("Choose one of the options", "Enter a number", "Please fill in this field")
                .contains("<a href=\"#answers.stage\">Company stage: ")
                .contains("value=\"&lt;b&gt;Toss&lt;/b&gt;\"").doesNotContain("<b>Toss</b>")
                .contains(">line one\nline two</textarea>")
                .contains("value=\"ai\" checked", "value=\"infra\" checked").doesNotContain("value=\"web\" checked")
                .contains("aria-describedby=\"answers.team-size-error\" aria-invalid=\"true\" autofocus".replace(" autofocus", ""))
                .contains("<p class=\"error\" id=\"answers.lunch-error\">")
                .contains("aria-describedby=\"answers.stage-error\"");
        assertThat(TestEvents.registrations(event)).isEmpty();
    }

    @Test
    void aBadBasicFieldAndBadAnswersAreShownTogetherOnTheForm() {
        Event event = TestQuestions.withAllTypes(TestEvents.create(5, true));
        Map<String, Object> fields = person("form-both@example.com");
        fields.put("name", "");
        Response r = Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", fields, "ko");
        r.then().statusCode(422);
        assertThat(r.asString()).contains("<a href=\"#name\">", "<a href=\"#answers.company\">회사 이름: ", "<a href=\"#answers.lunch\">점심 식사: ");
    }

    @Test
    void theFormSignsUpWithEveryTypeOfAnswer() {
        Event event = TestQuestions.withAllTypes(TestEvents.create(5, true));
        Map<String, Object> fields = person("form-good@example.com");
        fields.put("answers.company", "Danggeun");
        fields.put("answers.pitch", "가".repeat(2000));
        fields.put("answers.stage", "series-a");
        fields.put("answers.tracks", List.of("infra", "ai"));
        fields.put("answers.lunch", "false");
        fields.put("answers.team-size", "40");
        Response r = Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", fields, "ko");
        assertThat(r.statusCode()).as(() -> java.util.regex.Pattern.compile("class=\"error\"[^<]*>.*?</p>").matcher(r.asString()).results().map(m -> m.group()).toList().toString()).isEqualTo(303);
        Map<String, Object> answers = Answers.fromJson(TestEvents.byEmail(event, "form-good@example.com").answers);
        assertThat(answers).containsEntry("company", "Danggeun").containsEntry("stage", "series-a")
                .containsEntry("tracks", List.of("ai", "infra")).containsEntry("lunch", false)
                .containsEntry("pitch", "가".repeat(2000));
        assertThat(answers.get("team-size").toString()).isEqualTo("40");
    }

    @Test
    void theFormAsksATypeLimitedQuestionOnlyOfThatType() {
        Event event = TestQuestions.withTicketTypes(TestQuestions.withAllTypes(TestEvents.create(5, true)));
        Map<String, Object> fields = person("form-founder@example.com");
        fields.put("answers.company", "Danggeun");
        fields.put("answers.stage", "seed");
        fields.put("answers.lunch", "true");
        fields.put("ticketType", "founder");
        Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", fields, "en")
                .then().statusCode(422).body(containsString("id=\"answers.raised-error\""));
        fields.put("ticketType", "developer");
        Forms.submit("/events/" + event.slug, "/events/" + event.slug + "/registrations", fields, "en")
                .then().statusCode(303);
    }

    @Test
    void anEventWithoutQuestionsSignsUpAsBefore() {
        Event event = TestEvents.create(5, true);
        api(event, TestEvents.signUpJson("Plain", "plain@example.com")).then().statusCode(202);
        assertThat(TestEvents.byEmail(event, "plain@example.com").answers).isNull();
        api(event, signUp("stray@example.com", "{\"company\":\"x\"}")).then().statusCode(400)
                .body("errors.field", equalTo(List.of("answers.company")));
    }

    static Map<String, Object> person(String email) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "김민준");
        fields.put("email", email);
        fields.put("affiliation", "Toss");
        fields.put("role", "FOUNDER");
        fields.put("locale", "ko");
        fields.put("consent", "true");
        return fields;
    }
}
