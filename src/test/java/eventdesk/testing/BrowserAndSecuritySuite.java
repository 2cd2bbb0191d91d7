package eventdesk.testing;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * One half of the in-process tests: the flows driven through Chromium, the hostile-input and hardening probes, and
 * the mail tests. Surefire runs this suite and {@link FeatureSuite} in two JVMs side by side, one suite each: a suite
 * is one JUnit run, so each JVM starts the application once per test profile (a JVM handed one class at a time would
 * start it for every class), and the two halves, about equally long, share the machine's cores.
 * {@code ./mvnw test -Dtest=SomeTest} still runs one class on its own.
 */
@Suite
@SuiteDisplayName("Browser flows, hostile input and mail")
@SelectPackages("eventdesk")
@IncludeClassNamePatterns("(?=.*Test$)(?:" + BrowserAndSecuritySuite.CLASSES + ")")
public class BrowserAndSecuritySuite {

    /**
     * The classes of this half; {@link FeatureSuite} takes every other test class. {@code BehindProxyTest} runs
     * there, with the other tests of the {@link BehindTrustedProxy} profile, so that only one JVM restarts the
     * application for that profile; {@code HardeningProbesTest} runs there too, to keep the two halves equally long.
     */
    static final String CLASSES = "eventdesk\\.(?:browser|mail)\\..*|eventdesk\\.security\\.(?!(?:BehindProxyTest|HardeningProbesTest)$).*";
}
