package eventdesk.team;

import eventdesk.web.Secrets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238 over RFC 4226): HMAC-SHA-1,
 * 6 digits, 30-second steps counted from the epoch, a code accepted one step early or late. Keys are
 * 160 random bits, shown to people in base32 (RFC 4648, no padding). This class only computes; that a
 * code is taken once is {@link SecondFactor}'s job (it remembers each account's last accepted step).
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** Steps before and after the current one whose codes are still accepted (clock drift, typing time). */
    public static final int WINDOW = 1;

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /** A new key: 20 random bytes (the HMAC-SHA-1 block's natural size), in base32. */
    public static String newSecret() {
        return base32(Secrets.randomBytes(20));
    }

    /** The step that contains {@code at}. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of {@code step} for this key, {@code digits} long with leading zeros. */
    public static String code(byte[] key, long step, int digits) {
        byte[] hash = hmacSha1(key, ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        long otp = binary % (long) Math.pow(10, digits);
        return String.format(Locale.ROOT, "%0" + digits + "d", otp);
    }

    /** The 6-digit code for a base32 key at a moment: what the person's app shows then. */
    public static String codeAt(String secret, Instant at) {
        return code(decode(secret), step(at), DIGITS);
    }

    /**
     * The step whose code {@code typed} is, among the steps within {@link #WINDOW} of {@code now}; empty
     * when it is none of them. Every candidate is compared, in constant time, whichever matches.
     */
    public static OptionalLong matchingStep(String secret, String typed, Instant now) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        if (!code.matches("[0-9]{" + DIGITS + "}")) return OptionalLong.empty();
        byte[] key = decode(secret);
        long current = step(now);
        long found = Long.MIN_VALUE;
        for (long s = current - WINDOW; s <= current + WINDOW; s++) {
            boolean same = MessageDigest.isEqual(code(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
            if (same && found == Long.MIN_VALUE) found = s;
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** The {@code otpauth://} URI an authenticator app reads from the QR code. */
    public static String uri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        return out.toString();
    }

    /** A base32 key as people may type it: any case, spaces, dashes and padding ignored. */
    static byte[] decode(String base32) {
        String s = base32.toUpperCase(Locale.ROOT).replaceAll("[\\s=-]", "");
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0, bits = 0;
        for (char c : s.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) throw new IllegalArgumentException("not base32: " + c);
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
