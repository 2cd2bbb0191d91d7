package eventdesk.team;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account from eventdesk.admin.username/password: made at start as an OWNER of every event, its
 * email from eventdesk.admin.email when the user name is no address, and put back to the configured
 * role and password at the next start.
 */
@QuarkusTest
class BootstrapOwnerTest {

    @Inject
    BootstrapOwner owner;

    static Account bootstrap() {
        return QuarkusTransaction.requiringNew().call(() -> Account.byEmail("organizer@example.com").orElseThrow());
    }

    @Test
    void theConfiguredOrganizerIsAnOwnerOfEveryEvent() {
        Account a = bootstrap();
        assertThat(owner.email()).hasValue("organizer@example.com");
        assertThat(owner.is(a)).isTrue();
        assertThat(a.role).isEqualTo(Role.OWNER);
        assertThat(a.allEvents).isTrue();
        assertThat(a.status).isEqualTo(AccountStatus.ACTIVE);
        assertThat(a.passwordHash).startsWith("$2").doesNotContain("admin");
        assertThat(a.passwordMatches("admin")).isTrue();
        assertThat(a.passwordMatches("Admin")).isFalse();
        assertThat(owner.accountEmail("admin")).as("its user name").isEqualTo("organizer@example.com");
        assertThat(owner.accountEmail(" Someone@Example.COM ")).isEqualTo("someone@example.com");
    }

    @Test
    void aStartPutsBackItsRoleAndPassword() {
        QuarkusTransaction.requiringNew().run(() -> {
            Account a = Account.byEmail("organizer@example.com").orElseThrow();
            a.scope(Role.MANAGER, Set.of("one-event"));
            a.setPassword("changed elsewhere");
        });
        assertThat(bootstrap().role).isEqualTo(Role.MANAGER);
        QuarkusTransaction.requiringNew().run(owner::createOrUpdate);
        Account a = bootstrap();
        assertThat(a.role).isEqualTo(Role.OWNER);
        assertThat(a.allEvents).isTrue();
        assertThat(a.events).isEmpty();
        assertThat(a.passwordMatches("admin")).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.count("email", "organizer@example.com"))).isEqualTo(1);
    }
}
