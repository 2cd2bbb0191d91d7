package eventdesk.team;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A password check costs the same bcrypt work whether or not the email is an account, and only the right password passes. */
class AccountPasswordTest {

    @Test
    void anUnknownEmailCostsTheSameBcryptWorkAsAnAccountsPassword() {
        Account account = Account.of("someone@example.com", "Someone", Role.MANAGER, null, AccountStatus.ACTIVE, Instant.EPOCH);
        account.setPassword("a long secret");

        assertThat(cost(Account.NO_ACCOUNT)).isEqualTo(cost(account.passwordHash)).isEqualTo(Account.BCRYPT_COST);
        assertThat(BcryptUtil.matches("no account has this password", Account.NO_ACCOUNT)).as("a well-formed hash").isTrue();
        assertThat(Account.noAccountChecks("no account has this password")).isFalse();
        assertThat(account.passwordMatches("a long secret")).isTrue();
        assertThat(account.passwordMatches("no account has this password")).isFalse();
    }

    @Test
    void anAccountWithoutPasswordTakesNone() {
        Account invited = Account.of("new@example.com", "New", Role.DOOR, null, AccountStatus.INVITED, Instant.EPOCH);

        assertThat(invited.passwordMatches("no account has this password")).isFalse();
        assertThat(invited.passwordMatches("")).isFalse();
    }

    /** The cost field of a modular-crypt bcrypt hash ("$2a$10$..."). */
    private static int cost(String hash) {
        return Integer.parseInt(hash.split("\\$")[2]);
    }
}
