package eventdesk.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eventdesk.chart.ChartTexts;
import eventdesk.event.Event;
import eventdesk.message.MessageTexts;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.web.Msg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer in real Chromium: writes a message to the confirmed people, previews it in both
 * languages with the exact count, sends it; after the event sends "thank you for coming" in one
 * click plus a confirm; and reads the charts.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class MessagesBrowserTest extends BrowserTest {

    private Duration clockOffset;

    @BeforeEach
    void saveClock() {
        clockOffset = TestClock.get().offset();
    }

    @AfterEach
    void restoreClock() {
        TestClock.get().restore(clockOffset);
    }

    /** Twelve sign-ups over a simulated week, most in the opening minutes; four confirmed, two of them came. */
    static Event eventWithSignUps(String tag) {
        Event event = TestEvents.update(BrowserEvents.create(8, true), e -> { });
        Instant opens = event.registrationOpensAt;
        long[] seconds = {3, 8, 15, 20, 42, 70, 300, 1800, 7200, 86400, 3 * 86400, 6 * 86400};
        for (int i = 0; i < seconds.length; i++) {
            TestClock.get().set(opens.plusSeconds(seconds[i]));
            RegistrationStatus status = i < 4 ? RegistrationStatus.CONFIRMED : i < 8 ? RegistrationStatus.PENDING : RegistrationStatus.WAITLISTED;
            long id = TestEvents.insert(event, "Person " + i + " " + tag, "p" + i + "." + tag + "@example.com", "Toss", status);
            int n = i;
            QuarkusTransaction.requiringNew().run(() -> {
                Registration r = Registration.findById(id);
                r.locale = n % 2 == 0 ? "ko" : "en";
            });
        }
        return event;
    }

    static void checkIn(Event event, String tag, int... people) {
        for (int i : people) {
            QuarkusTransaction.requiringNew().run(() -> Registration.<Registration>find("email", "p" + i + "." + tag + "@example.com")
                    .firstResult().checkedInAt = TestClock.now());
        }
    }

    static void logIn(Page page, String app, Msg m) {
        page.navigate(app + "admin");
        page.getByLabel(m.login_username(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
        page.getByLabel(m.login_password(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.login_button()).setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.dash_title());
    }

    @ParameterizedTest
    @EnumSource(Ui.class)
    void writePreviewAndSendAMessageThenThankThoseWhoCameAndReadTheCharts(Ui ui) {
        Msg m = ui.msg();
        MessageTexts t = MessageBundles.get(MessageTexts.class, Localized.Literal.of(ui.code));
        ChartTexts c = MessageBundles.get(ChartTexts.class, Localized.Literal.of(ui.code));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Event event = eventWithSignUps(tag);
        String title = BrowserEvents.title(event, ui);
        TestClock.get().restore(clockOffset);

        try (BrowserContext context = chromium.visitor(ui, true)) {
            context.setDefaultTimeout(30_000); // a loaded test machine answers a login in more than 10 s
            Page page = context.newPage();
            logIn(page, app.toString(), m);
            Locator card = page.locator("section").filter(new Locator.FilterOptions().setHas(
                    page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))));
            card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(t.messages_link()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(t.messages_title(title));
            step(page, "messages", "01-list-empty", ui);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(t.new_message()).setExact(true)).click();
            page.getByLabel(t.field_group()).selectOption("CONFIRMED");
            page.getByLabel(t.field_subject_ko()).fill("입장 안내");
            page.getByLabel(t.field_body_ko()).fill("9시 30분부터 입장합니다.\n지도: https://example.com/map");
            page.getByLabel(t.field_subject_en()).fill("Doors open at 9:30");
            page.getByLabel(t.field_body_en()).fill("Doors open at 9:30.\nMap: https://example.com/map");
            step(page, "messages", "02-form", ui);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.preview_button())).click();

            assertThat(page.locator("#recipient-count")).hasText(t.preview_count(4, ui == Ui.KO ? "확정" : "Confirmed"));
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("https://example.com/map")).first()).isVisible();
            step(page, "messages", "03-preview", ui);
            // An impatient double click submits twice: one message all the same.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.send_button(4))).dblclick();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText(t.detail_sent());
            assertThat(page.getByRole(AriaRole.TABLE)).containsText("Person 0 " + tag);
            assertThat(page.getByRole(AriaRole.TABLE).getByRole(AriaRole.ROW)).hasCount(5);
            step(page, "messages", "04-sent", ui);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(t.back_to_messages())).click();
            assertThat(page.getByRole(AriaRole.TABLE).getByRole(AriaRole.ROW)).hasCount(2);

            // The day after the event: two of the four confirmed people came.
            checkIn(event, tag, 0, 1);
            TestClock.get().set(event.endsAt.plus(Duration.ofHours(20)));
            String messages = page.url();
            page.reload();
            // Yesterday's session has ended (idle too long): the page asks for a sign-in, as it would the next day.
            assertThat(page.getByLabel(m.login_password(), new Page.GetByLabelOptions().setExact(true))).isVisible();
            logIn(page, app.toString(), m);
            page.navigate(messages);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(t.preset_thanks()).setExact(true)).click();
            assertThat(page.getByLabel(t.field_subject_en())).hasValue(
                    MessageBundles.get(MessageTexts.class, Localized.Literal.of("en")).preset_thanks_subject(event.title));
            step(page, "messages", "05-thanks-form", ui);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.preview_button())).click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.send_button(2))).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText(t.detail_sent());

            page.navigate(app + "admin/events/" + event.slug + "/charts");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(c.charts_title(title));
            Locator chart = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(c.signups_svg_title(title)));
            assertThat(chart).isVisible();
            assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(c.funnel_svg_title(title)))).isVisible();
            assertThat(page.locator(".show-rate")).hasText(c.show_rate(50, 2, 4));
            page.getByText(c.show_table()).click();
            assertThat(page.locator("#signups-table")).isVisible();
            step(page, "charts", "01-charts", ui);
        }
    }
}
