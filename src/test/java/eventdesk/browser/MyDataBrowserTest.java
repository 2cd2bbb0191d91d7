package eventdesk.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.mail.OutboxMessage;
import eventdesk.mydata.MyDataTexts;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.Deliveries;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.TestEvents;
import eventdesk.testing.TestQuestions;
import eventdesk.web.Msg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person's own data on a Korean phone (390 px): from the footer to the form, the mailed link and its
 * button, the download of their data, a corrected affiliation, and erasure after the confirm step.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class MyDataBrowserTest extends BrowserTest {

    @Inject
    Outbox outbox;

    GreenMail greenMail;

    @Test
    void aPersonOpensTheirDataFromTheMailDownloadsItCorrectsTheirAffiliationAndErasesIt() throws Exception {
        Ui ui = Ui.KO;
        Msg m = ui.msg();
        MyDataTexts me = MessageBundles.get(MyDataTexts.class, Localized.Literal.of(ui.code));
        Event event = BrowserEvents.create(10, true);
        TestQuestions.set(event, """
                [{"key":"company","type":"TEXT","label":"Company name","labelKo":"회사 이름","required":false}]""");
        String title = BrowserEvents.title(event, ui);
        String email = "seoyeon." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        given().contentType("application/json").body("""
                {"name":"김서연","email":"%s","affiliation":"판교 랩스","role":"DEVELOPER","locale":"ko","consent":true,
                 "marketingConsent":true,"answers":{"company":"서연 스튜디오"}}""".formatted(email))
                .post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
        long id = TestEvents.byEmail(event, email).id;

        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            page.navigate(app.toString());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(me.footer_link()).setExact(true)).click();
            assertThat(h1(page)).hasText(me.title());
            step(page, "mydata", "01-ask", ui);

            page.getByLabel(me.email_label()).fill(email);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(me.send_button()).setExact(true)).click();
            assertThat(h1(page)).hasText(me.sent_title());
            step(page, "mydata", "02-sent", ui);

            await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                    OutboxMessage.count("kind = ?1 and recipient = ?2", "MY_DATA_LINK", email)) > 0);
            Deliveries.deliver(outbox);
            String mail = Mailbox.text(Mailbox.to(greenMail, email).stream()
                    .filter(x -> Mailbox.subject(x).equals(me.mail_subject())).findFirst().orElseThrow());
            page.navigate(BrowserEvents.local(Forms.link(mail, "http://localhost:8080/me/"), app));
            assertThat(h1(page)).hasText(me.open_title());
            step(page, "mydata", "03-link", ui);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(me.open_button()).setExact(true)).click();
            assertThat(h1(page)).hasText(me.title());
            Locator registration = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(title).setExact(true));
            assertThat(registration.getByText("서연 스튜디오")).isVisible();
            step(page, "mydata", "04-list", ui);

            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName(me.download()).setExact(true)).click());
            assertThat(download.suggestedFilename()).isEqualTo("my-data.json");
            String json = Files.readString(download.path());
            assertThat(json).contains(email).contains("김서연").contains("판교 랩스").contains("서연 스튜디오").contains(event.slug);

            registration.getByLabel(m.field_affiliation()).fill("서울 로보틱스");
            registration.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(me.save_button()).setExact(true)).click();
            assertThat(page.getByText(me.done_corrected())).isVisible();
            assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(title).setExact(true))
                    .getByLabel(m.field_affiliation())).hasValue("서울 로보틱스");
            assertThat(registration(id).affiliation).isEqualTo("서울 로보틱스");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(me.erase_button()).setExact(true)).click();
            assertThat(h1(page)).hasText(me.erase_confirm_title());
            assertThat(page.getByText(title, new Page.GetByTextOptions().setExact(false))).isVisible();
            step(page, "mydata", "05-erase-confirm", ui);
            assertThat(registration(id).erasedAt).as("the confirm step erases nothing").isNull();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(me.erase_confirm_button()).setExact(true)).click();
            assertThat(h1(page)).hasText(me.erased_title());
            step(page, "mydata", "06-erased", ui);
        }
        Registration erased = registration(id);
        assertThat(erased.erasedAt).isNotNull();
        assertThat(erased.status).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(erased.name).isEmpty();
        assertThat(erased.affiliation).isEmpty();
        assertThat(erased.answers).isNull();
    }

    static Locator h1(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    static Registration registration(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.findById(id));
    }
}
