package eventdesk.team;

import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a team keeps of its secrets and how long they work: recovery codes and invitations once,
 * invitations for 72 hours, API tokens until they expire or are revoked; only hashes are stored; one
 * email is one account whatever its letter case.
 */
@QuarkusTest
class TeamSecretsTest extends RestoresTestClock {

    @Inject
    SecondFactor secondFactor;

    static Account account(Role role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Account a = Account.of("Team-" + UUID.randomUUID() + "@Example.com", "Team Member", role, Set.of("an-event"),
                    AccountStatus.ACTIVE, TestClock.now());
            a.persist();
            return a;
        });
    }

    @Test
    void oneEmailIsOneAccount() {
        Account a = account(Role.DOOR);
        assertThat(a.email).isEqualTo(a.email.toLowerCase());
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.byEmail(" " + a.email.toUpperCase() + " ")))
                .map(x -> x.id).hasValue(a.id);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                Account.of(a.email.toUpperCase(), "Twin", Role.DOOR, null, AccountStatus.INVITED, TestClock.now()).persistAndFlush()))
                .isNotNull();
        Account stored = QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(a.id));
        assertThat(stored.events).containsExactly("an-event");
        assertThat(stored.may(Role.DOOR, "an-event")).isTrue();
        assertThat(stored.may(Role.DOOR, "another")).isFalse();
        assertThat(stored.passwordMatches("anything")).as("no password yet").isFalse();
    }

    @Test
    void recoveryCodesWorkOnceEach() {
        Account a = account(Role.MANAGER);
        List<String> codes = QuarkusTransaction.requiringNew().call(() -> RecoveryCode.replace(Account.findById(a.id), TestClock.now()));
        assertThat(codes).hasSize(RecoveryCode.COUNT).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"));
        List<String> stored = QuarkusTransaction.requiringNew().call(() -> RecoveryCode.<RecoveryCode>list("account.id", a.id)
                .stream().map(c -> c.codeHash).toList());
        assertThat(stored).hasSize(RecoveryCode.COUNT).noneMatch(h -> codes.stream().anyMatch(c -> h.contains(c.replace("-", ""))));

        Instant now = TestClock.now();
        assertThat(secondFactor.check(a.id, codes.get(0).toLowerCase().replace("-", " "), now)).isTrue();
        assertThat(secondFactor.check(a.id, codes.get(0), now)).as("used").isFalse();
        assertThat(secondFactor.check(a.id, "AAAA-AAAA-AAAA-AAAA", now)).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> RecoveryCode.unused(Account.findById(a.id)))).isEqualTo(9);

        List<String> fresh = QuarkusTransaction.requiringNew().call(() -> RecoveryCode.replace(Account.findById(a.id), TestClock.now()));
        assertThat(secondFactor.check(a.id, codes.get(1), now)).as("a new set ends the old one").isFalse();
        assertThat(secondFactor.check(a.id, fresh.get(1), now)).isTrue();
    }

    @Test
    void anAppsCodeIsTakenOnceAndEnrollmentNeedsOne() {
        Account a = account(Role.OWNER);
        String key = Totp.newSecret();
        Instant now = TestClock.now();
        assertThat(secondFactor.enroll(a.id, key, "000000".equals(Totp.codeAt(key, now)) ? "111111" : "000000", now)).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(a.id).twoFactor())).isFalse();
        assertThat(secondFactor.enroll(a.id, key, Totp.codeAt(key, now), now)).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(a.id).totpSecret)).isEqualTo(key);
        assertThat(secondFactor.check(a.id, Totp.codeAt(key, now), now)).as("the enrollment's code again").isFalse();
        Instant later = now.plusSeconds(60);
        assertThat(secondFactor.check(a.id, Totp.codeAt(key, later), later)).isTrue();
        assertThat(secondFactor.check(a.id, Totp.codeAt(key, now.plusSeconds(30)), later)).as("an earlier step").isFalse();

        secondFactor.reset(a.id);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(a.id).twoFactor())).isFalse();
    }

    @Test
    void anInvitationOpensItsAccountOnceWithin72Hours() {
        Account a = account(Role.DOOR);
        String secret = QuarkusTransaction.requiringNew().call(() -> Invitation.issue(Account.findById(a.id), TestClock.now()));
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Invitation.<Invitation>listAll().stream()
                .noneMatch(i -> i.tokenHash.equals(secret)))).as("only the hash is kept").isTrue();
        assertThat(redeem(secret)).map(x -> x.id).hasValue(a.id);
        assertThat(redeem(secret)).as("used").isEmpty();

        String late = QuarkusTransaction.requiringNew().call(() -> Invitation.issue(Account.findById(a.id), TestClock.now()));
        TestClock.get().advance(Invitation.VALID.minusMinutes(1));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Invitation.peek(late, TestClock.now()))).isPresent();
        TestClock.get().advance(Duration.ofMinutes(2));
        assertThat(redeem(late)).as("after 72 hours").isEmpty();

        String first = QuarkusTransaction.requiringNew().call(() -> Invitation.issue(Account.findById(a.id), TestClock.now()));
        String second = QuarkusTransaction.requiringNew().call(() -> Invitation.issue(Account.findById(a.id), TestClock.now()));
        assertThat(redeem(first)).as("a new invitation ends the earlier one").isEmpty();
        assertThat(redeem(second)).isPresent();
    }

    static Optional<Account> redeem(String secret) {
        return QuarkusTransaction.requiringNew().call(() -> Invitation.redeem(secret, TestClock.now()));
    }

    @Test
    void anApiTokenWorksUntilItExpiresOrIsRevoked() {
        ApiToken.Issued issued = QuarkusTransaction.requiringNew().call(() ->
                ApiToken.issue("door scanner", Role.DOOR, Set.of("an-event"), TestClock.now().plus(Duration.ofDays(1)), null, TestClock.now()));
        assertThat(issued.secret()).startsWith(ApiToken.PREFIX);
        assertThat(issued.token().tokenHash).hasSize(64).isNotEqualTo(issued.secret());

        Optional<ApiToken> used = use(issued.secret());
        assertThat(used).isPresent();
        assertThat(used.get().access().may(Role.DOOR, "an-event")).isTrue();
        assertThat(used.get().access().may(Role.MANAGER, "an-event")).isFalse();
        assertThat(used.get().access().token()).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>findById(issued.token().id).lastUsedAt)).isNotNull();
        assertThat(use(issued.secret() + "x")).isEmpty();

        TestClock.get().advance(Duration.ofDays(1));
        assertThat(use(issued.secret())).as("expired").isEmpty();

        ApiToken.Issued other = QuarkusTransaction.requiringNew().call(() ->
                ApiToken.issue("reports", Role.MANAGER, null, null, null, TestClock.now()));
        assertThat(use(other.secret())).isPresent();
        QuarkusTransaction.requiringNew().run(() -> ApiToken.<ApiToken>findById(other.token().id).revoke(TestClock.now()));
        assertThat(use(other.secret())).as("revoked").isEmpty();
    }

    static Optional<ApiToken> use(String secret) {
        return QuarkusTransaction.requiringNew().call(() -> ApiToken.use(secret, TestClock.now()));
    }
}
