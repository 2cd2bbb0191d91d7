package eventdesk.testing;

import eventdesk.team.Account;
import eventdesk.team.BootstrapOwner;
import eventdesk.web.EventdeskConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * In the tests' application only: once a start has made or updated the bootstrap owner, its password is stored
 * again as a hash of the same password at bcrypt's lowest cost. Signing in reads the cost from the stored hash,
 * so the owner signs in exactly as before. The tests sign in as this owner all the time (HTTP Basic on every
 * admin API call), and a production-strength check on each of those was a tenth of the suite's CPU.
 */
@ApplicationScoped
public class LightBootstrapPassword {

    /** The prefix of a bcrypt hash of cost 4. */
    private static final String LIGHT = "$2a$04$";

    @Inject
    BootstrapOwner owner;
    @Inject
    EventdeskConfig config;

    void lighten(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent start) {
        String password = config.admin().password().orElse(null);
        String email = owner.email().orElse(null);
        if (password == null || email == null) return;
        QuarkusTransaction.requiringNew().run(() -> Account.byEmail(email).ifPresent(account -> {
            if (account.passwordHash != null && !account.passwordHash.startsWith(LIGHT) && account.passwordMatches(password)) {
                account.passwordHash = BcryptUtil.bcryptHash(password, 4);
            }
        }));
    }
}
