package eventdesk.testing;

import org.junit.platform.suite.api.ExcludePackages;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The other half of the in-process tests: every {@code *Test} class outside {@link BrowserAndSecuritySuite}'s
 * packages, so a new test class always lands in one of the two.
 */
@Suite
@SuiteDisplayName("Features")
@SelectPackages("eventdesk")
@ExcludePackages({"eventdesk.browser", "eventdesk.security"})
@IncludeClassNamePatterns(".*Test")
public class FeatureSuite {
}
