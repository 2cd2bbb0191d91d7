package eventdesk.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eventdesk.attendee.GuestTexts;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.registration.RegistrationStatus;
import eventdesk.registration.Role;
import eventdesk.testing.Deliveries;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.TestEvents;
import eventdesk.web.Msg;
import eventdesk.web.TicketMsg;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer adds a walk-in from the attendee page and mails invitation codes from the codes page: in
 * Korean on a 320 px phone without JavaScript, in English on a laptop with the accessibility audit.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class GuestBrowserTest extends BrowserTest {

    GreenMail greenMail;
    @Inject
    Outbox outbox;

    @ParameterizedTest
    @EnumSource(Ui.class)
    void addAWalkInByHandAndMailCodesToAList(Ui ui) {
        Msg m = ui.msg();
        GuestTexts g = MessageBundles.get(GuestTexts.class, Localized.Literal.of(ui.code));
        TicketMsg tix = MessageBundles.get(TicketMsg.class, Localized.Literal.of(ui.code));
        boolean phone = ui == Ui.KO;
        int width = phone ? 320 : ui.width;
        Event event = BrowserEvents.create(20, true);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String walkIn = "walkin." + tag + "@example.com";

        try (BrowserContext context = chromium.visitor(ui, width, ui.height, !phone)) {
            Page page = context.newPage();
            page.navigate(app + "admin");
            page.getByLabel(m.login_username(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByLabel(m.login_password(), new Page.GetByLabelOptions().setExact(true)).fill("admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.login_button()).setExact(true)).click();
            page.navigate(app + "admin/events/" + event.slug);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(g.add_link()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText(g.title(BrowserEvents.title(event, ui)));
            step(page, "guests", "01-form", ui);
            assertThat(page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling").isEqualTo(width);

            page.getByLabel(m.field_name(), new Page.GetByLabelOptions().setExact(true)).fill(phone ? "현장 참가자 " + tag : "Walk-in " + tag);
            page.getByLabel(m.field_email(), new Page.GetByLabelOptions().setExact(true)).fill(walkIn);
            page.getByLabel(m.field_affiliation(), new Page.GetByLabelOptions().setExact(true)).fill("Door");
            page.getByLabel(ui.labels().role(Role.DEVELOPER), new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel(g.status_confirmed(), new Page.GetByLabelOptions().setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(g.submit()).setExact(true)).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText(m.attendees_title(BrowserEvents.title(event, ui)));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText(g.done_confirmed());
            assertThat(page.getByRole(AriaRole.TABLE)).containsText(walkIn);
            step(page, "guests", "02-added", ui);
            assertThat(TestEvents.byEmail(event, walkIn).status).isEqualTo(RegistrationStatus.CONFIRMED);

            page.navigate(app + "admin/events/" + event.slug + "/codes");
            String one = "one." + tag + "@example.com", two = "two." + tag + "@example.com";
            page.getByLabel(tix.field_code_emails(), new Page.GetByLabelOptions().setExact(true)).fill(one + "\n" + two + "\n");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(tix.codes_mail_button()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText(tix.codes_mailed(2));
            step(page, "guests", "03-codes-mailed", ui);
            assertThat(page.evaluate("document.documentElement.scrollWidth")).as("no sideways scrolling").isEqualTo(width);
        }
        Deliveries.deliver(outbox);
        assertThat(Mailbox.to(greenMail, walkIn)).hasSize(1);
    }
}
