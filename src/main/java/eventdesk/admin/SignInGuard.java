package eventdesk.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many organizer sign-in attempts may be made, however many arrive at once. Per client address
 * (as {@code TrustedProxies} sees it; IPv6 by /64) at most {@value #PER_ADDRESS} failed attempts in an
 * hour, then that address waits {@link #LOCK}; per account at most {@value #PER_ACCOUNT}, then the
 * account is locked for {@link #LOCK} and the caller mails its owner. An attempt is counted when it
 * starts, before its password is looked at, and given back only when it succeeds: parallel guesses
 * cannot slip past the count, and a refused attempt is refused whether its password is right or not,
 * so the answer (and its timing) never tells. Sessions already signed in are not affected.
 * <p>Counts live in this instance's memory: each instance of a cluster counts on its own.
 */
@ApplicationScoped
public class SignInGuard {

    static final int PER_ADDRESS = 10;
    static final int PER_ACCOUNT = 20;
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration LOCK = Duration.ofMinutes(15);
    /** Addresses tracked at once; past that, quiet ones are dropped and new ones share one count. */
    static final int MAX_TRACKED = 10_000;
    static final String OVERFLOW = "(many addresses)";

    @Inject
    Clock clock;

    private final ConcurrentHashMap<String, Budget> addresses = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Budget> accounts = new ConcurrentHashMap<>();

    /** An attempt let through: what it counts against, to be settled with {@link #succeeded} or {@link #failed}. */
    record Attempt(String address, String account) {
    }

    /** An attempt, or when it may be tried again. */
    record Admission(Attempt attempt, Instant retryAt) {
        boolean refused() {
            return attempt == null;
        }
    }

    /**
     * Counts an attempt from {@code address} for {@code account} (null for a name that is no account),
     * or refuses it while either is over its budget.
     */
    Admission admit(String address, String account) {
        Instant now = Instant.now(clock);
        String key = addressKey(address, now);
        Budget byAddress = addresses.computeIfAbsent(key, k -> new Budget());
        Optional<Instant> wait = byAddress.take(now, PER_ADDRESS);
        if (wait.isPresent()) return new Admission(null, wait.get());
        if (account != null) {
            Optional<Instant> locked = accounts.computeIfAbsent(account, k -> new Budget()).take(now, PER_ACCOUNT);
            if (locked.isPresent()) {
                byAddress.settle(now, true, PER_ADDRESS);
                return new Admission(null, locked.get());
            }
        }
        return new Admission(new Attempt(key, account), null);
    }

    void succeeded(Attempt attempt) {
        Instant now = Instant.now(clock);
        addresses.getOrDefault(attempt.address(), Budget.NONE).settle(now, true, PER_ADDRESS);
        if (attempt.account() != null) accounts.getOrDefault(attempt.account(), Budget.NONE).settle(now, true, PER_ACCOUNT);
    }

    /** Records a wrong password; true when this failure locked the account (its owner is to be told). */
    boolean failed(Attempt attempt) {
        Instant now = Instant.now(clock);
        addresses.getOrDefault(attempt.address(), Budget.NONE).settle(now, false, PER_ADDRESS);
        return attempt.account() != null && accounts.getOrDefault(attempt.account(), Budget.NONE).settle(now, false, PER_ACCOUNT);
    }

    /** Until when the account is locked, if it is. */
    Optional<Instant> lockedUntil(String account) {
        Budget b = accounts.get(account);
        return b == null ? Optional.empty() : b.lockedAt(Instant.now(clock));
    }

    private String addressKey(String address, Instant now) {
        if (addresses.containsKey(address) || addresses.size() < MAX_TRACKED) return address;
        addresses.entrySet().removeIf(e -> e.getValue().idle(now));
        return addresses.size() < MAX_TRACKED ? address : OVERFLOW;
    }

    /** For tests: forgets every count and lock. */
    void forget() {
        addresses.clear();
        accounts.clear();
    }

    /**
     * The attempts of one address or account in the current window: those still being checked and those
     * that failed. Once failures reach the limit it is locked for {@link #LOCK}, then starts afresh.
     */
    static final class Budget {
        static final Budget NONE = new Budget();

        private int checking;
        private int failures;
        private Instant windowEnds = Instant.MIN;
        private Instant lockedUntil = Instant.MIN;

        /** Counts one attempt; empty when it may go ahead, else when to try again. */
        synchronized Optional<Instant> take(Instant now, int limit) {
            if (now.isBefore(lockedUntil)) return Optional.of(lockedUntil);
            if (!now.isBefore(windowEnds)) {
                failures = 0;
                windowEnds = now.plus(WINDOW);
            }
            // Attempts still being checked count too: many at once cannot overshoot the limit.
            if (checking + failures >= limit) return Optional.of(now.plusSeconds(1));
            checking++;
            return Optional.empty();
        }

        /** Settles an attempt; true when its failure locked this budget. */
        synchronized boolean settle(Instant now, boolean succeeded, int limit) {
            if (this == NONE) return false;
            if (checking > 0) checking--;
            if (succeeded) return false;
            failures++;
            if (failures < limit || now.isBefore(lockedUntil)) return false;
            lockedUntil = now.plus(LOCK);
            failures = 0;
            windowEnds = lockedUntil.plus(WINDOW);
            return true;
        }

        synchronized Optional<Instant> lockedAt(Instant now) {
            return now.isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
        }

        synchronized boolean idle(Instant now) {
            return checking == 0 && !now.isBefore(windowEnds) && !now.isBefore(lockedUntil);
        }
    }
}
