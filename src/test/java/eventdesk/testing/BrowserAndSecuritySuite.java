package eventdesk.testing;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * One half of the in-process tests: the flows driven through Chromium and the hostile-input and hardening probes.
 * Surefire runs this suite and {@link FeatureSuite} in two JVMs side by side, one suite each: a suite is one JUnit
 * run, so each JVM starts the application once per test profile (a JVM handed one class at a time would start it
 * for every class), and the two halves, about equally long, share the machine's cores.
 * {@code ./mvnw test -Dtest=SomeTest} still runs one class on its own.
 */
@Suite
@SuiteDisplayName("Browser flows and hostile input")
@SelectPackages({"eventdesk.browser", "eventdesk.security"})
@IncludeClassNamePatterns(".*Test")
public class BrowserAndSecuritySuite {
}
