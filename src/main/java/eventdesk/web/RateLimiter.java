package eventdesk.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-ups per client IP per minute ({@code eventdesk.rate-limit.per-minute}, 0 = off), with a
 * Bucket4j token bucket per address. Buckets of quiet addresses are dropped every few minutes.
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    EventdeskConfig config;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one sign-up for the address; empty when allowed, else the seconds to wait. */
    public OptionalLong acquire(String address) {
        int perMinute = config.rateLimit().perMinute();
        if (perMinute <= 0) return OptionalLong.empty();
        Bucket bucket = buckets.computeIfAbsent(address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return OptionalLong.empty();
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    @Scheduled(every = "5m", delayed = "5m")
    void forgetQuietAddresses() {
        int perMinute = config.rateLimit().perMinute();
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= perMinute);
    }
}
