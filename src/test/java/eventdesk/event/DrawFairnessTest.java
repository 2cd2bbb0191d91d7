package eventdesk.event;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draw's arithmetic as a skeptical applicant would check it: the order is HMAC-SHA256 of the
 * reference keyed by the seed (recomputed here with the JDK's Mac directly), the commitment is
 * SHA-256 of the seed, every application has the same chance, and arrival order plays no part.
 * Seeds come from a fixed java.util.Random, so the statistics are the same on every run.
 */
class DrawFairnessTest {

    static final int DRAWS = 2_000, APPLICATIONS = 50, SEATS = 10;

    @Test
    void orderIsHmacOfTheReferenceKeyedByTheSeedLowestFirst() throws Exception {
        String seed = Draw.newSeed();
        List<String> refs = IntStream.range(0, 30).mapToObj(i -> Draw.newReference()).toList();
        List<String> ordered = Draw.order(seed, refs, r -> r);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(seed), "HmacSHA256"));
        List<String> expected = new ArrayList<>(refs);
        expected.sort((a, b) -> {
            byte[] x = mac.doFinal(a.getBytes(StandardCharsets.US_ASCII));
            byte[] y = mac.doFinal(b.getBytes(StandardCharsets.US_ASCII));
            return java.util.Arrays.compareUnsigned(x, y);
        });
        assertThat(ordered).isEqualTo(expected);
        assertThat(Draw.commitment(seed)).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(seed))));
        assertThat(seed).matches("[0-9a-f]{64}");
        assertThat(refs).allMatch(r -> r.matches("[2-9A-HJKMNP-Z]{" + Draw.REFERENCE_LENGTH + "}"));
    }

    @Test
    void everyApplicationWinsAboutAsOftenAsEveryOther() {
        Random random = new Random(20261129);
        long[] wins = new long[APPLICATIONS];
        for (int d = 0; d < DRAWS; d++) {
            String seed = seed(random);
            List<Integer> arrivals = IntStream.range(0, APPLICATIONS).boxed().toList();
            List<String> refs = arrivals.stream().map(i -> reference(random)).toList();
            List<Integer> order = Draw.order(seed, arrivals, refs::get);
            for (int i = 0; i < SEATS; i++) wins[order.get(i)]++;
        }
        double expected = (double) DRAWS * SEATS / APPLICATIONS; // 400
        double chiSquare = 0;
        for (long w : wins) chiSquare += (w - expected) * (w - expected) / expected;
        // 49 degrees of freedom: P(chi2 > 85.35) = 0.001. A biased order (say, by arrival) lands in the thousands.
        assertThat(chiSquare).as("chi-square of win counts %s", java.util.Arrays.toString(wins)).isLessThan(85.35);
        // Each application alone: 400 ± 4.5 standard deviations of Binomial(2000, 0.2) (sd 17.9).
        for (long w : wins) assertThat(w).isBetween(320L, 480L);
    }

    @Test
    void arrivalOrderHasNoEffectOnRank() {
        Random random = new Random(7);
        double firstTenRankSum = 0, lastTenRankSum = 0;
        for (int d = 0; d < DRAWS; d++) {
            String seed = seed(random);
            List<String> refs = IntStream.range(0, APPLICATIONS).mapToObj(i -> reference(random)).toList();
            List<String> order = Draw.order(seed, refs, r -> r);
            List<String> shuffled = new ArrayList<>(refs);
            Collections.shuffle(shuffled, random);
            assertThat(Draw.order(seed, shuffled, r -> r)).as("same order whatever the arrival order").isEqualTo(order);
            for (int i = 0; i < 10; i++) {
                firstTenRankSum += order.indexOf(refs.get(i)) + 1;
                lastTenRankSum += order.indexOf(refs.get(APPLICATIONS - 1 - i)) + 1;
            }
        }
        // Mean rank of the first and of the last ten arrivals: 25.5 each; its sd over 20,000 ranks is about 0.1.
        assertThat(firstTenRankSum / (DRAWS * 10.0)).isBetween(25.0, 26.0);
        assertThat(lastTenRankSum / (DRAWS * 10.0)).isBetween(25.0, 26.0);
    }

    private static String seed(Random random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    private static String reference(Random random) {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < Draw.REFERENCE_LENGTH; i++) r.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return r.toString();
    }
}
