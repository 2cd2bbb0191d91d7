package eventdesk.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs browser tests only where Debian's Chromium is installed; decided before Quarkus boots.
 * Without Chromium the tests are skipped with one line saying how to install it, except on CI
 * ({@code CI=true}), where a missing browser fails the build instead of silently testing less.
 */
public class RequiresChromium implements ExecutionCondition {

    static final Path CHROMIUM = Path.of(System.getProperty("eventdesk.chromium", "/usr/bin/chromium"));
    static final String INSTALL = "sudo apt-get install -y chromium fonts-noto-cjk";

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result = decide(CHROMIUM, Files.isExecutable(CHROMIUM), "true".equalsIgnoreCase(System.getenv("CI")));
        if (result.isDisabled() && TOLD.compareAndSet(false, true)) {
            System.err.println(result.getReason().orElseThrow());
        }
        return result;
    }

    static ConditionEvaluationResult decide(Path chromium, boolean installed, boolean ci) {
        if (installed) return ConditionEvaluationResult.enabled("Chromium found at " + chromium);
        if (ci) {
            throw new IllegalStateException("CI=true but there is no Chromium at " + chromium
                    + ", so the browser tests cannot run. Install it: " + INSTALL);
        }
        return ConditionEvaluationResult.disabled("Browser tests SKIPPED: no Chromium at " + chromium
                + ". Install it: " + INSTALL);
    }
}
