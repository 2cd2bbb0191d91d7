package eventdesk.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eventdesk.event.Event;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.TestEvents;
import eventdesk.web.Msg;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;
import static org.assertj.core.api.Assertions.assertThat;

/** The organizer in real Chromium: log in, watch the counts, export as CSV and Excel, check people in at the door on a phone. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class OrganizerBrowserTest extends BrowserTest {

    @ParameterizedTest
    @EnumSource(Ui.class)
    void logInSeeTheCountsExportTheCsvAndCheckSomeoneInOnAPhone(Ui ui) throws Exception {
        Msg m = ui.msg();
        Event event = BrowserEvents.create(30, true);
        String title = BrowserEvents.title(event, ui);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String attendee = (ui == Ui.KO ? "박서준 " : "Sam Park ") + tag;
        String email = "sam." + tag + "@example.com";
        TestEvents.insert(event, attendee, email, "Toss", RegistrationStatus.CONFIRMED);
        TestEvents.insert(event, "Pending Person " + tag, "pending." + tag + "@example.com", "Kakao", RegistrationStatus.PENDING);

        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            page.navigate(app + "admin");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.login_title());
            step(page, "admin", "01-login", ui);
            page.getByLabel(m.login_username(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByLabel(m.login_password(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.login_button()).setExact(true)).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.dash_title());
            Locator card = page.locator("section").filter(new Locator.FilterOptions().setHas(
                    page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))));
            assertThat(card).containsText(m.count_seats(2, 30));
            assertThat(card.getByRole(AriaRole.PROGRESSBAR)).hasAttribute("value", "6");
            step(page, "admin", "02-dashboard", ui);

            card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.attendees_title(title));
            assertThat(page.getByRole(AriaRole.TABLE)).containsText(attendee);
            step(page, "admin", "03-attendees", ui);

            page.getByLabel(m.export_reason_label(), new Page.GetByLabelOptions().setExact(true)).fill("name badges");
            Download download = page.waitForDownload(() ->
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.export_csv())).click());
            assertThat(download.suggestedFilename()).endsWith(".csv");
            byte[] csv = Files.readAllBytes(download.path());
            assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
            String text = new String(csv, StandardCharsets.UTF_8);
            assertThat(text.lines().count()).as("header and two rows").isEqualTo(3);
            assertThat(text).contains(attendee, email, "CONFIRMED", "PENDING");
            Download excel = page.waitForDownload(() ->
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.export_xlsx())).click());
            assertThat(excel.suggestedFilename()).endsWith(".xlsx");
            try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(excel.path()))) {
                Sheet sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(ui == Ui.KO ? "이름" : "Name");
                assertThat(sheet.getLastRowNum()).as("header and two rows").isEqualTo(2);
                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(attendee);
            }

            page.setViewportSize(390, 844);
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(m.admin_title()))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(m.admin_nav_checkin()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.checkin_title());
            assertThat(page.getByLabel(m.checkin_code())).isFocused();
            step(page, "checkin", "01-screen", ui);
            assertThat(page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling at the door").isEqualTo(390);

            page.getByLabel(m.checkin_search(), new Page.GetByLabelOptions().setExact(true)).fill(tag);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.filter_button()).setExact(true)).click();
            Locator match = page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(attendee));
            assertThat(match).isVisible();
            step(page, "checkin", "02-found", ui);
            match.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(m.action_checkin()).setExact(true)).click();

            assertThat(page.getByRole(AriaRole.STATUS)).containsText(m.checkin_ok());
            assertThat(page.getByRole(AriaRole.STATUS)).containsText(attendee);
            step(page, "checkin", "03-checked-in", ui);
            assertThat(TestEvents.byEmail(event, email).checkedInAt).isNotNull();

            page.getByLabel(m.checkin_search(), new Page.GetByLabelOptions().setExact(true)).fill(tag);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.filter_button()).setExact(true)).click();
            match = page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(attendee));
            assertThat(match).containsText(m.count_checked_in());
            assertThat(match.getByRole(AriaRole.BUTTON)).hasCount(0);
        }
    }
}
