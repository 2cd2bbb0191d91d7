package eventdesk.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiresChromiumTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void runsWhenChromiumIsInstalled() {
        assertThat(RequiresChromium.decide(CHROMIUM, true, false).isDisabled()).isFalse();
        assertThat(RequiresChromium.decide(CHROMIUM, true, true).isDisabled()).isFalse();
    }

    @Test
    void skipsWithTheInstallCommandWhenChromiumIsMissingOutsideCi() {
        ConditionEvaluationResult result = RequiresChromium.decide(CHROMIUM, false, false);
        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("/usr/bin/chromium", "sudo apt-get install -y chromium fonts-noto-cjk"));
    }

    @Test
    void failsOnCiWhenChromiumIsMissing() {
        assertThatThrownBy(() -> RequiresChromium.decide(CHROMIUM, false, true))
                .hasMessageContaining("CI=true")
                .hasMessageContaining("sudo apt-get install -y chromium fonts-noto-cjk");
    }
}
