package eventdesk.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The second factor after the password: a code of the account's authenticator app, taken once, or one
 * of its recovery codes, taken once. "Once" holds across instances: the account's last accepted step
 * moves forward only by a conditional update, so of two requests with the same code (or two codes of
 * steps at or before the last accepted one) at most one passes.
 */
@ApplicationScoped
public class SecondFactor {

    /** Whether {@code typed} is a fresh code of the account's app or an unused recovery code; uses it if so. */
    @Transactional
    public boolean check(long accountId, String typed, Instant now) {
        Account account = Account.findById(accountId);
        if (account == null) return false;
        if (account.twoFactor() && accept(account, account.totpSecret, typed, now)) return true;
        return RecoveryCode.use(account, typed, now);
    }

    /**
     * Whether {@code typed} is a code of {@code secret} (the account's key, or the one it is enrolling)
     * from a step later than the last one accepted for the account; records that step if so.
     */
    @Transactional
    public boolean accept(Account account, String secret, String typed, Instant now) {
        OptionalLong step = Totp.matchingStep(secret, typed, now);
        if (step.isEmpty()) return false;
        return Account.update("totpLastStep = ?1 where id = ?2 and (totpLastStep is null or totpLastStep < ?1)",
                step.getAsLong(), account.id) == 1;
    }

    /** Makes {@code secret} the account's authenticator key if {@code typed} is its current code. */
    @Transactional
    public boolean enroll(long accountId, String secret, String typed, Instant now) {
        Account account = Account.findById(accountId);
        if (account == null || !accept(account, secret, typed, now)) return false;
        Account.update("totpSecret = ?1 where id = ?2", secret, accountId);
        return true;
    }

    /** Forgets the account's authenticator and recovery codes (it enrolls anew at its next sign-in). */
    @Transactional
    public void reset(long accountId) {
        Account account = Account.findById(accountId);
        if (account == null) return;
        account.totpSecret = null;
        account.totpLastStep = null;
        RecoveryCode.delete("account", account);
    }
}
