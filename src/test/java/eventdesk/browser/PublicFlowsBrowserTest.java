package eventdesk.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.TestEvents;
import eventdesk.registration.RegistrationStatus;
import eventdesk.registration.Role;
import eventdesk.web.Msg;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a visitor clicks through in real Chromium: Korean on a 390 px phone and English on a
 * 1280 px laptop, the sign-up path also without JavaScript. Mail goes to a real SMTP server.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class PublicFlowsBrowserTest extends BrowserTest {

    @Inject
    Outbox outbox;

    GreenMail greenMail;


    @ParameterizedTest(name = "{0}, JavaScript {1}")
    @CsvSource({"KO, true", "EN, true", "KO, false", "EN, false"})
    void signUpConfirmByTheEmailedLinkThenCancelFromTheManageLink(Ui ui, boolean javaScript) throws Exception {
        Msg m = ui.msg();
        Event event = BrowserEvents.create(20, true);
        String title = BrowserEvents.title(event, ui);
        String email = "minjun." + unique() + "@example.com";
        String flow = javaScript ? "signup" : "signup-nojs";
        try (BrowserContext context = chromium.visitor(ui, javaScript)) {
            Page page = context.newPage();

            page.navigate(app.toString());
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.list_title());
            step(page, flow, "01-list", ui);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(title);
            assertThat(page.getByText(m.event_capacity(20, 20))).isVisible();
            step(page, flow, "02-event", ui);

            fillSignUp(page, ui, ui == Ui.KO ? "김민준" : "Jane Doe", email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.submit_register()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.thanks_pending_title());
            assertThat(page.getByText(m.thanks_pending_text())).isVisible();
            step(page, flow, "03-result", ui);
            assertThat(TestEvents.byEmail(event, email).status).isEqualTo(RegistrationStatus.PENDING);

            eventdesk.testing.Deliveries.deliver(outbox);
            List<MimeMessage> mails = Mailbox.to(greenMail, email);
            assertThat(mails).hasSize(1);
            assertThat(Mailbox.subject(mails.get(0))).isEqualTo(m.mail_held_subject(title));
            String confirmLink = Forms.link(Mailbox.text(mails.get(0)), "http://localhost:8080/confirm/");

            page.navigate(BrowserEvents.local(confirmLink, app));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.confirm_title());
            step(page, flow, "04-confirm", ui);
            assertThat(TestEvents.byEmail(event, email).status).as("opening the link changes nothing").isEqualTo(RegistrationStatus.PENDING);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.confirm_button()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.confirmed_title());
            assertThat(page.getByText(m.confirmed_text(email))).isVisible();
            step(page, flow, "05-confirmed", ui);
            assertThat(TestEvents.byEmail(event, email).status).isEqualTo(RegistrationStatus.CONFIRMED);

            eventdesk.testing.Deliveries.deliver(outbox);
            mails = Mailbox.to(greenMail, email);
            assertThat(mails).hasSize(2);
            MimeMessage ticket = mails.get(1);
            assertThat(Mailbox.subject(ticket)).isEqualTo(m.mail_ticket_subject(title));
            assertThat(Mailbox.partTypes(ticket)).contains("image/png", "text/calendar");
            String manageLink = Forms.link(Mailbox.text(ticket), "http://localhost:8080/manage/");

            page.navigate(BrowserEvents.local(manageLink, app));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.manage_title());
            assertThat(page.getByText(ui.labels().status(RegistrationStatus.CONFIRMED), new Page.GetByTextOptions().setExact(true))).isVisible();
            step(page, flow, "06-manage", ui);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.cancel_button()).setExact(true)).click();
            assertThat(page.getByText(m.cancelled_text())).isVisible();
            assertThat(page.getByText(ui.labels().status(RegistrationStatus.CANCELLED), new Page.GetByTextOptions().setExact(true))).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.cancel_button()))).hasCount(0);
            step(page, flow, "07-cancelled", ui);
            assertThat(TestEvents.byEmail(event, email).status).isEqualTo(RegistrationStatus.CANCELLED);
        }
        eventdesk.testing.Deliveries.deliver(outbox);
        assertThat(Mailbox.to(greenMail, email)).hasSize(3)
                .last().satisfies(mail -> assertThat(Mailbox.subject(mail)).isEqualTo(m.mail_cancelled_subject(title)));
    }

    @ParameterizedTest
    @EnumSource(Ui.class)
    void aFullEventTakesPeopleOntoTheWaitlist(Ui ui) throws Exception {
        Msg m = ui.msg();
        Event event = BrowserEvents.create(1, true);
        TestEvents.insert(event, "First Comer", "first." + unique() + "@example.com", "Naver", RegistrationStatus.CONFIRMED);
        String title = BrowserEvents.title(event, ui);
        String email = "seoyeon." + unique() + "@example.com";
        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            page.navigate(app.toString());
            Locator card = page.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText(title));
            assertThat(card).containsText(m.seats_waitlist());
            card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title)).click();

            assertThat(page.getByText(m.waitlist_notice())).isVisible();
            step(page, "waitlist", "01-event", ui);
            fillSignUp(page, ui, ui == Ui.KO ? "이서연" : "Seo-yeon Lee", email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.submit_waitlist()).setExact(true)).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.thanks_waitlist_title());
            assertThat(page.getByText(m.thanks_waitlist_text(1))).isVisible();
            step(page, "waitlist", "02-result", ui);
        }
        assertThat(TestEvents.byEmail(event, email).status).isEqualTo(RegistrationStatus.WAITLISTED);
        eventdesk.testing.Deliveries.deliver(outbox);
        assertThat(Mailbox.to(greenMail, email)).singleElement()
                .satisfies(mail -> assertThat(Mailbox.subject(mail)).isEqualTo(m.mail_waitlisted_subject(title)));
    }

    @ParameterizedTest
    @EnumSource(Ui.class)
    void aWrongEmailIsShownNextToTheFieldWhichGetsTheFocusAndTypedValuesStay(Ui ui) {
        Msg m = ui.msg();
        Event event = BrowserEvents.create(10, true);
        String name = ui == Ui.KO ? "박지훈" : "Jane Doe";
        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            page.navigate(app + "events/" + event.slug);
            fillSignUp(page, ui, name, "jane@localhost");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.submit_register()).setExact(true)).click();

            Locator email = page.getByLabel(m.field_email(), new Page.GetByLabelOptions().setExact(true));
            Locator error = page.getByRole(AriaRole.PARAGRAPH).filter(new Locator.FilterOptions().setHasText(m.error_invalid_email()));
            assertThat(error).isVisible();
            assertThat(email).isFocused();
            assertThat(email).hasValue("jane@localhost");
            assertThat(email).hasAttribute("aria-invalid", "true");
            assertThat(email).hasAccessibleDescription(m.field_email_hint() + " " + m.error_invalid_email());
            assertThat(page.getByLabel(m.field_name(), new Page.GetByLabelOptions().setExact(true))).hasValue(name);
            assertThat(page.getByLabel(m.field_affiliation(), new Page.GetByLabelOptions().setExact(true))).hasValue("KAIST");
            assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(ui.labels().role(Role.DEVELOPER)))).isChecked();
            assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(m.consent_label()))).isChecked();
            Locator summary = page.getByRole(AriaRole.ALERT);
            assertThat(summary).containsText(m.form_errors_title());
            assertThat(summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(m.error_invalid_email()))).hasAttribute("href", "#email");

            // "Next to the field": the message sits right above the input, not only in the summary.
            var errorBox = error.boundingBox();
            var inputBox = email.boundingBox();
            assertThat(inputBox.y - (errorBox.y + errorBox.height)).as("gap between error and email field").isBetween(-1.0, 16.0);
            step(page, "bad-email", "01-error", ui);
            assertThat(TestEvents.registrations(event)).isEmpty();

            email.fill("jane." + unique() + "@example.com");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.submit_register()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.thanks_pending_title());
            assertThat(TestEvents.registrations(event)).hasSize(1);
        }
        eventdesk.testing.Deliveries.deliver(outbox);
    }

    @ParameterizedTest
    @EnumSource(Ui.class)
    void theHeaderLinkSwitchesTheLanguageAndItIsRemembered(Ui ui) {
        Ui other = ui == Ui.KO ? Ui.EN : Ui.KO;
        Event event = BrowserEvents.create(10, true);
        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            page.navigate(app + "events/" + event.slug);
            assertThat(page.getByLabel(ui.msg().field_name(), new Page.GetByLabelOptions().setExact(true))).isVisible();
            step(page, "lang-switch", "01-before", ui);

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(ui.msg().lang_switch_label()))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(ui.msg().lang_switch())).click();
            assertThat(page.locator("html")).hasAttribute("lang", other.code);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(BrowserEvents.title(event, other));
            assertThat(page.getByLabel(other.msg().field_name(), new Page.GetByLabelOptions().setExact(true))).isVisible();
            step(page, "lang-switch", "02-after", other);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(other.msg().back_to_list())).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(other.msg().list_title());
        }
    }

    static void fillSignUp(Page page, Ui ui, String name, String email) {
        Msg m = ui.msg();
        page.getByLabel(m.field_name(), new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel(m.field_email(), new Page.GetByLabelOptions().setExact(true)).fill(email);
        page.getByLabel(m.field_affiliation(), new Page.GetByLabelOptions().setExact(true)).fill("KAIST");
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(ui.labels().role(Role.DEVELOPER))).check();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(m.consent_label())).check();
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
