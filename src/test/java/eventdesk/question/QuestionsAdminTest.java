package eventdesk.question;

import eventdesk.attendee.AttendeeCsv;
import eventdesk.event.Event;
import eventdesk.testing.Forms;
import eventdesk.testing.TestEvents;
import eventdesk.testing.TestQuestions;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
import static org.hamcrest.Matchers.not;

/** The organizer's side of custom questions: the CSV columns, editing and removing without losing answers, the questions page. */
@QuarkusTest
class QuestionsAdminTest {

    static final String TWO = """
            [{"key":"company","type":"TEXT","label":"Company","labelKo":"회사","required":true},
             {"key":"tracks","type":"MULTI_CHOICE","label":"Tracks","labelKo":"트랙","required":false,
              "choices":[{"key":"ai","label":"AI","labelKo":"인공지능"},{"key":"web","label":"Web, \\"modern\\"","labelKo":"웹"}]},
             {"key":"lunch","type":"YES_NO","label":"Lunch","labelKo":"점심","required":false}]""";

    static void signUpWith(Event event, String email, String answers) {
        given().contentType("application/json").body(signUp(email, answers))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
    }

    static Map<String, CSVRecord> csv(Event event, String lang) throws IOException {
        String text = new String(given().auth().preemptive().basic("admin", "admin").header("Accept-Language", lang)
                .get("/admin/events/" + event.slug + "/attendees.csv?reason=answers%20check").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get()).getRecords();
        Map<String, CSVRecord> byEmail = new HashMap<>();
        rows.forEach(r -> byEmail.put(r.get("email"), r));
        return byEmail;
    }

    static List<String> header(Event event, String lang) throws IOException {
        String text = new String(given().auth().preemptive().basic("admin", "admin").header("Accept-Language", lang)
                .get("/admin/events/" + event.slug + "/attendees.csv?reason=answers%20check").asByteArray(), StandardCharsets.UTF_8).substring(1);
        return CSVParser.parse(new StringReader(text), CSVFormat.RFC4180).getRecords().get(0).toList();
    }

    @Test
    void csvHasOneColumnPerQuestionAfterTheFixedOnesWithTheSameEscaping() throws IOException {
        Event event = TestEvents.create(5, true);
        TestQuestions.set(event, TWO);
        signUpWith(event, "formula@example.com", "{\"company\":\"=cmd|' /C calc'!A0\",\"tracks\":[\"web\",\"ai\"],\"lunch\":true}");
        signUpWith(event, "comma@example.com", "{\"company\":\"Toss, \\\"Viva\\\" Republica\",\"lunch\":false}");
        signUpWith(event, "plus@example.com", "{\"company\":\"+82 10-1234-5678\"}");

        List<String> en = header(event, "en");
        assertThat(en.subList(0, AttendeeCsv.HEADER.size())).containsExactlyElementsOf(AttendeeCsv.HEADER);
        assertThat(en.subList(AttendeeCsv.HEADER.size(), en.size())).containsExactly("Company", "Tracks", "Lunch");
        assertThat(header(event, "ko")).endsWith("회사", "트랙", "점심");

        Map<String, CSVRecord> rows = csv(event, "en");
        assertThat(rows.get("formula@example.com").get("Company")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(rows.get("formula@example.com").get("Tracks")).isEqualTo("AI; Web, \"modern\"");
        assertThat(rows.get("formula@example.com").get("Lunch")).isEqualTo("Yes");
        assertThat(rows.get("comma@example.com").get("Company")).isEqualTo("Toss, \"Viva\" Republica");
        assertThat(rows.get("comma@example.com").get("Lunch")).isEqualTo("No");
        assertThat(rows.get("comma@example.com").get("Tracks")).isEmpty();
        assertThat(rows.get("plus@example.com").get("Company")).isEqualTo("'+82 10-1234-5678");
        assertThat(csv(event, "ko").get("formula@example.com").get("트랙")).isEqualTo("인공지능; 웹");

        // Quoted as RFC 4180 says: the raw text holds the doubled quotes.
        String raw = new String(admin().get("/admin/events/" + event.slug + "/attendees.csv?reason=answers%20check").asByteArray(), StandardCharsets.UTF_8);
        assertThat(raw).contains("\"Toss, \"\"Viva\"\" Republica\"");
    }

    @Test
    void editingAQuestionsWordingKeepsItsAnswers() throws IOException {
        Event event = TestEvents.create(5, true);
        TestQuestions.set(event, TWO);
        signUpWith(event, "kept@example.com", "{\"company\":\"Kakao\",\"tracks\":[\"ai\"]}");
        TestQuestions.set(event, TWO.replace("\"Company\"", "\"Company or school\"").replace("\"회사\"", "\"회사 또는 학교\"")
                .replace("\"AI\"", "\"Artificial intelligence\""));
        Map<String, CSVRecord> rows = csv(event, "en");
        assertThat(rows.get("kept@example.com").get("Company or school")).isEqualTo("Kakao");
        assertThat(rows.get("kept@example.com").get("Tracks")).isEqualTo("Artificial intelligence");
        admin().get("/api/admin/events/" + event.slug + "/registrations").then()
                .body("[0].answers.company", equalTo("Kakao"));

        // The same through the questions page: new wording, same key, same answers.
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "TEXT");
        fields.put("label", "Organization");
        fields.put("labelKo", "소속 기관");
        fields.put("required", "true");
        Forms.submitAsAdmin("/admin/events/" + event.slug + "/questions", "/admin/events/" + event.slug + "/questions/company", fields)
                .then().statusCode(303).header("Location", containsString("/admin/events/" + event.slug + "/questions?done=saved"));
        assertThat(csv(event, "en").get("kept@example.com").get("Organization")).isEqualTo("Kakao");
        admin().get("/admin/events/" + event.slug).then().statusCode(200)
                .body(containsString("<dt>Organization</dt><dd>Kakao</dd>"));
        given().header("Accept-Language", "ko").get("/events/" + event.slug).then().body(containsString("소속 기관"));
    }

    @Test
    void aQuestionsTypeIsFixedOnceSomebodySignedUp() {
        Event event = TestEvents.create(5, true);
        TestQuestions.set(event, TWO);
        signUpWith(event, "typed@example.com", "{\"company\":\"Kakao\"}");
        admin().contentType("application/json").body("{\"questions\":" + TWO.replaceFirst("\"TEXT\"", "\"NUMBER\"") + "}")
                .put("/api/admin/events/" + event.slug).then().statusCode(400)
                .body("errors.field", hasItem("questions[0].type"))
                .body("errors[0].message", containsString("cannot change"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "NUMBER");
        fields.put("label", "Company");
        Forms.submitAsAdmin("/admin/events/" + event.slug + "/questions", "/admin/events/" + event.slug + "/questions/company", fields)
                .then().statusCode(422).body(containsString("id=\"q-company-type-error\""))
                .body(containsString("The type cannot change after people signed up"));
        given().get("/api/events/" + event.slug).then().body("questions[0].type", equalTo("TEXT"));
    }

    @Test
    void removingAQuestionKeepsItsAnswersInTheCsvAndTheAttendeeList() throws IOException {
        Event event = TestEvents.create(5, true);
        TestQuestions.set(event, TWO);
        signUpWith(event, "before@example.com", "{\"company\":\"Line\",\"lunch\":true}");
        // Through the API: the question is left out of the list.
        TestQuestions.set(event, TWO.substring(0, TWO.lastIndexOf(",", TWO.indexOf("{\"key\":\"lunch\""))) + "]");
        // Through the page: the remove button.
        Forms.submitAsAdmin("/admin/events/" + event.slug + "/questions",
                "/admin/events/" + event.slug + "/questions/company/remove", Map.of()).then().statusCode(303);

        given().header("Accept-Language", "en").get("/events/" + event.slug).then()
                .body(not(containsString("answers.company"))).body(not(containsString("answers.lunch")))
                .body(containsString("answers.tracks"));
        signUpWith(event, "after@example.com", "{}");
        assertThat(header(event, "en")).endsWith("Tracks", "Company (removed)", "Lunch (removed)");
        Map<String, CSVRecord> rows = csv(event, "en");
        assertThat(rows.get("before@example.com").get("Company (removed)")).isEqualTo("Line");
        assertThat(rows.get("before@example.com").get("Lunch (removed)")).isEqualTo("Yes");
        assertThat(rows.get("after@example.com").get("Company (removed)")).isEmpty();
        admin().get("/admin/events/" + event.slug).then().body(containsString("<dd>Line</dd>"));
        admin().get("/api/admin/events/" + event.slug + "/registrations").then()
                .body("find { it.email == 'before@example.com' }.answers.company", equalTo("Line"));

        // Asked again, the question has its answers back.
        Forms.submitAsAdmin("/admin/events/" + event.slug + "/questions",
                "/admin/events/" + event.slug + "/questions/company/restore", Map.of()).then().statusCode(303);
        assertThat(csv(event, "en").get("before@example.com").get("Company")).isEqualTo("Line");
    }

    @Test
    void questionsPageAddsQuestionsInBothLanguagesAndTiesErrorsToFields() {
        Event event = TestEvents.create(5, true);
        String page = "/admin/events/" + event.slug + "/questions";
        admin().get(page).then().statusCode(200).body(containsString("No questions yet"));
        admin().get("/admin/events/" + event.slug + "/edit").then().body(containsString("href=\"" + page + "\""));

        // Without the CSRF token nothing is added.
        admin().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("key", "sneaky").formParam("type", "TEXT").formParam("label", "Sneaky")
                .post(page).then().statusCode(400);
        given().get("/api/events/" + event.slug).then().body("questions", equalTo(List.of()));

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("key", "Bad Key");
        bad.put("type", "CHOICE");
        bad.put("label", "Stage");
        bad.put("choices", "seed|Seed|시드\nnot a choice line");
        Forms.submitAsAdmin(page, page, bad).then().statusCode(422)
                .body(containsString("<a href=\"#new-key\">"))
                .body(containsString("id=\"new-key\" name=\"key\" type=\"text\" value=\"Bad Key\""))
                .body(containsString("aria-describedby=\"new-key-hint new-key-error\" aria-invalid=\"true\""))
                .body(containsString("id=\"new-choices-error\""))
                .body(containsString("not a choice line</textarea>"));

        Map<String, Object> good = new LinkedHashMap<>();
        good.put("key", "stage");
        good.put("type", "CHOICE");
        good.put("label", "Company stage");
        good.put("labelKo", "회사 단계");
        good.put("hint", "Pick the closest");
        good.put("hintKo", "가장 가까운 것을 고르세요");
        good.put("required", "true");
        good.put("choices", "idea|Idea|아이디어\nseed|Seed|시드\n");
        good.put("ticketTypes", "founder, investor");
        Forms.submitAsAdmin(page, page, good).then().statusCode(303)
                .header("Location", containsString("done=added"));
        Forms.submitAsAdmin(page, page, good).then().statusCode(422)
                .body(containsString("already has a question with this key"));
        admin().get(page).then().statusCode(200).body(containsString("Company stage"))
                .body(containsString("idea|Idea|아이디어\nseed|Seed|시드</textarea>"))
                .body(containsString("value=\"founder, investor\""));
        given().get("/api/events/" + event.slug).then().body("questions[0].key", equalTo("stage"))
                .body("questions[0].choices.labelKo", equalTo(List.of("아이디어", "시드")))
                .body("questions[0].hintKo", equalTo("가장 가까운 것을 고르세요"))
                .body("questions[0].ticketTypes", equalTo(List.of("founder", "investor")));
        // Before anybody signed up, removing deletes the question outright.
        Forms.submitAsAdmin(page, page + "/stage/remove", Map.of()).then().statusCode(303);
        given().get("/api/events/" + event.slug).then().body("questions", equalTo(List.of()));
        admin().get(page).then().body(not(containsString("Removed questions")));
    }

    @Test
    void adminApiRefusesBadQuestionsWithFieldErrorsAndChangesNothing() {
        Event event = TestEvents.create(5, true);
        TestQuestions.set(event, TWO);
        admin().contentType("application/json").body("""
                {"capacity": 9, "questions":[{"key":"ok","type":"TEXT","label":"Fine"},
                 {"key":"BAD KEY","type":"ESSAY","label":""},
                 {"key":"pick","type":"CHOICE","label":"Pick","choices":[]},
                 {"key":"ok","type":"TEXT","label":"Twice"}]}""")
                .put("/api/admin/events/" + event.slug).then().statusCode(400)
                .contentType(containsString("problem+json"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("questions[1].key", "questions[1].type",
                        "questions[1].label", "questions[2].choices", "questions[3].key"));
        given().get("/api/events/" + event.slug).then().body("capacity", equalTo(5))
                .body("questions.key", equalTo(List.of("company", "tracks", "lunch")));
        // A PUT without "questions" leaves them as they are.
        admin().contentType("application/json").body("{\"capacity\": 6}").put("/api/admin/events/" + event.slug)
                .then().statusCode(200).body("questions.key", equalTo(List.of("company", "tracks", "lunch")));
        // Create with questions.
        String slug = "q-made-" + System.nanoTime();
        java.time.OffsetDateTime startsAt = TestEvents.tenAmKst(50).toOffsetDateTime();
        admin().contentType("application/json").body("""
                {"slug":"%s","title":"Q Day","titleKo":"질문 데이","venue":"Hall","address":"Seoul","startsAt":"%s",
                 "endsAt":"%s","capacity":3,"waitlistEnabled":true,"questions":%s}""".formatted(slug, startsAt,
                        startsAt.plusHours(2), TWO))
                .post("/api/admin/events").then().statusCode(201)
                .body("questions.key", equalTo(List.of("company", "tracks", "lunch")))
                .body("questions[1].choices[1].label", equalTo("Web, \"modern\""));
        assertThat(AttendeeCsv.HEADER).doesNotContain("Company");
    }
}
