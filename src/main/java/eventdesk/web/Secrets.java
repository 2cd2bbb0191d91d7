package eventdesk.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets handed to a person once (links, API tokens) and what is kept of them. A secret is 256 bits
 * from {@link SecureRandom}, URL-safe base64; only its SHA-256 (hex) is stored, so a copy of the
 * database opens nothing.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A new secret: 256 random bits, URL-safe base64 without padding (43 characters). */
    public static String newSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    public static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits: what is stored of a secret. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether two texts are equal, in a time that does not depend on where they differ. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(sha256((a == null ? "" : a).getBytes(StandardCharsets.UTF_8)),
                sha256((b == null ? "" : b).getBytes(StandardCharsets.UTF_8)));
    }
}
