package eventdesk.registration;

import com.icegreen.greenmail.util.GreenMail;
import eventdesk.admin.Organizers;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLogEntry;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.team.Account;
import eventdesk.team.Role;
import eventdesk.testing.Deliveries;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.testing.TestQuestions;
import eventdesk.web.TicketMsg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer's applications page: each applicant's ticket type and answers in their row, filters by
 * ticket type and by answer with "N of M", and approving or declining every application matching the
 * filter after a confirm step that names how many, through the same seat path as ticked ones.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class ApplicationsPageTest {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    GreenMail greenMail;
    @Inject
    Outbox outbox;

    final String tag = UUID.randomUUID().toString().substring(0, 8);

    /** An approval event with two ticket types (founder: 2 seats, developer: 5) and a waitlist, asking every kind of question. */
    Event approvalEventWithTypesAndQuestions() {
        Event event = Curated.create(10, true, """
                [{"key": "founder", "name": "Founder", "nameKo": "창업자", "capacity": 2, "held": 0},
                 {"key": "developer", "name": "Developer", "nameKo": "개발자", "capacity": 5, "held": 0}]""",
                "\"approvalRequired\": true");
        TestQuestions.set(event, TestQuestions.ALL_TYPES);
        return event;
    }

    String email(String who) {
        return who + "." + tag + "@example.com";
    }

    void apply(Event event, String name, String who, String type, String answers) {
        Curated.post(event, """
                {"name": "%s", "email": "%s", "affiliation": "Seoul Startups", "role": "FOUNDER", "locale": "en",
                 "consent": true, "ticketType": "%s", "answers": %s}""".formatted(name, email(who), type, answers))
                .then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("APPLIED"));
    }

    static String page(Event event) {
        return "/admin/events/" + event.slug + "/applications";
    }

    static String get(String path, String lang) {
        Response r = Curated.admin().queryParam("lang", lang).get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.asString();
    }

    /** The table row of the applicant with this email. */
    static String row(String html, String email) {
        for (String tr : html.split("<tr>")) if (tr.contains(email)) return tr.substring(0, tr.indexOf("</tr>"));
        throw new AssertionError("no row for " + email);
    }

    /** The confirm page's form fields, as the browser would post them again. */
    static Map<String, List<String>> hiddenFields(String html) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html.substring(html.indexOf("<form method=\"post\"")));
        while (m.find()) {
            if (m.group(1).equals("csrf-token")) continue;
            String value = m.group(2).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&");
            fields.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    @Test
    void eachApplicantsTypeAndAnswersShowInTheirOwnRowEscapedAndWrapped() {
        Event event = approvalEventWithTypesAndQuestions();
        String longPitch = "We build <script>alert('x')</script> tools & more. " + "Long pitch ".repeat(60);
        apply(event, "Founder Kim", "fkim", "founder", """
                {"company": "Acme Labs", "stage": "seed", "lunch": true, "raised": "1억", "pitch": "%s", "team-size": 4}"""
                .formatted(longPitch));
        apply(event, "Dev Lee", "dlee", "developer", """
                {"company": "Beta Corp", "stage": "idea", "lunch": false, "tracks": ["ai", "web"]}""");

        String en = get(page(event), "en");
        String kim = row(en, email("fkim"));
        assertThat(kim).contains("Founder", "Company name", "Acme Labs", "Company stage", "Seed", "Lunch", "Yes", "Raised so far",
                "1억", "Team size", "4", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; tools &amp; more.")
                .doesNotContain("<script>", "Beta Corp", "Idea");
        assertThat(kim).contains("<dl class=\"answers\">");
        String lee = row(en, email("dlee"));
        assertThat(lee).contains("Developer", "Beta Corp", "Idea", "No", "Which tracks", "AI; Web")
                .doesNotContain("Acme Labs", "Raised so far");
        assertThat(en).doesNotContain("<script>alert");
        // Long answers wrap inside the row rather than widening the page.
        String css = given().get("/style.css").asString();
        assertThat(css).contains("dl.answers dd { margin: 0 0 .35rem; white-space: pre-wrap; overflow-wrap: anywhere; }");

        String ko = get(page(event), "ko");
        assertThat(row(ko, email("fkim"))).contains("창업자", "회사 이름", "회사 단계", "시드", "점심 식사", "예");
        assertThat(row(ko, email("dlee"))).contains("개발자", "인공지능; 웹", "아니요");
    }

    @Test
    void filtersByTicketTypeAndByAnswerSayHowManyOfHowMany() {
        Event event = approvalEventWithTypesAndQuestions();
        apply(event, "F Seed", "fseed", "founder", "{\"company\": \"Acme Labs\", \"stage\": \"seed\", \"lunch\": true, \"raised\": \"1\", \"pitch\": \"We do Robotics\"}");
        apply(event, "F Idea", "fidea", "founder", "{\"company\": \"Gamma\", \"stage\": \"idea\", \"lunch\": false, \"raised\": \"0\"}");
        apply(event, "D Seed", "dseed", "developer", "{\"company\": \"acme west\", \"stage\": \"seed\", \"lunch\": true, \"tracks\": [\"web\"]}");
        apply(event, "D SerA", "dsera", "developer", "{\"company\": \"Delta\", \"stage\": \"series-a\", \"lunch\": false, \"tracks\": [\"ai\", \"infra\"], \"team-size\": 12}");

        String all = get(page(event), "en");
        assertThat(all).contains("4 of 4 applications", "<select id=\"ticketType\" name=\"ticketType\">",
                "<optgroup label=\"Company stage\">", "<option value=\"stage:seed\">Company stage: Seed</option>",
                "<option value=\"lunch:no\">Lunch: No</option>", "<option value=\"pitch\">Your pitch</option>");
        assertThat(shown(all)).containsExactlyInAnyOrder("fseed", "fidea", "dseed", "dsera");

        assertThat(shown(get(page(event) + "?ticketType=founder", "en"))).containsExactlyInAnyOrder("fseed", "fidea");
        assertThat(get(page(event) + "?ticketType=founder", "en")).contains("2 of 4 applications", "<option value=\"founder\" selected>");
        assertThat(shown(get(page(event) + "?answer=stage:seed", "en"))).containsExactlyInAnyOrder("fseed", "dseed");
        assertThat(shown(get(page(event) + "?answer=tracks:ai", "en"))).containsExactly("dsera");
        assertThat(shown(get(page(event) + "?answer=lunch:no", "en"))).containsExactlyInAnyOrder("fidea", "dsera");
        assertThat(shown(get(page(event) + "?ticketType=developer&answer=stage:seed", "en"))).containsExactly("dseed");
        // Text answers: letter case ignored, in one question or in any text question (numbers too).
        assertThat(shown(get(page(event) + "?contains=ACME", "en"))).containsExactlyInAnyOrder("fseed", "dseed");
        assertThat(shown(get(page(event) + "?question=pitch&contains=robot", "en"))).containsExactly("fseed");
        assertThat(shown(get(page(event) + "?question=company&contains=robot", "en"))).isEmpty();
        assertThat(get(page(event) + "?question=company&contains=robot", "en")).contains("0 of 4 applications")
                .doesNotContain("name=\"action\"");
        assertThat(shown(get(page(event) + "?contains=12", "en"))).containsExactly("dsera");
        String ko = get(page(event) + "?answer=stage:seed", "ko");
        assertThat(ko).contains("신청 4건 중 2건", "<option value=\"stage:seed\" selected>회사 단계: 시드</option>");
        // What the event does not know is no filter.
        assertThat(get(page(event) + "?ticketType=nope&answer=stage:unicorn&question=nope", "en")).contains("4 of 4 applications");

        // The view is one access log entry naming the filter.
        AccessLogEntry last = QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.<AccessLogEntry>find(
                "eventSlug = ?1 and action = ?2 order by id desc", event.slug, AccessAction.VIEW_ATTENDEES).firstResult());
        assertThat(last.filter).isEqualTo("status=APPLIED");
        get(page(event) + "?ticketType=developer&answer=stage:seed", "en");
        last = QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.<AccessLogEntry>find(
                "eventSlug = ?1 and action = ?2 order by id desc", event.slug, AccessAction.VIEW_ATTENDEES).firstResult());
        assertThat(last.filter).isEqualTo("status=APPLIED&ticketType=developer&answer=stage:seed");
        assertThat(last.rowCount).isEqualTo(1);
    }

    /** Which applicants (by the part of the email before the tag) a page lists. */
    List<String> shown(String html) {
        List<String> who = new ArrayList<>();
        Matcher m = Pattern.compile("<span class=\"muted\">([a-z]+)\\." + tag + "@example.com</span>").matcher(html);
        while (m.find()) who.add(m.group(1));
        return who;
    }

    @Test
    void approvingAllMatchingTheFilterAsksWithTheNumberThenApprovesExactlyThoseWithinTheSeats() {
        Event event = approvalEventWithTypesAndQuestions();
        for (String who : List.of("fa", "fb", "fc")) {
            apply(event, "Seed " + who, who, "founder", "{\"company\": \"C\", \"stage\": \"seed\", \"lunch\": true, \"raised\": \"1\"}");
        }
        apply(event, "Idea fd", "fd", "founder", "{\"company\": \"C\", \"stage\": \"idea\", \"lunch\": true, \"raised\": \"1\"}");
        apply(event, "Seed dev", "de", "developer", "{\"company\": \"C\", \"stage\": \"seed\", \"lunch\": true}");
        Map<String, Object> filter = Map.of("ticketType", "founder", "answer", "stage:seed");

        String listed = get(page(event) + "?ticketType=founder&answer=stage:seed", "en");
        assertThat(listed).contains("Apply to all 3 applications matching this filter", "name=\"all\" value=\"true\"",
                "<input type=\"hidden\" name=\"ticketType\" value=\"founder\">", "<input type=\"hidden\" name=\"answer\" value=\"stage:seed\">");

        Map<String, Object> ask = new LinkedHashMap<>(filter);
        ask.put("all", "true");
        ask.put("action", "approve");
        Response step = Forms.submitAsAdmin(page(event), page(event), ask);
        assertThat(step.statusCode()).isEqualTo(200);
        String confirm = step.asString();
        assertThat(confirm).contains(tix("en").approve_all_confirm_title(3), tix("en").approve_all_confirm_text(),
                tix("en").approve_all_confirm_button(3), email("fa"), email("fb"), email("fc"))
                .doesNotContain(email("fd"), email("de"));
        assertThat(TestEvents.count(event, RegistrationStatus.APPLIED)).as("the confirm step changes nothing").isEqualTo(5);
        Response stepKo = Forms.submitAsAdmin(page(event), page(event) + "?lang=ko", ask);
        assertThat(stepKo.asString()).contains("신청 3건을 승인할까요?", tix("ko").approve_all_confirm_text(), "네, 3건 승인");

        Response done = Forms.submitAsAdmin(page(event), page(event), hiddenFields(confirm));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).contains("ticketType=founder", "answer=stage%3Aseed", "approved=2", "waitlisted=1", "skipped=0");
        // Founder seats: 2. Two of the three get them, the third waits; the others are untouched.
        List<RegistrationStatus> three = List.of("fa", "fb", "fc").stream().map(w -> Curated.status(event, email(w))).toList();
        assertThat(three).containsExactly(RegistrationStatus.PENDING, RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED);
        assertThat(Curated.status(event, email("fd"))).isEqualTo(RegistrationStatus.APPLIED);
        assertThat(Curated.status(event, email("de"))).isEqualTo(RegistrationStatus.APPLIED);
        assertThat(Curated.type(event, "founder").seatsTaken).isEqualTo(2);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(2L, 1L, 2L));
        // (as a browser follows it: the link is already encoded)
        Curated.admin().urlEncodingEnabled(false).get(done.header("Location")).then().body(org.hamcrest.Matchers.containsString(tix("en").approved_done(2, 1, 0)))
                .body(org.hamcrest.Matchers.containsString("0 of 2 applications"));
        Deliveries.deliver(outbox);
        assertThat(Mailbox.to(greenMail, email("fa")).stream().map(Mailbox::subject)).contains(tix("en").mail_approved_subject("Curated Meetup"));

        // One entry in the access log: who was decided, by which filter.
        AccessLogEntry entry = QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.<AccessLogEntry>find(
                "eventSlug = ?1 and action = ?2 order by id desc", event.slug, AccessAction.EDIT_REGISTRATION).firstResult());
        assertThat(entry.reason).isEqualTo("approve");
        assertThat(entry.filter).isEqualTo("status=APPLIED&ticketType=founder&answer=stage:seed");
        assertThat(entry.registrationIds.split(",")).hasSize(3);
    }

    @Test
    void whenTheMatchingApplicationsChangedBeforeTheConfirmNothingIsDecidedAndTheNewNumberIsAsked() {
        Event event = approvalEventWithTypesAndQuestions();
        apply(event, "One", "one", "developer", "{\"company\": \"C\", \"stage\": \"seed\", \"lunch\": true}");
        apply(event, "Two", "two", "developer", "{\"company\": \"C\", \"stage\": \"seed\", \"lunch\": true}");
        Map<String, Object> ask = Map.of("answer", "stage:seed", "all", "true", "action", "decline");
        String confirm = Forms.submitAsAdmin(page(event), page(event), ask).asString();
        assertThat(confirm).contains(tix("en").decline_confirm_title(2), tix("en").decline_confirm_text());

        apply(event, "Late", "late", "developer", "{\"company\": \"C\", \"stage\": \"seed\", \"lunch\": true}");
        Response again = Forms.submitAsAdmin(page(event), page(event), hiddenFields(confirm));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.asString()).contains(tix("en").applications_changed(3), tix("en").decline_confirm_title(3), email("late"));
        assertThat(TestEvents.count(event, RegistrationStatus.APPLIED)).isEqualTo(3);

        Response done = Forms.submitAsAdmin(page(event), page(event), hiddenFields(again.asString()));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.header("Location")).contains("declined=3");
        assertThat(TestEvents.count(event, RegistrationStatus.DECLINED)).isEqualTo(3);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event)).isEqualTo(List.of(0L, 0L, 0L));

        // Without an action, "all" changes nothing either.
        apply(event, "Kept", "kept", "developer", "{\"company\": \"C\", \"stage\": \"seed\", \"lunch\": true}");
        Response none = Forms.submitAsAdmin(page(event), page(event), Map.of("all", "true", "confirmed", "true"));
        assertThat(none.header("Location")).contains("nothing=action");
        assertThat(Curated.status(event, email("kept"))).isEqualTo(RegistrationStatus.APPLIED);
    }

    @Test
    void aDrawEventsApplicationsAreNeitherListedNorDecidedAllAtOnce() {
        String slug = DrawFlowTest.createDrawEvent(3, TestClock.now().plus(Duration.ofHours(5)));
        DrawFlowTest.apply(slug, "Lot", email("lot"), "en");
        String page = "/admin/events/" + slug + "/applications";
        assertThat(get(page, "en")).contains(tix("en").applications_draw()).doesNotContain(email("lot"), "name=\"all\"");
        Forms.submitAsAdmin("/admin/events/" + slug, page, Map.of("all", "true", "action", "approve")).then().statusCode(409);
        Forms.submitAsAdmin("/admin/events/" + slug, page, Map.of("all", "true", "action", "decline", "confirmed", "true",
                "matching", "x")).then().statusCode(409);
        assertThat(TestEvents.byEmail(DrawFlowTest.event(slug), email("lot")).status).isEqualTo(RegistrationStatus.APPLIED);
    }

    @Test
    void theDoorGetsNoApplicationsAndDecidesNone() {
        Event event = approvalEventWithTypesAndQuestions();
        apply(event, "Door Test", "door", "developer", "{\"company\": \"C\", \"stage\": \"seed\", \"lunch\": true}");
        Account door = Organizers.create(Role.DOOR, Set.of(event.slug), false);
        String cookie = Organizers.password(door.email, Organizers.PASSWORD).getCookie("quarkus-credential");
        Organizers.page(cookie, page(event) + "?answer=stage:seed").then().statusCode(403);
        given().redirects().follow(false).cookie("quarkus-credential", cookie).contentType("application/x-www-form-urlencoded")
                .formParam("all", "true").formParam("action", "approve").formParam("answer", "stage:seed")
                .post(page(event)).then().statusCode(403);
        assertThat(Curated.status(event, email("door"))).isEqualTo(RegistrationStatus.APPLIED);
    }

    @Test
    void thePageLinksToAMessageForTheApplicants() {
        Event event = approvalEventWithTypesAndQuestions();
        apply(event, "Msg", "msg", "developer", "{\"company\": \"C\", \"stage\": \"seed\", \"lunch\": true}");
        assertThat(get(page(event), "en")).contains("<a href=\"/admin/events/" + event.slug + "/messages/new?group=APPLIED\">"
                + tix("en").message_applicants() + "</a>");
        assertThat(get(page(event), "ko")).contains(tix("ko").message_applicants());
    }

    private static TicketMsg tix(String lang) {
        return MessageBundles.get(TicketMsg.class, Localized.Literal.of(lang));
    }
}
