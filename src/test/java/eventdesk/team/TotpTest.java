package eventdesk.team;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238's SHA-1 test vectors, the base32 keys apps are given, and the ±1 step window. */
class TotpTest {

    /** The RFC's SHA-1 seed: the ASCII text "12345678901234567890". */
    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void theRfcSha1VectorsComeOut(long unixSeconds, String eightDigits) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));
        assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(eightDigits);
        assertThat(Totp.code(RFC_KEY, step, Totp.DIGITS)).as("six digits are the last six").isEqualTo(eightDigits.substring(2));
    }

    @Test
    void theBase32KeyIsTheRfcKeyAsAppsReadIt() {
        String base32 = Totp.base32(RFC_KEY);
        assertThat(base32).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.decode(base32.toLowerCase())).isEqualTo(RFC_KEY);
        assertThat(Totp.decode("GEZD GNBV-GY3T QOJQ GEZD GNBV GY3T QOJQ")).isEqualTo(RFC_KEY);
        assertThat(Totp.codeAt(base32, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        String fresh = Totp.newSecret();
        assertThat(fresh).matches("[A-Z2-7]{32}");
        assertThat(Totp.decode(fresh)).hasSize(20);
    }

    @Test
    void aCodeIsAcceptedOneStepEarlyOrLateAndNoFurther() {
        String key = Totp.base32(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        for (int off = -1; off <= 1; off++) {
            String code = Totp.code(RFC_KEY, step + off, 6);
            assertThat(Totp.matchingStep(key, code, now)).as("step %+d", off).hasValue(step + off);
        }
        for (int off : new int[]{-3, -2, 2, 3}) {
            String code = Totp.code(RFC_KEY, step + off, 6);
            boolean alsoNear = false;
            for (int near = -1; near <= 1; near++) alsoNear |= Totp.code(RFC_KEY, step + near, 6).equals(code);
            if (!alsoNear) assertThat(Totp.matchingStep(key, code, now)).as("step %+d", off).isEmpty();
        }
        assertThat(Totp.matchingStep(key, Totp.code(RFC_KEY, step, 6).substring(0, 3) + " " + Totp.code(RFC_KEY, step, 6).substring(3), now))
                .as("a space in the middle, as apps show it").hasValue(step);
        assertThat(Totp.matchingStep(key, "12345", now)).isEmpty();
        assertThat(Totp.matchingStep(key, "abcdef", now)).isEmpty();
        assertThat(Totp.matchingStep(key, null, now)).isEmpty();
    }

    @Test
    void theUriNamesTheIssuerAccountAndParameters() {
        assertThat(Totp.uri("eventdesk", "kim@example.com", "ABC234"))
                .isEqualTo("otpauth://totp/eventdesk:kim%40example.com?secret=ABC234&issuer=eventdesk&algorithm=SHA1&digits=6&period=30");
    }
}
