package eventdesk;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package rules of docs/architecture.md: every package is listed here, no package imports one that
 * imports it back, the outbox in {@code mail} and the access log in {@code audit} know no feature, the
 * organizer team ({@code team}) knows no organizer page, {@code web} (language, errors, forms,
 * config) sits below every other package, {@code event} knows nothing of registrations, and the
 * organizer shell in {@code admin} is used by no feature (it links their pages by URL only).
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eventdesk");

    /** Every package, each listed after the ones it may use. A new package belongs here and in the rules below. */
    static final List<String> PACKAGES = List.of("web", "mail", "audit", "event", "team", "registration", "attendance", "message", "chart",
            "question", "attendee", "checkin", "mydata", "admin");

    @Test
    void everyPackageIsListed() {
        Set<String> found = MAIN.stream().map(JavaClass::getPackageName)
                .map(name -> name.substring("eventdesk.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(found).containsExactlyInAnyOrderElementsOf(PACKAGES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("eventdesk.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theOutboxKnowsNoFeature() {
        noClasses().that().resideInAPackage("eventdesk.mail..")
                .should().dependOnClassesThat().resideInAnyPackage(allBut("web", "mail"))
                .check(MAIN);
    }

    @Test
    void theAccessLogKnowsNoFeature() {
        noClasses().that().resideInAPackage("eventdesk.audit..")
                .should().dependOnClassesThat().resideInAnyPackage(allBut("web", "audit"))
                .check(MAIN);
    }

    @Test
    void theTeamKnowsNoOrganizerPage() {
        noClasses().that().resideInAPackage("eventdesk.team..")
                .should().dependOnClassesThat().resideInAnyPackage(allBut("web", "mail", "audit", "event", "team"))
                .check(MAIN);
    }

    @Test
    void webSitsBelowEveryPackage() {
        noClasses().that().resideInAPackage("eventdesk.web..")
                .should().dependOnClassesThat().resideInAnyPackage(allBut("web"))
                .check(MAIN);
    }

    @Test
    void eventsKnowNothingOfRegistrations() {
        noClasses().that().resideInAPackage("eventdesk.event..")
                .should().dependOnClassesThat().resideInAnyPackage(allBut("web", "event"))
                .check(MAIN);
    }

    @Test
    void theOrganizerShellIsUsedByNoFeature() {
        noClasses().that().resideOutsideOfPackage("eventdesk.admin..")
                .should().dependOnClassesThat().resideInAPackage("eventdesk.admin..")
                .check(MAIN);
    }

    /** The listed packages except {@code allowed}, as ArchUnit package patterns. */
    private static String[] allBut(String... allowed) {
        Set<String> skip = Set.of(allowed);
        return PACKAGES.stream().filter(p -> !skip.contains(p)).map(p -> "eventdesk." + p + "..").toArray(String[]::new);
    }
}
