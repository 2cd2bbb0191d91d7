package eventdesk.browser;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import eventdesk.event.Event;
import eventdesk.mail.Outbox;
import eventdesk.testing.Forms;
import eventdesk.testing.GreenMailResource;
import eventdesk.testing.Mailbox;
import eventdesk.testing.TestEvents;
import eventdesk.web.Msg;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public pages on the smallest phones people still use (320 px): no sideways scrolling, targets big enough to tap. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class PhoneLayoutBrowserTest extends BrowserTest {

    static final int NARROW = 320;


    @Inject
    Outbox outbox;

    GreenMail greenMail;


    @ParameterizedTest
    @EnumSource(Ui.class)
    void publicPagesNeverScrollSidewaysAt320Pixels(Ui ui) throws Exception {
        Event open = BrowserEvents.create(10, true);
        Event full = BrowserEvents.create(0, true);
        String email = "narrow." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        given().contentType("application/json").body(TestEvents.signUpJson("최지우", email, ui.code))
                .post("/api/events/" + open.slug + "/registrations").then().statusCode(202);
        eventdesk.testing.Deliveries.deliver(outbox);
        String mail = Mailbox.text(Mailbox.to(greenMail, email).get(0));

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("01-list", app.toString());
        pages.put("02-event", app + "events/" + open.slug);
        pages.put("03-waitlist-event", app + "events/" + full.slug);
        pages.put("04-result", app + "events/" + open.slug + "/thanks?position=0");
        pages.put("05-waitlist-result", app + "events/" + full.slug + "/thanks?position=12");
        pages.put("06-confirm", BrowserEvents.local(Forms.link(mail, "http://localhost:8080/confirm/"), app));
        pages.put("07-manage", BrowserEvents.local(Forms.link(mail, "http://localhost:8080/manage/"), app));
        pages.put("08-not-found", app + "events/no-such-event");

        List<String> wide = new ArrayList<>();
        try (BrowserContext context = chromium.visitor(ui, NARROW, 640, true)) {
            Page page = context.newPage();
            for (Map.Entry<String, String> p : pages.entrySet()) {
                page.navigate(p.getValue());
                step(page, "narrow", p.getKey(), ui);
                int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                if (scrollWidth > NARROW) wide.add(p.getKey() + " is " + scrollWidth + " px wide (" + p.getValue() + ")");
            }
            // the form with every error shown is the widest state of the sign-up page
            page.navigate(app + "events/" + open.slug);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(ui.msg().submit_register()).setExact(true)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
            step(page, "narrow", "09-errors", ui);
            int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            if (scrollWidth > NARROW) wide.add("form with errors is " + scrollWidth + " px wide");
        }
        assertThat(wide).as("pages wider than a 320 px phone").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Ui.class)
    void theSignUpFormFitsAPhoneWithoutZoomAndEveryTargetIsAtLeast24Pixels(Ui ui) {
        Msg m = ui.msg();
        Event event = BrowserEvents.create(10, true);
        for (int width : new int[]{NARROW, ui.width}) {
            try (BrowserContext context = chromium.visitor(ui, width, 700, true)) {
                Page page = context.newPage();
                page.navigate(app + "events/" + event.slug);

                String viewport = page.locator("meta[name=viewport]").getAttribute("content");
                assertThat(viewport).contains("width=device-width").doesNotContain("user-scalable=no").doesNotContain("maximum-scale=1");

                Locator form = page.locator("form[action$='/registrations']");
                List<String> problems = new ArrayList<>();
                Locator fields = form.locator("input:visible, select:visible, textarea:visible");
                for (int i = 0; i < fields.count(); i++) {
                    BoundingBox box = fields.nth(i).boundingBox();
                    String id = describe(fields.nth(i));
                    if (box.x < 0 || box.x + box.width > width + 0.5) problems.add(id + " sticks out of the " + width + " px viewport: " + box.x + "+" + box.width);
                }
                Locator targets = page.locator("header a:visible, main a:visible, form button:visible, form input:visible, form label.choice");
                for (int i = 0; i < targets.count(); i++) {
                    BoundingBox box = targets.nth(i).boundingBox();
                    if (box.width < 24 || box.height < 24) problems.add(describe(targets.nth(i)) + " is only " + box.width + "x" + box.height + " px at " + width + " px");
                }
                assertThat(problems).as("layout problems of the sign-up form in " + ui).isEmpty();
                assertThat(page.getByLabel(m.field_email(), new Page.GetByLabelOptions().setExact(true))).hasAttribute("type", "email");
                assertThat(page.getByLabel(m.field_name(), new Page.GetByLabelOptions().setExact(true))).hasAttribute("autocomplete", "name");
            }
        }
    }

    /** The audit used by every flow step really fails on an inaccessible page. */
    @Test
    void theAccessibilityAuditFailsOnAPageWithSeriousViolations() {
        try (BrowserContext context = chromium.visitor(Ui.EN, true)) {
            Page page = context.newPage();
            page.setContent("<!DOCTYPE html><html lang=en><head><title>bad</title></head><body><main>"
                    + "<p style='color:#bbb;background:#fff'>faint text</p><img src='x.png'>"
                    + "<form><input type=text name=q></form></main></body></html>");
            assertThatThrownBy(() -> Chromium.audit(page))
                    .hasMessageContaining("color-contrast")
                    .hasMessageContaining("image-alt")
                    .hasMessageContaining("label");
        }
    }

    private static String describe(Locator element) {
        return (String) element.evaluate("e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[name=' + e.name + ']' : '')"
                + " + ' \"' + (e.textContent || e.value || '').trim().slice(0, 30) + '\"'");
    }
}
