package eventdesk.testing;

import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The other half of the in-process tests: every {@code *Test} class that {@link BrowserAndSecuritySuite} does not
 * take, so a new test class always lands in one of the two.
 */
@Suite
@SuiteDisplayName("Features")
@SelectPackages("eventdesk")
@IncludeClassNamePatterns(".*Test")
@ExcludeClassNamePatterns(BrowserAndSecuritySuite.CLASSES)
public class FeatureSuite {
}
