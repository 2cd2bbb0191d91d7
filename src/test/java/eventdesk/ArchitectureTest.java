package eventdesk;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of docs/architecture.md: no package imports one that imports it back, the outbox in
 * {@code mail} and the access log in {@code audit} know no feature, the organizer team ({@code team}) knows
 * no organizer page, and {@code web} (layout, language, errors, config) sits below every feature.
 */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("eventdesk");

    @Test
    void noPackageCycles() {
        slices().matching("eventdesk.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theOutboxKnowsNoFeature() {
        noClasses().that().resideInAPackage("eventdesk.mail..")
                .should().dependOnClassesThat().resideInAnyPackage("eventdesk.event..", "eventdesk.registration..",
                        "eventdesk.admin..", "eventdesk.message..", "eventdesk.chart..", "eventdesk.attendance..",
                        "eventdesk.team..", "eventdesk.audit..")
                .check(MAIN);
    }

    @Test
    void theAccessLogKnowsNoFeature() {
        noClasses().that().resideInAPackage("eventdesk.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("eventdesk.event..", "eventdesk.registration..",
                        "eventdesk.admin..", "eventdesk.message..", "eventdesk.chart..", "eventdesk.attendance..",
                        "eventdesk.team..", "eventdesk.mail..")
                .check(MAIN);
    }

    @Test
    void theTeamKnowsNoOrganizerPage() {
        noClasses().that().resideInAPackage("eventdesk.team..")
                .should().dependOnClassesThat().resideInAnyPackage("eventdesk.admin..", "eventdesk.registration..",
                        "eventdesk.message..", "eventdesk.chart..", "eventdesk.attendance..")
                .check(MAIN);
    }

    @Test
    void webSitsBelowEveryFeature() {
        noClasses().that().resideInAPackage("eventdesk.web..")
                .should().dependOnClassesThat().resideInAnyPackage("eventdesk.event..", "eventdesk.registration..",
                        "eventdesk.admin..", "eventdesk.mail..", "eventdesk.message..", "eventdesk.chart..",
                        "eventdesk.attendance..", "eventdesk.team..", "eventdesk.audit..")
                .check(MAIN);
    }

    @Test
    void eventsKnowNothingOfRegistrations() {
        noClasses().that().resideInAPackage("eventdesk.event..")
                .should().dependOnClassesThat().resideInAnyPackage("eventdesk.registration..", "eventdesk.admin..",
                        "eventdesk.message..", "eventdesk.chart..", "eventdesk.attendance..", "eventdesk.mail..")
                .check(MAIN);
    }
}
