package eventdesk.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eventdesk.attendee.AttendeeTexts;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.Deliveries;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.web.Msg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer's desk with 300 people, on a desktop: sort by name (Hangul order) and by registered, filter to
 * those checked in, tick three and send their mail again through the confirm step (three mails), go to page 3
 * of 3; and the same table as cards on a Korean phone, with the new-event form (folded, then opened) there too.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AttendeeTableBrowserTest extends BrowserTest {

    /** Family names in 가나다 order, each person 성 + a number, registered in a shuffled order. */
    static final List<String> FAMILY = List.of("강", "김", "나", "도", "류", "문", "박", "서", "윤", "이", "정", "최", "한");

    GreenMail greenMail;

    @Inject
    Outbox outbox;

    @Test
    void threeHundredPeopleSortedFilteredPagedAndThreeMailedAgainInBulk() {
        Ui ui = Ui.EN;
        Msg m = ui.msg();
        AttendeeTexts desk = MessageBundles.get(AttendeeTexts.class, Localized.Literal.of("en"));
        Event event = BrowserEvents.create(300, true);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) names.add(FAMILY.get((i * 7) % FAMILY.size()) + "민" + String.format("%03d", i));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ids.add(TestEvents.insert(event, names.get(i), "desk" + i + "." + tag + "@example.com", "Startup " + i,
                    RegistrationStatus.CONFIRMED));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < ids.size(); i++) {
                Registration r = Registration.findById(ids.get(i));
                r.createdAt = TestClock.now().minus(Duration.ofDays(3)).plusSeconds(i * 60L);
                if (i % 50 == 7) r.checkedInAt = TestClock.now();
            }
        });
        List<String> byName = names.stream().sorted().toList();

        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            page.navigate(app + "admin/events/" + event.slug);
            page.getByLabel(m.login_username(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByLabel(m.login_password(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.login_button()).setExact(true)).click();
            Locator rows = page.locator("table.desk tbody tr");
            assertThat(rows).hasCount(100);
            assertThat(page.locator("#totals")).hasText(desk.totals(300, 300, 1, 3));
            // One dense row per person across the desktop: an address stays whole on its line.
            assertThat(rows.first().locator("td.email")).hasText("desk0." + tag + "@example.com");
            step(page, "desk", "01-table", ui);
            if (Chromium.EVERY_STEP) page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("desk-01-table-300-en-1280-view.png")));
            double rowHeight = rows.nth(1).boundingBox().height;
            assertThat(rowHeight).as("height of a row").isLessThan(60);

            Locator header = page.locator("table.desk thead");
            header.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(m.col_name())).click();
            assertThat(page.locator("table.desk thead th[aria-sort=ascending]")).containsText(m.col_name());
            assertThat(rows.nth(0).locator("td").nth(1)).containsText(byName.get(0));
            assertThat(rows.nth(1).locator("td").nth(1)).containsText(byName.get(1));
            assertThat(rows.nth(99).locator("td").nth(1)).containsText(byName.get(99));

            header.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(desk.col_registered())).click();
            header.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(desk.col_registered())).click();
            assertThat(page.locator("table.desk thead th[aria-sort=descending]")).containsText(desk.col_registered());
            assertThat(rows.nth(0).locator("td").nth(1)).containsText(names.get(299));

            page.getByLabel(desk.filter_checked_in(), new Page.GetByLabelOptions().setExact(true)).selectOption("yes");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.filter_button()).setExact(true)).click();
            assertThat(rows).hasCount(6);
            assertThat(page.locator("#totals")).hasText(desk.totals(6, 300, 1, 1));
            assertThat(rows.nth(0).locator("td").nth(1)).containsText(names.get(257));
            step(page, "desk", "02-checked-in", ui);

            page.getByLabel(desk.filter_checked_in(), new Page.GetByLabelOptions().setExact(true)).selectOption("");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.filter_button()).setExact(true)).click();
            assertThat(rows).hasCount(100);
            for (int i = 0; i < 3; i++) {
                page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(desk.select_row(names.get(299 - i))).setExact(true)).check();
            }
            page.getByLabel(desk.bulk_action(), new Page.GetByLabelOptions().setExact(true)).selectOption("RESEND");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(desk.bulk_continue()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(desk.resend_question(3));
            assertThat(page.locator(".confirm-people li")).hasCount(3);
            step(page, "desk", "03-confirm", ui);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(desk.resend_button(3)).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText(desk.done_resent("3"));
            // Back where the organizer was: sorted by registered, newest first.
            assertThat(page.locator("table.desk thead th[aria-sort=descending]")).containsText(desk.col_registered());
            Deliveries.deliver(outbox);
            for (int i = 0; i < 3; i++) {
                assertThat(Mailbox.to(greenMail, "desk" + (299 - i) + "." + tag + "@example.com")).as("mail of " + (299 - i)).hasSize(1);
            }
            assertThat(Mailbox.to(greenMail, "desk296." + tag + "@example.com")).isEmpty();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(desk.last_page()).setExact(true)).click();
            assertThat(page.locator("#totals")).hasText(desk.totals(300, 300, 3, 3));
            assertThat(rows).hasCount(100);
            assertThat(rows.nth(99).locator("td").nth(1)).containsText(names.get(0));
            step(page, "desk", "04-page-3", ui);
        }

        Ui ko = Ui.KO;
        AttendeeTexts deskKo = MessageBundles.get(AttendeeTexts.class, Localized.Literal.of("ko"));
        try (BrowserContext context = chromium.visitor(ko, true)) {
            Page page = context.newPage();
            page.navigate(app + "admin/events/" + event.slug + "?checkedIn=yes");
            page.getByLabel(ko.msg().login_username(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByLabel(ko.msg().login_password(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ko.msg().login_button()).setExact(true)).click();
            page.navigate(app + "admin/events/" + event.slug + "?checkedIn=yes");
            assertThat(page.locator("#totals")).hasText(deskKo.totals(6, 300, 1, 1));
            assertThat(page.locator("table.desk tbody tr").first()).containsText(deskKo.status(RegistrationStatus.CONFIRMED));
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as("no sideways scrolling on a phone").isEqualTo(false);
            step(page, "desk", "05-phone", ko);

            // The new-event form on the same phone: the first part, then every folded part opened.
            page.navigate(app + "admin/events/new");
            step(page, "desk", "06-new-event-phone", ko);
            for (Locator summary : page.locator("details.form-section > summary").all()) summary.click();
            assertThat(page.locator("details.form-section[open]")).hasCount(5);
            step(page, "desk", "07-new-event-open-phone", ko);
            assertThat(page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth"))
                    .as("no sideways scrolling on the new-event form").isEqualTo(false);
        }
    }
}
