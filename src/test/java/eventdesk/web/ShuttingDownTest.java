package eventdesk.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.scheduler.Scheduled;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutdown stops the background jobs before the database closes: a job the scheduler fires during shutdown
 * (it fires until the very end) must not run, or it meets a closed database, on a bean shutdown has already
 * destroyed and the container made afresh. The SIGTERM test of the production jar sees the whole of it; this
 * one names any job that forgets to skip.
 */
class ShuttingDownTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eventdesk");

    @Test
    void everyScheduledJobIsSkippedOnceShutdownHasBegun() {
        List<JavaMethod> jobs = MAIN.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(Scheduled.class)).toList();
        assertThat(jobs).as("scheduled jobs").hasSizeGreaterThanOrEqualTo(10);
        assertThat(jobs.stream().filter(m -> m.getAnnotationOfType(Scheduled.class).skipExecutionIf() != ShuttingDown.class)
                .map(JavaMethod::getFullName).toList()).as("jobs that would run during shutdown").isEmpty();
    }

    @Test
    void nothingIsSkippedBeforeShutdownAndEverythingAfter() {
        ShuttingDown shuttingDown = new ShuttingDown();
        assertThat(shuttingDown.test(null)).isFalse();
        assertThat(shuttingDown.now()).isFalse();
        shuttingDown.begin(null);
        assertThat(shuttingDown.test(null)).isTrue();
        assertThat(shuttingDown.now()).isTrue();
    }
}
