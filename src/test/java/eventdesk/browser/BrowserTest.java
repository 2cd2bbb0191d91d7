package eventdesk.browser;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/** One Chromium per test class (it is slow to start), and the app's address; a test that moves the clock gets it back. */
@ExtendWith(RequiresChromium.class)
abstract class BrowserTest extends eventdesk.testing.RestoresTestClock {

    @TestHTTPResource("/")
    URL app;

    static Chromium chromium;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) chromium.close();
    }
}
