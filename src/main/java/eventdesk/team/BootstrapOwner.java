package eventdesk.team;

import eventdesk.web.EmailAddress;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Secrets;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The OWNER account from {@code eventdesk.admin.username} / {@code .password}, made or brought up to
 * date at every start: role OWNER for every event, and the configured password. Its email is the user
 * name when that is an address, else {@code eventdesk.admin.email}, else the user name as it is. It
 * signs in with that email or with the user name; HTTP Basic is for this account only (while
 * {@code eventdesk.admin.basic-auth} is on). A start changes no status: an owner who disabled it keeps
 * it disabled. Instances starting together settle on one account (the email is unique).
 */
@ApplicationScoped
public class BootstrapOwner {

    @Inject
    EventdeskConfig config;
    @Inject
    Clock clock;

    void ensure(@Observes StartupEvent start) {
        if (config.admin().username().isEmpty() || config.admin().password().isEmpty()) return;
        try {
            QuarkusTransaction.requiringNew().run(this::createOrUpdate);
        } catch (PersistenceException e) {
            Log.debugf("Another instance made the bootstrap owner at the same time (%s); updating it", e.getMessage());
            QuarkusTransaction.requiringNew().run(this::createOrUpdate);
        }
    }

    void createOrUpdate() {
        String username = config.admin().username().orElseThrow();
        String password = config.admin().password().orElseThrow();
        String email = email().orElseThrow();
        Account owner = Account.byEmail(email).orElse(null);
        if (owner == null) {
            owner = Account.of(email, username, Role.OWNER, null, AccountStatus.ACTIVE, Instant.now(clock));
            owner.setPassword(password);
            owner.persistAndFlush();
            Log.infof("Made the bootstrap owner account %s", owner.email);
            return;
        }
        if (owner.role != Role.OWNER || !owner.allEvents) owner.scope(Role.OWNER, null);
        if (owner.status == AccountStatus.INVITED) owner.status = AccountStatus.ACTIVE;
        if (!owner.passwordMatches(password)) owner.setPassword(password);
    }

    /** The bootstrap owner's email (lower-case), if a user name is configured. */
    public Optional<String> email() {
        return config.admin().username().map(username -> Account.normalize(EmailAddress.isValid(username) ? username
                : config.admin().email().filter(e -> !e.isBlank()).orElse(username)));
    }

    /**
     * The email of the account a sign-in name means: the bootstrap owner's for its configured user name
     * (compared in constant time), else the name itself, lower-case.
     */
    public String accountEmail(String signInName) {
        Optional<String> username = config.admin().username();
        boolean bootstrap = username.isPresent() & Secrets.same(signInName, username.orElse(""));
        return bootstrap ? email().orElseThrow() : Account.normalize(signInName);
    }

    public boolean is(Account account) {
        return account != null && email().map(account.email::equals).orElse(false);
    }
}
