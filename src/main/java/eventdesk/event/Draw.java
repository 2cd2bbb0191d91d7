package eventdesk.event;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * The arithmetic of a verifiable draw, nothing else: a secret 256-bit seed, its public
 * SHA-256 commitment, and the order of applications by {@code HMAC-SHA256(seed, reference)} — the
 * seed's 32 bytes as the key, the reference code's ASCII as the message, hex digests compared as
 * text (equal to comparing them as unsigned numbers). Anyone holding the revealed seed and the list
 * of reference codes recomputes the order with {@code openssl} or Python (docs/organizers.md, "Allocation by draw").
 */
public final class Draw {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    /** Reference codes: no 0/O, 1/I/L, so they can be read aloud and typed. */
    private static final char[] REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    public static final int REFERENCE_LENGTH = 10;

    private Draw() {
    }

    /** A fresh secret seed: 256 bits from SecureRandom, as 64 hex digits. */
    public static String newSeed() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return HEX.formatHex(seed);
    }

    /** SHA-256 of the seed's bytes, as hex: published before the draw, checked against the seed after it. */
    public static String commitment(String seedHex) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(HEX.parseHex(seedHex)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An application's place-deciding score: HMAC-SHA256 keyed by the seed over the reference code, as hex. */
    public static String score(String seedHex, String reference) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HEX.parseHex(seedHex), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(reference.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The items sorted by their reference's score, lowest first: the draw order (arrival order plays no part). */
    public static <T> List<T> order(String seedHex, List<T> items, Function<T, String> reference) {
        record Scored<T>(String score, String reference, T item) {
        }
        return items.stream().map(i -> new Scored<>(score(seedHex, reference.apply(i)), reference.apply(i), i))
                .sorted(Comparator.comparing((Scored<T> s) -> s.score).thenComparing(s -> s.reference))
                .map(Scored::item).toList();
    }

    /** A new public reference code: 10 characters (about 50 bits, so codes do not collide in practice) from an unambiguous alphabet. */
    public static String newReference() {
        char[] code = new char[REFERENCE_LENGTH];
        for (int i = 0; i < code.length; i++) code[i] = REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)];
        return new String(code);
    }
}
