package eventdesk.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import eventdesk.event.Event;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.registration.Role;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.web.Kst;
import eventdesk.web.Msg;
import eventdesk.web.TicketMsg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A curated event in real Chromium: the organizer sets up Founders Day with two ticket types and
 * approval on a laptop (English), makes invitation codes, then a visitor applies in Korean on a
 * phone (390×844), and the organizer approves. Screenshots also go to /tmp/shots-types/.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class CuratedEventBrowserTest extends BrowserTest {

    @Test
    void anOrganizerSetsUpTwoTypesWithApprovalAndAVisitorAppliesInKoreanOnAPhone() throws Exception {
        Msg en = Ui.EN.msg();
        TicketMsg tixEn = tix("en");
        eventdesk.admin.EventFormTexts evf = MessageBundles.get(eventdesk.admin.EventFormTexts.class, Localized.Literal.of("en"));
        String slug = "founders-day-" + UUID.randomUUID().toString().substring(0, 6);
        String starts = Kst.input(TestClock.now().plus(Duration.ofDays(40)));
        String ends = Kst.input(TestClock.now().plus(Duration.ofDays(40)).plus(Duration.ofHours(8)));

        try (BrowserContext context = chromium.visitor(Ui.EN, true)) {
            Page page = context.newPage();
            page.onConsoleMessage(msg -> System.out.println("curated browser console: " + msg.type() + " " + msg.text()));
            page.navigate(app + "admin/events/new");
            page.getByLabel(en.login_username(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByLabel(en.login_password(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(en.login_button()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(en.edit_title_new());

            page.getByLabel(en.field_slug(), new Page.GetByLabelOptions().setExact(true)).fill(slug);
            page.getByLabel(en.field_title_en(), new Page.GetByLabelOptions().setExact(true)).fill("Founders Day Seoul");
            page.getByLabel(en.field_title_ko(), new Page.GetByLabelOptions().setExact(true)).fill("파운더스 데이 서울");
            page.getByLabel(en.field_venue(), new Page.GetByLabelOptions().setExact(true)).fill("COEX Conference Room 300");
            page.getByLabel(en.field_address(), new Page.GetByLabelOptions().setExact(true)).fill("513 Yeongdong-daero, Gangnam-gu, Seoul");
            page.getByLabel(en.field_starts(), new Page.GetByLabelOptions().setExact(true)).fill(starts);
            page.getByLabel(en.field_ends(), new Page.GetByLabelOptions().setExact(true)).fill(ends);
            page.getByLabel(en.field_capacity(), new Page.GetByLabelOptions().setExact(true)).fill("300");
            // A simple event needs only the first part; the advanced parts are folded, each saying what is on.
            Locator approval = page.locator("details#approval");
            assertThat(approval.locator("summary")).containsText(evf.approval_off());
            approval.locator("summary").click();
            page.getByLabel(tixEn.field_approval()).check();
            // The new-event form starts at Draft; this event goes public at once.
            page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(en.field_status()).setExact(true))
                    .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(MessageBundles.get(
                            eventdesk.event.EventLabels.class, Localized.Literal.of("en")).status(eventdesk.event.EventStatus.published)))
                    .check();
            Locator types = page.locator("details#types");
            assertThat(types.locator("summary")).containsText(evf.types_none());
            types.locator("summary").click();
            // One empty type row to start with; "Add another ticket type" brings a second, keeping what was typed.
            assertThat(page.locator("fieldset.type-row")).hasCount(1);
            Locator first = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(tixEn.edit_type_legend(1)));
            first.getByLabel(tixEn.field_type_key(), new Locator.GetByLabelOptions().setExact(true)).fill("founder");
            first.getByLabel(tixEn.field_type_name(), new Locator.GetByLabelOptions().setExact(true)).fill("Founder");
            first.getByLabel(tixEn.field_type_name_ko(), new Locator.GetByLabelOptions().setExact(true)).fill("창업자");
            first.getByLabel(tixEn.field_type_capacity(), new Locator.GetByLabelOptions().setExact(true)).fill("200");
            first.getByLabel(tixEn.field_type_held(), new Locator.GetByLabelOptions().setExact(true)).fill("10");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(evf.add_type()).setExact(true)).click();
            assertThat(page.locator("fieldset.type-row")).hasCount(2);
            assertThat(page.locator("details#types")).hasAttribute("open", "");
            assertThat(page.getByLabel(en.field_slug(), new Page.GetByLabelOptions().setExact(true))).hasValue(slug);
            assertThat(page.getByLabel(tixEn.field_approval())).isChecked();
            assertThat(first.getByLabel(tixEn.field_type_held(), new Locator.GetByLabelOptions().setExact(true))).hasValue("10");
            assertThat(page.locator("details#types summary")).containsText("Founder 200");
            assertThat(QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).isPresent())).as("nothing saved yet").isFalse();
            Locator second = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(tixEn.edit_type_legend(2)));
            second.getByLabel(tixEn.field_type_key(), new Locator.GetByLabelOptions().setExact(true)).fill("developer");
            second.getByLabel(tixEn.field_type_name(), new Locator.GetByLabelOptions().setExact(true)).fill("Developer");
            second.getByLabel(tixEn.field_type_name_ko(), new Locator.GetByLabelOptions().setExact(true)).fill("개발자");
            second.getByLabel(tixEn.field_type_capacity(), new Locator.GetByLabelOptions().setExact(true)).fill("100");
            shot(page, "01-organizer-new-event-en-1280");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(en.save_button()).setExact(true)).click();
            settle(page, ".*/admin/events/" + slug + "/edit\\?saved=true");

            assertThat(page.getByRole(AriaRole.STATUS)).containsText(en.edit_saved());
            assertThat(page.locator("details#types summary")).containsText(evf.types(2, "Founder 200, Developer 100"));
            page.locator("details#types summary").click();
            assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(tixEn.edit_type_legend(1)))
                    .getByLabel(tixEn.field_type_key(), new Locator.GetByLabelOptions().setExact(true))).hasValue("founder");
            shot(page, "02-organizer-saved-en-1280");
            Event event = QuarkusTransaction.requiringNew().call(() -> {
                Event e = Event.bySlug(slug).orElseThrow();
                e.ticketTypes.size();
                return e;
            });
            assertThat(event.approvalRequired).isTrue();
            assertThat(event.ticketTypes).extracting(t -> t.key + ":" + t.capacity + ":" + t.held)
                    .containsExactly("founder:200:10", "developer:100:0");

            page.navigate(app + "admin/events/" + slug + "/codes");
            page.getByLabel(tixEn.field_code_count(), new Page.GetByLabelOptions().setExact(true)).fill("2");
            // The first form makes codes to hand out; the second (mailing them) has a ticket type field of its own.
            Locator make = page.locator("form").filter(new Locator.FilterOptions().setHas(page.locator("#ticketType")));
            make.getByLabel(tixEn.field_type(), new Locator.GetByLabelOptions().setExact(true)).selectOption("founder");
            make.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(tixEn.codes_create()).setExact(true)).click();
            page.waitForLoadState(LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(30_000));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText(tixEn.codes_created().substring(0, 20));
            assertThat(page.locator("ul.codes li")).hasCount(2);
            shot(page, "03-organizer-codes-en-1280");
        }

        Msg ko = Ui.KO.msg();
        TicketMsg tixKo = tix("ko");
        String email = "jiwoo." + UUID.randomUUID().toString().substring(0, 6) + "@example.kr";
        try (BrowserContext context = chromium.visitor(Ui.KO, true)) {
            Page page = context.newPage();
            page.navigate(app + "events/" + slug);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("파운더스 데이 서울");
            assertThat(page.getByText(tixKo.approval_notice())).isVisible();
            assertThat(page.getByText(tixKo.type_seats_left("창업자", 190))).isVisible();
            assertThat(page.getByText(tixKo.type_seats_left("개발자", 100))).isVisible();
            shot(page, "04-visitor-event-ko-390");
            assertThat(page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling").isEqualTo(390);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(tixKo.submit_apply()).setExact(true)).click();
            settle(page, ".*/events/" + slug + "/registrations");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText(tixKo.error_type_required());
            shot(page, "05-visitor-errors-ko-390");

            // "창업자" is both a ticket type and a role here: each radio is picked inside its own group.
            page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(tixKo.field_type()).setExact(true))
                    .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("창업자")).check();
            page.getByLabel(ko.field_name(), new Page.GetByLabelOptions().setExact(true)).fill("최지우");
            page.getByLabel(ko.field_email(), new Page.GetByLabelOptions().setExact(true)).fill(email);
            page.getByLabel(ko.field_affiliation(), new Page.GetByLabelOptions().setExact(true)).fill("당근");
            page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(ko.field_role()).setExact(true))
                    .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(Ui.KO.labels().role(Role.FOUNDER))).check();
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(ko.consent_label())).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(tixKo.submit_apply()).setExact(true)).click();
            settle(page, ".*/events/" + slug + "/thanks.*");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(tixKo.thanks_applied_title());
            shot(page, "06-visitor-applied-ko-390");
        }
        Registration applied = QuarkusTransaction.requiringNew().call(() -> {
            Registration r = Registration.find("emailNormalized", email).firstResult();
            r.ticketType.key.length();
            return r;
        });
        assertThat(applied.status).isEqualTo(RegistrationStatus.APPLIED);
        assertThat(applied.ticketType.key).isEqualTo("founder");

        try (BrowserContext context = chromium.visitor(Ui.KO, 390, 844, true)) {
            Page page = context.newPage();
            page.navigate(app + "admin/events/" + slug + "/applications");
            page.getByLabel(ko.login_username(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByLabel(ko.login_password(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ko.login_button()).setExact(true)).click();
            settle(page, ".*/admin/events/" + slug + "/applications");
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(tixKo.select_label("최지우"))).check();
            shot(page, "07-organizer-applications-ko-390");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(tixKo.approve_button()).setExact(true)).click();
            settle(page, ".*/applications\\?approved=.*");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText(tixKo.approved_done(1, 0, 0));
            shot(page, "08-organizer-approved-ko-390");
        }
        assertThat(TestEvents.byEmail(QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).orElseThrow()), email).status)
                .isEqualTo(RegistrationStatus.PENDING);
    }

    /** Waits (generously: the build machine is busy) for the page a click leads to; a screenshot shows where it went instead. */
    private static void settle(Page page, String urlPattern) throws Exception {
        try {
            page.waitForURL(Pattern.compile(urlPattern), new Page.WaitForURLOptions().setTimeout(30_000));
            page.waitForLoadState(LoadState.LOAD, new Page.WaitForLoadStateOptions().setTimeout(30_000));
        } catch (RuntimeException e) {
            Chromium.fullPage(page, Chromium.SCREENSHOTS.resolve("curated-failed-at-" + System.nanoTime() + ".png"));
            throw new AssertionError("expected " + urlPattern + " but at " + page.url(), e);
        }
    }

    /** The audited step of every browser test. */
    private static void shot(Page page, String name) {
        Chromium.step(page, "curated", name, page.locator("html").getAttribute("lang").equals("ko") ? Ui.KO : Ui.EN);
    }

    private static TicketMsg tix(String lang) {
        return MessageBundles.get(TicketMsg.class, Localized.Literal.of(lang));
    }
}
