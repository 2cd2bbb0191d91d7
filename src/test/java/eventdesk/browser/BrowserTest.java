package eventdesk.browser;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * One Chromium for the whole test JVM (it takes seconds to start; each test gets fresh contexts from
 * it), and the app's address; a test that moves the clock gets it back.
 */
@ExtendWith(RequiresChromium.class)
abstract class BrowserTest extends eventdesk.testing.RestoresTestClock {

    @TestHTTPResource("/")
    URL app;

    static Chromium chromium;

    @BeforeAll
    static void launch() {
        chromium = Chromium.shared();
    }
}
