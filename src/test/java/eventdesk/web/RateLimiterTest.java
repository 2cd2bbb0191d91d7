package eventdesk.web;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-up limits as shipped: a NAT address full of people is not locked out, while one mailbox (however
 * it is spelled, from however many addresses) and one source of mail are; each refusal says how long to wait,
 * and the wait is over when the clock has moved that far.
 */
class RateLimiterTest {

    /** Time stands still unless the test moves it, so no refill happens while a loop runs. */
    static final class StillClock extends Clock {
        Instant now = Instant.parse("2030-06-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    final StillClock clock = new StillClock();

    RateLimiter limiter(Map<String, String> settings) {
        RateLimiter limiter = new RateLimiter();
        limiter.config = new SmallRyeConfigBuilder().withMapping(EventdeskConfig.class)
                .withSources(new PropertiesConfigSource(settings, "test", 500)).build()
                .getConfigMapping(EventdeskConfig.class);
        limiter.clock = clock;
        return limiter;
    }

    /** The limiter with the defaults a production start gets. */
    RateLimiter shipped() {
        return limiter(Map.of());
    }

    @Test
    void oneNatAddressSigns120PeopleUpAMinuteThenWaitsLessThanAMinute() {
        RateLimiter limiter = shipped();
        for (int i = 0; i < 120; i++) {
            assertThat(limiter.acquire("198.51.100.7")).as("sign-up %d", i + 1).isEmpty();
            assertThat(limiter.acquireMail("198.51.100.7", "person" + i + "@example.com")).isEmpty();
        }
        OptionalLong wait = limiter.acquire("198.51.100.7");
        assertThat(wait).isPresent();
        assertThat(wait.getAsLong()).isBetween(1L, 60L);
        assertThat(limiter.acquire("198.51.100.8")).as("another address").isEmpty();

        clock.advance(Duration.ofSeconds(wait.getAsLong()));
        assertThat(limiter.acquire("198.51.100.7")).as("after Retry-After").isEmpty();
    }

    @Test
    void oneMailboxGetsTenSignUpsAnHourHoweverSpelledAndFromAnyAddress() {
        RateLimiter limiter = shipped();
        String[] spellings = {"jane.doe@gmail.com", "Jane.Doe@Gmail.com", "janedoe@gmail.com", "jane.doe+a@gmail.com",
                "JANEDOE+b@googlemail.com", "j.a.n.e.d.o.e@gmail.com", "janedoe+c@gmail.com", "jane.doe@GMAIL.COM",
                "jane.doe+d@gmail.com", "jane.doe+e@gmail.com"};
        for (int i = 0; i < spellings.length; i++) {
            assertThat(limiter.acquireMail("203.0.113." + i, spellings[i])).as(spellings[i]).isEmpty();
        }
        OptionalLong wait = limiter.acquireMail("203.0.113.99", "jane.doe+f@gmail.com");
        assertThat(wait).isPresent();
        // Ten an hour refill one every six minutes.
        assertThat(wait.getAsLong()).isBetween(1L, 360L);
        assertThat(limiter.acquireMail("203.0.113.99", "jane.roe@gmail.com")).as("another mailbox").isEmpty();

        clock.advance(Duration.ofSeconds(wait.getAsLong()));
        assertThat(limiter.acquireMail("203.0.113.99", "jane.doe@gmail.com")).as("after Retry-After").isEmpty();
    }

    @Test
    void oneAddressCausesAtMost300MailsAnHour() {
        RateLimiter limiter = shipped();
        for (int i = 0; i < 300; i++) {
            assertThat(limiter.acquireMail("198.51.100.9", "stranger" + i + "@example.com")).as("mail %d", i + 1).isEmpty();
        }
        OptionalLong wait = limiter.acquireMail("198.51.100.9", "stranger300@example.com");
        assertThat(wait).isPresent();
        // 300 an hour refill one every 12 seconds.
        assertThat(wait.getAsLong()).isBetween(1L, 12L);
        assertThat(limiter.acquireMail("198.51.100.10", "stranger300@example.com")).as("another address").isEmpty();
    }

    @Test
    void aSignUpRefusedForItsEmailUsesUpNoMailOfItsAddress() {
        RateLimiter limiter = limiter(Map.of("eventdesk.rate-limit.per-email-per-hour", "1",
                "eventdesk.rate-limit.mails-per-address-per-hour", "2"));
        assertThat(limiter.acquireMail("198.51.100.11", "kim@example.com")).isEmpty();
        for (int i = 0; i < 5; i++) assertThat(limiter.acquireMail("198.51.100.11", "Kim+" + i + "@example.com")).isPresent();
        assertThat(limiter.acquireMail("198.51.100.11", "lee@example.com")).as("the address's second mail").isEmpty();
        assertThat(limiter.acquireMail("198.51.100.11", "park@example.com")).as("its third").isPresent();
    }

    @Test
    void zeroTurnsEachLimitOff() {
        RateLimiter limiter = limiter(Map.of("eventdesk.rate-limit.per-minute", "0",
                "eventdesk.rate-limit.per-email-per-hour", "0", "eventdesk.rate-limit.mails-per-address-per-hour", "0"));
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquire("198.51.100.12")).isEmpty();
            assertThat(limiter.acquireMail("198.51.100.12", "same@example.com")).isEmpty();
        }
    }
}
