package eventdesk.testing;

import eventdesk.event.Event;

import static io.restassured.RestAssured.given;

/** Custom questions for a test's event, set as an organizer's script would (PUT on the admin API). */
public final class TestQuestions {

    private TestQuestions() {
    }

    /**
     * One question of every type: company (TEXT, required), pitch (LONG_TEXT), stage (CHOICE, required),
     * tracks (MULTI_CHOICE), lunch (YES_NO, required), team-size (NUMBER), and investor-only
     * (TEXT, required, only for ticket type "founder").
     */
    public static final String ALL_TYPES = """
            [
             {"key":"company","type":"TEXT","label":"Company name","labelKo":"회사 이름","required":true,
              "hint":"As on your business card","hintKo":"명함에 적힌 대로"},
             {"key":"pitch","type":"LONG_TEXT","label":"Your pitch","labelKo":"한 줄 소개","required":false},
             {"key":"stage","type":"CHOICE","label":"Company stage","labelKo":"회사 단계","required":true,
              "choices":[{"key":"idea","label":"Idea","labelKo":"아이디어"},{"key":"seed","label":"Seed","labelKo":"시드"},
                         {"key":"series-a","label":"Series A","labelKo":"시리즈 A"}]},
             {"key":"tracks","type":"MULTI_CHOICE","label":"Which tracks","labelKo":"관심 트랙","required":false,
              "choices":[{"key":"ai","label":"AI","labelKo":"인공지능"},{"key":"web","label":"Web","labelKo":"웹"},
                         {"key":"infra","label":"Infra","labelKo":"인프라"}]},
             {"key":"lunch","type":"YES_NO","label":"Lunch","labelKo":"점심 식사","required":true},
             {"key":"team-size","type":"NUMBER","label":"Team size","labelKo":"팀 인원","required":false},
             {"key":"raised","type":"TEXT","label":"Raised so far","labelKo":"누적 투자금","required":true,
              "ticketTypes":["founder"]}
            ]""";

    public static Event withAllTypes(Event event) {
        set(event, ALL_TYPES);
        return event;
    }

    /** Gives the event two ticket types, founder (3 seats) and developer (2), for type-limited questions. */
    public static Event withTicketTypes(Event event) {
        admin().contentType("application/json").body("""
                {"ticketTypes": [{"key": "founder", "name": "Founder", "nameKo": "창업자", "capacity": 3},
                                 {"key": "developer", "name": "Developer", "nameKo": "개발자", "capacity": 2}]}""")
                .put("/api/admin/events/" + event.slug).then().statusCode(200);
        return event;
    }

    /** Replaces the event's questions with this JSON array; fails the test unless the API accepts it. */
    public static void set(Event event, String questionsJson) {
        admin().contentType("application/json").body("{\"questions\": " + questionsJson + "}")
                .put("/api/admin/events/" + event.slug).then().statusCode(200);
    }

    public static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin").header("Accept-Language", "en");
    }

    /** A sign-up JSON with these answers (a JSON object). */
    public static String signUp(String email, String answersJson) {
        return signUp(email, null, answersJson);
    }

    public static String signUp(String email, String ticketType, String answersJson) {
        return """
                {"name":"Kim Answer","email":"%s","affiliation":"Seoul Startups","role":"FOUNDER","locale":"ko",
                 "consent":true%s,"answers":%s}""".formatted(email,
                ticketType == null ? "" : ",\"ticketType\":\"" + ticketType + "\"", answersJson);
    }
}
