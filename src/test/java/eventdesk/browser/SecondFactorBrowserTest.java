package eventdesk.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eventdesk.admin.SignInTexts;
import eventdesk.team.Account;
import eventdesk.team.AccountStatus;
import eventdesk.team.Role;
import eventdesk.team.Totp;
import eventdesk.testing.TestClock;
import eventdesk.web.Msg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static eventdesk.browser.Chromium.step;

/** An organizer with an authenticator app in real Chromium: email and password, then the app's code, then the dashboard. */
@QuarkusTest
class SecondFactorBrowserTest extends BrowserTest {

    @ParameterizedTest
    @EnumSource(Ui.class)
    void signInWithThePasswordThenTheAppsCode(Ui ui) {
        Msg m = ui.msg();
        SignInTexts t = MessageBundles.get(SignInTexts.class, Localized.Literal.of(ui.code));
        String email = "app-" + UUID.randomUUID() + "@example.com";
        String key = Totp.newSecret();
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = Account.of(email, "App User", Role.OWNER, null, AccountStatus.ACTIVE, TestClock.now());
            a.setPassword("a long browser password");
            a.totpSecret = key;
            a.persist();
        });

        try (BrowserContext context = chromium.visitor(ui, true)) {
            Page page = context.newPage();
            page.navigate(app + "admin");
            page.getByLabel(m.login_username(), new Page.GetByLabelOptions().setExact(true)).fill(email);
            page.getByLabel(m.login_password(), new Page.GetByLabelOptions().setExact(true)).fill("a long browser password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(m.login_button()).setExact(true)).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(t.code_title());
            assertThat(page.getByLabel(t.code_label(), new Page.GetByLabelOptions().setExact(true))).isFocused();
            step(page, "signin", "01-code", ui);
            page.getByLabel(t.code_label(), new Page.GetByLabelOptions().setExact(true)).fill(Totp.codeAt(key, TestClock.now()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t.code_button()).setExact(true)).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(m.dash_title());
        }
    }
}
