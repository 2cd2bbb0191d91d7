package eventdesk.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eventdesk.event.Event;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.registration.Role;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.web.Msg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two pictures of the README, taken from the running app so they always show the pages as they
 * are: a Korean visitor signing up on a 390 px phone, and the organizer's attendee page at 1280 px.
 * They are saved in target/screenshots; with {@code -Dscreenshots.dir=docs/images} they replace the
 * README's copies.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class DocScreenshotsBrowserTest extends BrowserTest {

    static final String SIGN_UP = "signup-ko-phone.png";
    static final String ATTENDEES = "organizer-attendees.png";

    @Test
    void aKoreanVisitorSeesTheSignUpFormInKoreanOnAPhone() throws IOException {
        Msg m = Ui.KO.msg();
        Event event = pictureEvent(120);
        TestEvents.insert(event, "김하늘", "haneul@example.com", "Toss", RegistrationStatus.CONFIRMED);

        try (BrowserContext context = chromium.visitor(Ui.KO, 390, 844, true)) {
            Page page = context.newPage();
            page.navigate(app + "events/" + event.slug);

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("서울 빌더스 나이트");
            Locator name = page.getByLabel(m.field_name(), new Page.GetByLabelOptions().setExact(true));
            Locator email = page.getByLabel(m.field_email(), new Page.GetByLabelOptions().setExact(true));
            Locator affiliation = page.getByLabel(m.field_affiliation(), new Page.GetByLabelOptions().setExact(true));
            assertThat(name).isVisible();
            assertThat(email).isVisible();
            assertThat(affiliation).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.submit_register()).setExact(true)))
                    .isVisible();
            assertThat(page.getByText(m.consent_title())).isVisible();

            name.fill("김민준");
            email.fill("minjun@example.com");
            affiliation.fill("당근");
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Ui.KO.labels().role(Role.DEVELOPER))).check();
            step(page, "docs", "signup", Ui.KO);
            // the picture shows the form's fields: the name field's block at the top of the screen
            page.evaluate("window.scrollTo(0, document.getElementById('name').closest('.field').getBoundingClientRect().top"
                    + " + window.scrollY - 16)");
            page.screenshot(new Page.ScreenshotOptions().setPath(picture(SIGN_UP)));
        }
        assertThat(Files.size(picture(SIGN_UP))).isPositive();
    }

    @Test
    void theOrganizerSeesEveryAttendeeWithStatusAndTheWaitlistInOrder() throws IOException {
        Msg m = Ui.EN.msg();
        Event event = pictureEvent(5);
        String[][] people = {
                {"Kim Min-jun", "minjun@example.com", "Daangn", "CONFIRMED", "DEVELOPER"},
                {"이서연", "seoyeon@example.com", "KAIST", "CONFIRMED", "STUDENT"},
                {"Jane Doe", "jane@example.com", "Primer Ventures", "CONFIRMED", "INVESTOR"},
                {"박지호", "jiho@example.com", "Toss", "PENDING", "DEVELOPER"},
                {"Sam Park", "sam@example.com", "Seoul Robotics", "PENDING", "FOUNDER"},
                {"최유나", "yuna@example.com", "Kakao", "WAITLISTED", "DEVELOPER"},
                {"Alex Lee", "alex@example.com", "Naver", "WAITLISTED", "OTHER"},
        };
        for (String[] p : people) {
            long id = TestEvents.insert(event, p[0], p[1], p[2], RegistrationStatus.valueOf(p[3]));
            QuarkusTransaction.requiringNew().run(() -> {
                Registration r = Registration.findById(id);
                r.role = Role.valueOf(p[4]);
                if (p[0].equals("Kim Min-jun")) r.checkedInAt = TestClock.now();
            });
        }

        try (BrowserContext context = chromium.visitor(Ui.EN, true)) {
            Page page = context.newPage();
            page.navigate(app + "admin/login");
            page.getByLabel(m.login_username(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByLabel(m.login_password(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.login_button()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.dash_title());

            page.navigate(app + "admin/events/" + event.slug);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText(m.attendees_title("Seoul Builders Night"));
            Locator rows = page.getByRole(AriaRole.TABLE).locator("tbody tr");
            assertThat(rows).hasCount(people.length);
            for (String[] p : people) assertThat(page.getByRole(AriaRole.TABLE)).containsText(p[0]);
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("Kim Min-jun")).locator("td[data-label='"
                    + MessageBundles.get(eventdesk.attendee.AttendeeTexts.class, Localized.Literal.of("en")).col_checked_in() + "']"))
                    .hasText(java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"));
            Locator waitlist = page.locator("section").filter(new Locator.FilterOptions().setHas(
                    page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(m.waitlist_title()))));
            assertThat(waitlist.getByRole(AriaRole.LISTITEM)).hasText(new String[]{"최유나 · yuna@example.com", "Alex Lee · alex@example.com"});
            step(page, "docs", "attendees", Ui.EN);
            Chromium.fullPage(page, picture(ATTENDEES));
        }
        assertThat(Files.size(picture(ATTENDEES))).isPositive();
    }

    /** An event that reads well in a picture: the same titles every run, open, starting in 40 days. */
    private static Event pictureEvent(int capacity) {
        Event e = BrowserEvents.create(capacity, true);
        return TestEvents.update(e, x -> {
            x.title = "Seoul Builders Night";
            x.titleKo = "서울 빌더스 나이트";
            x.startsAt = TestEvents.tenAmKst(40).plusHours(9).toInstant();
            x.endsAt = x.startsAt.plus(Duration.ofHours(3));
        });
    }

    /** Where a picture goes: {@code -Dscreenshots.dir} (e.g. docs/images) or target/screenshots. */
    static Path picture(String name) throws IOException {
        String dir = System.getProperty("screenshots.dir");
        Path folder = dir == null || dir.isBlank() ? Chromium.SCREENSHOTS : Path.of(dir);
        Files.createDirectories(folder);
        return folder.resolve(name);
    }
}
