package eventdesk.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * The sign-up limits: a Bucket4j token bucket per key for each, refilled steadily on the injected clock.
 * <ul>
 * <li>Sign-ups per client address per minute ({@code eventdesk.rate-limit.per-minute}). Every sign-up POST
 * counts. The bound is high because a company's or a campus's people share one NAT address and all sign up
 * in the opening minute.</li>
 * <li>Sign-ups per email address per hour ({@code eventdesk.rate-limit.per-email-per-hour}), over all events
 * and client addresses, counted per mailbox ({@link EmailAddress#mailbox}): another case, a {@code +tag} or
 * Gmail's dots are the same mailbox. This bounds the mail one person can be sent by others signing them up.</li>
 * <li>Mails per client address per hour ({@code eventdesk.rate-limit.mails-per-address-per-hour}). Every sign-up
 * whose form is valid counts as the one mail it may cause, whether it turns out new or repeated, so this count
 * says nothing about who is registered. This bounds how many strangers one source can have mailed.</li>
 * </ul>
 * None of them depends on what is stored, so an email at its limit is answered the same whether it is
 * registered or not. A limit of 0 is off.
 */
@ApplicationScoped
public class RateLimiter {

    /** One kind of limit: its budget from the configuration, and the period over which that budget refills. */
    enum Limit {
        SIGN_UPS_PER_ADDRESS(c -> c.rateLimit().perMinute(), Duration.ofMinutes(1)),
        SIGN_UPS_PER_EMAIL(c -> c.rateLimit().perEmailPerHour(), Duration.ofHours(1)),
        MAILS_PER_ADDRESS(c -> c.rateLimit().mailsPerAddressPerHour(), Duration.ofHours(1));

        final ToIntFunction<EventdeskConfig> budget;
        final Duration period;

        Limit(ToIntFunction<EventdeskConfig> budget, Duration period) {
            this.budget = budget;
            this.period = period;
        }
    }

    @Inject
    EventdeskConfig config;
    @Inject
    Clock clock;

    private final Map<Limit, ConcurrentHashMap<String, Bucket>> buckets = new ConcurrentHashMap<>();

    /** Takes one sign-up for the client address; empty when allowed, else the seconds to wait. */
    public OptionalLong acquire(String address) {
        return take(Limit.SIGN_UPS_PER_ADDRESS, address);
    }

    /**
     * Takes, for a sign-up whose form is valid, one mail of the client address's budget and one sign-up of the
     * email's; empty when both allow it, else the seconds to wait (and neither is used up).
     */
    public OptionalLong acquireMail(String address, String email) {
        OptionalLong mailWait = take(Limit.MAILS_PER_ADDRESS, address);
        if (mailWait.isPresent()) return mailWait;
        OptionalLong emailWait = take(Limit.SIGN_UPS_PER_EMAIL, EmailAddress.mailbox(email));
        if (emailWait.isPresent()) giveBack(Limit.MAILS_PER_ADDRESS, address);
        return emailWait;
    }

    private OptionalLong take(Limit limit, String key) {
        int budget = limit.budget.applyAsInt(config);
        if (budget <= 0) return OptionalLong.empty();
        ConsumptionProbe probe = bucket(limit, key, budget).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return OptionalLong.empty();
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    private void giveBack(Limit limit, String key) {
        int budget = limit.budget.applyAsInt(config);
        if (budget > 0) bucket(limit, key, budget).addTokens(1);
    }

    private Bucket bucket(Limit limit, String key, int budget) {
        return buckets.computeIfAbsent(limit, l -> new ConcurrentHashMap<>()).computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(budget).refillGreedy(budget, limit.period).build())
                .withCustomTimePrecision(new ClockTime(clock))
                .build());
    }

    /** Drops the buckets that are full again (their keys have been quiet for a whole period). */
    @Scheduled(every = "5m", delayed = "5m", skipExecutionIf = ShuttingDown.class)
    void forgetQuietKeys() {
        buckets.forEach((limit, byKey) -> {
            int budget = limit.budget.applyAsInt(config);
            byKey.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= budget);
        });
    }

    /** Bucket4j's time is eventdesk's clock, so the limits refill as the clock moves (tests move it). */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
