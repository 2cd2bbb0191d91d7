package eventdesk.admin;

import eventdesk.testing.AppProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production jar refuses to start without an organizer password, the base URL of emailed links
 * or a session key, says in one line what to set, and prints no key on the way.
 */
@Execution(ExecutionMode.CONCURRENT)
class ProductionPasswordIT {

    @Test
    void productionRefusesToStartWithoutPasswordBaseUrlOrSessionKeyAndPrintsNoKey() throws Exception {
        Path dir = Files.createTempDirectory("eventdesk-nopass");
        String out = AppProcess.runToExit(AppProcess.jar("quarkus-app"), Map.of(
                "EVENTDESK_ADMIN_USERNAME", "admin",
                "EVENTDESK_ADMIN_PASSWORD", "",
                "QUARKUS_HTTP_PORT", "0",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE"), dir,
                Duration.ofSeconds(60));
        assertThat(out).startsWith("exit 1").contains("refuses to start").contains("EVENTDESK_ADMIN_PASSWORD")
                .contains("EVENTDESK_BASE_URL").contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        assertThat(out).as("no made-up key in the log").doesNotContainIgnoringCase("temporary key");
    }
}
