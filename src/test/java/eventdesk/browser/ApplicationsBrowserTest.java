package eventdesk.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import eventdesk.event.Event;
import eventdesk.message.MessageTexts;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.testing.TestQuestions;
import eventdesk.web.Msg;
import eventdesk.web.TicketMsg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer decides on applications without JavaScript, on a phone in Korean and on a laptop in
 * English: each applicant's type and answers are in their card or row, a filter by answer narrows the
 * list, "all matching" asks with the number first and then approves exactly those, and the page leads to
 * a message for the applicants still waiting.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class ApplicationsBrowserTest extends BrowserTest {

    @ParameterizedTest
    @EnumSource(Ui.class)
    void anOrganizerFiltersByAnAnswerApprovesAllMatchingAndMessagesTheRest(Ui ui) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String slug = "apps-" + tag;
        Instant now = TestClock.now();
        given().auth().preemptive().basic("admin", "admin").contentType("application/json").body("""
                {"slug": "%s", "title": "Founders Day", "titleKo": "파운더스 데이", "venue": "COEX", "address": "Seoul",
                 "startsAt": "%s", "endsAt": "%s", "capacity": 50, "waitlistEnabled": true, "registrationOpensAt": "%s",
                 "approvalRequired": true, "ticketTypes": [
                  {"key": "founder", "name": "Founder", "nameKo": "창업자", "capacity": 30, "held": 0},
                  {"key": "developer", "name": "Developer", "nameKo": "개발자", "capacity": 20, "held": 0}]}"""
                .formatted(slug, kst(now.plus(Duration.ofDays(40))), kst(now.plus(Duration.ofDays(40)).plus(Duration.ofHours(8))),
                        kst(now.minus(Duration.ofHours(1)))))
                .post("/api/admin/events").then().statusCode(201);
        Event event = QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).orElseThrow());
        TestQuestions.set(event, TestQuestions.ALL_TYPES);
        String pitch = "우리는 서울에서 개발자 도구를 만듭니다. " + "Long answers wrap inside the card. ".repeat(12);
        apply(slug, "김서연", "seoyeon." + tag + "@example.kr", "founder",
                "{\"company\": \"당근\", \"stage\": \"seed\", \"lunch\": true, \"raised\": \"10억\", \"pitch\": \"" + pitch + "\"}");
        apply(slug, "Alex Park", "alex." + tag + "@example.com", "developer",
                "{\"company\": \"Toss\", \"stage\": \"seed\", \"lunch\": false, \"tracks\": [\"ai\", \"web\"]}");
        apply(slug, "이도윤", "doyun." + tag + "@example.kr", "developer",
                "{\"company\": \"Kakao\", \"stage\": \"idea\", \"lunch\": true}");

        Msg msg = ui.msg();
        TicketMsg tix = MessageBundles.get(TicketMsg.class, Localized.Literal.of(ui.code));
        // The phone works without JavaScript; the laptop runs it, so axe-core audits each step.
        try (BrowserContext context = chromium.visitor(ui, ui == Ui.EN)) {
            Page page = context.newPage();
            page.navigate(app + "admin/events/" + slug + "/applications");
            page.getByLabel(msg.login_username(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByLabel(msg.login_password(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg.login_button()).setExact(true)).click();
            settle(page, ".*/admin/events/" + slug + "/applications");
            assertThat(page.locator("#applications-count")).hasText(tix.applications_count(3, 3));
            Locator seoyeon = page.locator("tr", new Page.LocatorOptions().setHasText("seoyeon." + tag));
            assertThat(seoyeon).containsText(ui == Ui.KO ? "창업자" : "Founder");
            assertThat(seoyeon.locator("dl.answers")).containsText(ui == Ui.KO ? "시드" : "Seed");
            assertThat(seoyeon.locator("dl.answers")).containsText("우리는 서울에서 개발자 도구를 만듭니다.");
            assertThat(page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling")
                    .isEqualTo(page.viewportSize().width);
            Chromium.step(page, "applications", "01-list", ui);

            page.getByLabel(tix.filter_answer(), new Page.GetByLabelOptions().setExact(true)).selectOption("stage:seed");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(msg.filter_button()).setExact(true)).click();
            settle(page, ".*/applications\\?.*answer=stage%3Aseed.*");
            assertThat(page.locator("#applications-count")).hasText(tix.applications_count(2, 3));
            assertThat(page.getByText("doyun." + tag)).hasCount(0);
            page.getByLabel(tix.select_all(2)).check();
            Chromium.step(page, "applications", "02-filtered", ui);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(tix.approve_button()).setExact(true)).click();
            page.waitForLoadState(LoadState.LOAD);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(tix.approve_all_confirm_title(2));
            assertThat(page.locator("ul.confirm-people li")).hasCount(2);
            Chromium.step(page, "applications", "03-confirm", ui);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(tix.approve_all_confirm_button(2)).setExact(true)).click();
            settle(page, ".*/applications\\?.*approved=2.*");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText(tix.approved_done(2, 0, 0));
            assertThat(page.locator("#applications-count")).hasText(tix.applications_count(0, 1));
            Chromium.step(page, "applications", "04-approved", ui);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(tix.message_applicants()).setExact(true)).click();
            settle(page, ".*/messages/new\\?group=APPLIED");
            MessageTexts gm = MessageBundles.get(MessageTexts.class, Localized.Literal.of(ui.code));
            assertThat(page.getByLabel(gm.field_group(), new Page.GetByLabelOptions().setExact(true))).hasValue("APPLIED");
            Chromium.step(page, "applications", "05-message", ui);
        }
        assertThat(TestEvents.byEmail(event, "seoyeon." + tag + "@example.kr").status).isEqualTo(RegistrationStatus.PENDING);
        assertThat(TestEvents.byEmail(event, "alex." + tag + "@example.com").status).isEqualTo(RegistrationStatus.PENDING);
        assertThat(TestEvents.byEmail(event, "doyun." + tag + "@example.kr").status).isEqualTo(RegistrationStatus.APPLIED);
        assertThat(TestEvents.counters(event)).isEqualTo(TestEvents.recount(event));
    }

    private static void apply(String slug, String name, String email, String type, String answers) {
        given().contentType("application/json").body("""
                {"name": "%s", "email": "%s", "affiliation": "Seoul Startups", "role": "FOUNDER", "locale": "ko",
                 "consent": true, "ticketType": "%s", "answers": %s}""".formatted(name, email, type, answers))
                .post("/api/events/" + slug + "/registrations").then().statusCode(202);
    }

    private static String kst(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(9)).toString();
    }

    private static void settle(Page page, String urlPattern) {
        try {
            page.waitForURL(Pattern.compile(urlPattern), new Page.WaitForURLOptions().setTimeout(30_000));
            page.waitForLoadState(LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(30_000));
        } catch (RuntimeException e) {
            Chromium.fullPage(page, Chromium.SCREENSHOTS.resolve("applications-failed-at-" + System.nanoTime() + ".png"));
            throw new AssertionError("expected " + urlPattern + " but at " + page.url(), e);
        }
    }
}
