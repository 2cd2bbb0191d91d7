package eventdesk.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import eventdesk.attendee.ImportTexts;
import eventdesk.event.Event;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.TestEvents;
import eventdesk.web.Msg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer imports a list of invitees from the attendee page: chooses the file and what happens, reads the
 * preview (the bad row named, nothing stored) and confirms. In Korean on a 320 px phone without JavaScript, in
 * English on a laptop with the accessibility audit.
 */
@QuarkusTest
class ImportBrowserTest extends BrowserTest {

    @ParameterizedTest
    @EnumSource(Ui.class)
    void importAListAfterItsPreview(Ui ui) {
        Msg m = ui.msg();
        ImportTexts t = MessageBundles.get(ImportTexts.class, Localized.Literal.of(ui.code));
        boolean phone = ui == Ui.KO;
        int width = phone ? 320 : ui.width;
        Event event = BrowserEvents.create(20, true);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String csv = "이름,이메일,소속,역할\r\n"
                + "김민지,minji." + tag + "@example.com,카이스트,학생\r\n"
                + "Lee Junho,junho." + tag + "@example.com,Toss Payments Corporation Seoul,developer\r\n"
                + "Bad Address,not-an-address." + tag + ",Nowhere,other\r\n";

        try (BrowserContext context = chromium.visitor(ui, width, ui.height, !phone)) {
            Page page = context.newPage();
            page.navigate(app + "admin");
            page.getByLabel(m.login_username(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByLabel(m.login_password(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.login_button()).setExact(true)).click();
            page.navigate(app + "admin/events/" + event.slug);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(t.link()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText(t.title(BrowserEvents.title(event, ui)));
            step(page, "import", "01-form", ui);
            assertThat(page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling").isEqualTo(width);

            page.getByLabel(t.field_file()).setInputFiles(new FilePayload("invitees.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
            page.getByLabel(t.mode_confirmed(), new Page.GetByLabelOptions().setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.preview_button()).setExact(true)).click();

            assertThat(page.getByRole(AriaRole.STATUS)).containsText(t.counts(2, 1));
            assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(t.problems_title())))
                    .containsText(t.p_email_invalid());
            step(page, "import", "02-preview", ui);
            assertThat(page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling").isEqualTo(width);
            assertThat(TestEvents.registrations(event)).as("nothing stored by the preview").isEmpty();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.confirm_confirmed(2)).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText(t.result_confirmed(2));
            step(page, "import", "03-done", ui);
            assertThat(page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling").isEqualTo(width);
        }
        assertThat(TestEvents.registrations(event)).hasSize(2).allMatch(r -> r.status == RegistrationStatus.CONFIRMED);
    }
}
