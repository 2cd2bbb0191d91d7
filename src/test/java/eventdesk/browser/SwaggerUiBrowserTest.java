package eventdesk.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Swagger UI (there in dev mode, and in tests) draws the API in real Chromium: its own policy lets its start-up script run. */
@QuarkusTest
class SwaggerUiBrowserTest extends BrowserTest {

    @Test
    void swaggerUiShowsTheApiNotABlankPage() {
        try (BrowserContext context = chromium.visitor(Ui.EN, true)) {
            Page page = context.newPage();
            List<String> refused = new CopyOnWriteArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy")) refused.add(m.text());
            });
            page.navigate(app + "q/swagger-ui/");
            assertThat(page.locator(".information-container .title")).containsText("eventdesk API");
            assertThat(page.locator(".opblock-summary-path").first()).isVisible();
            assertThat(refused).as("nothing refused by the Content-Security-Policy").isEmpty();
        }
    }
}
