package eventdesk.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's retry schedule: doubling from the first delay, never more than an hour apart. */
class OutboxBackoffTest {

    @Test
    void retriesDoubleFromTheFirstDelay() {
        Duration first = Duration.ofSeconds(10);
        assertThat(Outbox.backoff(first, 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Outbox.backoff(first, 2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Outbox.backoff(first, 5)).isEqualTo(Duration.ofSeconds(160));
    }

    @Test
    void retriesAreNeverMoreThanAnHourApartEvenAfterManyAttempts() {
        Duration first = Duration.ofSeconds(10);
        assertThat(Outbox.backoff(first, 10)).isEqualTo(Duration.ofHours(1));
        assertThat(Outbox.backoff(first, 30)).isEqualTo(Duration.ofHours(1));
        assertThat(Outbox.backoff(first, Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void thirtyAttemptsSpanAboutADayOfOutage() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < 30; attempt++) total = total.plus(Outbox.backoff(Duration.ofSeconds(10), attempt));
        assertThat(total).isBetween(Duration.ofHours(20), Duration.ofHours(28));
    }
}
