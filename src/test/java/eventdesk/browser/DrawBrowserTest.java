package eventdesk.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.registration.DrawMessages;
import eventdesk.registration.DrawService;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.Deliveries;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A draw as an applicant lives it in Chromium: apply (Korean on a phone, English on a laptop), verify
 * from the emailed link, the draw runs, then the result on the manage page and the public record.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class DrawBrowserTest extends BrowserTest {

    @Inject
    Outbox outbox;
    @Inject
    DrawService draws;

    GreenMail greenMail;

    @ParameterizedTest
    @EnumSource(Ui.class)
    void applyVerifyFromTheMailThenSeeTheResultAndTheRecord(Ui ui) throws Exception {
        DrawMessages d = MessageBundles.get(DrawMessages.class, Localized.Literal.of(ui.code));
        Instant drawAt = TestClock.now().plus(Duration.ofDays(3));
        Event event = TestEvents.update(BrowserEvents.create(2, false), e -> {
            e.makeDraw();
            e.drawAt = drawAt;
        });
        String title = BrowserEvents.title(event, ui);
        String email = "draw." + PublicFlowsBrowserTest.unique() + "@example.com";
        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            page.navigate(app + "events/" + event.slug);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(d.draw_title()))).isVisible();
            assertThat(page.getByText(event.drawCommitment)).isVisible();
            step(page, "draw", "01-event", ui);

            PublicFlowsBrowserTest.fillSignUp(page, ui, ui == Ui.KO ? "박지호" : "Jiho Park", email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(d.submit_apply()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(d.thanks_applied_title());
            step(page, "draw", "02-applied", ui);

            Deliveries.deliver(outbox);
            List<MimeMessage> mails = Mailbox.to(greenMail, email);
            assertThat(mails).hasSize(1);
            assertThat(Mailbox.subject(mails.get(0))).isEqualTo(d.mail_applied_subject(title));
            String text = Mailbox.text(mails.get(0));
            String reference = TestEvents.byEmail(event, email).reference;
            assertThat(text).contains(reference).contains(event.drawCommitment);

            page.navigate(BrowserEvents.local(Forms.link(text, "http://localhost:8080/verify/"), app));
            step(page, "draw", "03-verify", ui);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(d.verify_button()).setExact(true)).click();
            assertThat(page.getByText(d.verify_done(eventdesk.web.Kst.dateTime(drawAt, java.util.Locale.forLanguageTag(ui.code))))).isVisible();
            step(page, "draw", "04-verified", ui);

            TestClock.get().set(drawAt.plusSeconds(1));
            assertThat(draws.draw(event.id, TestClock.now())).isTrue();
            assertThat(TestEvents.byEmail(event, email).status).isEqualTo(RegistrationStatus.PENDING);

            page.navigate(BrowserEvents.local(Forms.link(text, "http://localhost:8080/manage/"), app));
            assertThat(page.getByText(d.manage_drawn(1))).isVisible();
            step(page, "draw", "05-result", ui);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(d.draw_record_link())).first().click();
            assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(reference))).isVisible();
            step(page, "draw", "06-record", ui);
        }
    }
}
