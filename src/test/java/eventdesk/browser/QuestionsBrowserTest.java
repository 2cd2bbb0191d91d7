package eventdesk.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eventdesk.event.Event;
import eventdesk.registration.Answers;
import eventdesk.registration.Role;
import eventdesk.testing.TestEvents;
import eventdesk.testing.TestQuestions;
import eventdesk.web.Msg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom questions as people meet them: an organizer adds one on the questions page, and a visitor
 * answers every kind of question on a phone, first with mistakes (each error next to its question),
 * then correctly. With step screenshots asked for, the filled form and the result are kept too.
 */
@QuarkusTest
class QuestionsBrowserTest extends BrowserTest {

    static void shot(Page page, String name, Ui ui) {
        Chromium.keep(page, "questions-" + name + "-" + ui.code + "-" + page.viewportSize().width + ".png");
    }

    @ParameterizedTest
    @EnumSource(Ui.class)
    void anOrganizerAddsAQuestionAndAVisitorAnswersEveryKindOnAPhone(Ui ui) {
        Msg m = ui.msg();
        boolean ko = ui == Ui.KO;
        Event event = TestQuestions.withAllTypes(BrowserEvents.create(30, true));
        String email = "answers." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        try (BrowserContext organizer = chromium.visitor(ui, true)) {
            Page page = organizer.newPage();
            page.navigate(app + "admin/events/" + event.slug + "/questions");
            page.getByLabel(m.login_username(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByLabel(m.login_password(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.login_button()).setExact(true)).click();
            page.navigate(app + "admin/events/" + event.slug + "/questions");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText(m.questions_title(BrowserEvents.title(event, ui)));
            Locator add = page.locator("section").filter(new Locator.FilterOptions().setHas(
                    page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(m.question_add_title()))));
            add.getByLabel(m.field_question_key(), new Locator.GetByLabelOptions().setExact(true)).fill("diet");
            add.getByLabel(m.field_question_type(), new Locator.GetByLabelOptions().setExact(true)).selectOption("CHOICE");
            add.getByLabel(m.field_question_label_en(), new Locator.GetByLabelOptions().setExact(true)).fill("Dietary needs");
            add.getByLabel(m.field_question_label_ko(), new Locator.GetByLabelOptions().setExact(true)).fill("식단");
            add.getByLabel(m.field_question_choices(), new Locator.GetByLabelOptions().setExact(true))
                    .fill("none|No needs|없음\nvegetarian|Vegetarian|채식");
            step(page, "questions", "01-organizer-adds", ui);
            add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(m.question_add_button())).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText(m.question_done_added());
            step(page, "questions", "02-organizer-added", ui);
        }

        try (BrowserContext visitor = chromium.visitor(ui, Ui.KO.width, Ui.KO.height, true)) {
            Page page = visitor.newPage();
            page.navigate(app + "events/" + event.slug);
            page.getByLabel(m.field_name(), new Page.GetByLabelOptions().setExact(true)).fill(ko ? "김하늘" : "Haneul Kim");
            page.getByLabel(m.field_email(), new Page.GetByLabelOptions().setExact(true)).fill(email);
            page.getByLabel(m.field_affiliation(), new Page.GetByLabelOptions().setExact(true)).fill("Toss");
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(ui.labels().role(Role.FOUNDER))).check();
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(m.consent_label())).check();
            // Mistakes: the company left empty, a number that is none.
            page.getByLabel(ko ? "팀 인원" : "Team size").pressSequentially("1e");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.submit_register()).setExact(true)).click();

            Locator company = page.getByLabel(ko ? "회사 이름" : "Company name", new Page.GetByLabelOptions().setExact(true));
            assertThat(company).hasAttribute("aria-invalid", "true");
            assertThat(company).isFocused();
            Locator stage = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(ko ? "회사 단계" : "Company stage"));
            assertThat(stage).containsText(m.error_required());
            assertThat(page.getByRole(AriaRole.ALERT)).containsText(ko ? "점심 식사: " + m.error_required() : "Lunch: " + m.error_required());
            assertThat(page.getByLabel(m.field_name(), new Page.GetByLabelOptions().setExact(true))).hasValue(ko ? "김하늘" : "Haneul Kim");
            step(page, "questions", "03-visitor-errors", ui);

            company.fill("Viva Republica, \"Toss\"");
            page.getByLabel(ko ? "한 줄 소개" : "Your pitch").fill(ko ? "송금을 쉽게\n두 줄째" : "Money made simple\nline two");
            stage.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(ko ? "시드" : "Seed")).check();
            Locator tracks = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(ko ? "관심 트랙" : "Which tracks"));
            tracks.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName(ko ? "웹" : "Web")).check();
            tracks.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName(ko ? "인프라" : "Infra")).check();
            page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(ko ? "점심 식사" : "Lunch"))
                    .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(m.answer_yes())).check();
            page.getByLabel(ko ? "팀 인원" : "Team size").fill("7");
            page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(ko ? "식단" : "Dietary needs"))
                    .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(ko ? "채식" : "Vegetarian")).check();
            shot(page, "04-visitor-filled", ui);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.submit_register()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.thanks_pending_title());
            shot(page, "05-visitor-done", ui);
        }

        Map<String, Object> answers = Answers.fromJson(TestEvents.byEmail(event, email).answers);
        assertThat(answers).containsEntry("company", "Viva Republica, \"Toss\"").containsEntry("stage", "seed")
                .containsEntry("tracks", List.of("web", "infra")).containsEntry("lunch", true)
                .containsEntry("diet", "vegetarian");
        assertThat(answers.get("team-size").toString()).isEqualTo("7");

        try (BrowserContext organizer = chromium.visitor(ui, true)) {
            Page page = organizer.newPage();
            page.navigate(app + "admin/events/" + event.slug);
            page.getByLabel(m.login_username(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByLabel(m.login_password(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.login_button()).setExact(true)).click();
            page.navigate(app + "admin/events/" + event.slug);
            page.getByText(m.col_answers(), new Page.GetByTextOptions().setExact(true)).first().click();
            assertThat(page.locator("details.answers").first()).containsText(ko ? "웹; 인프라" : "Web; Infra");
            step(page, "questions", "06-organizer-answers", ui);
        }
    }
}
