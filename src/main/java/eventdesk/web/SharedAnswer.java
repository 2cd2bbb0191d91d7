package eventdesk.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A public answer as {@link RenderCache} keeps it, the same for every visitor: its bytes, cut where each
 * visitor's own CSRF token goes (a page with a form, see {@link CsrfToken#share}), and a tag of its content.
 * {@link #respond} puts the visitor's token in and answers a conditional GET whose {@code If-None-Match}
 * names the answer with 304 and no body. The tag of a page with a form covers the visitor's token, so a
 * browser never keeps a form whose token is not its own. Every answer says {@code no-cache}: a browser
 * or proxy may keep it but asks again each time, because seat counts change at any moment.
 */
public final class SharedAnswer {

    private final byte[][] parts;
    private final String tag;
    private final String type;
    private final String cacheControl;

    private SharedAnswer(byte[][] parts, String tag, String type, String cacheControl) {
        this.parts = parts;
        this.tag = tag;
        this.type = type;
        this.cacheControl = cacheControl;
    }

    /** A JSON answer, the same for everyone (proxies may keep it too). */
    public static SharedAnswer json(byte[] body) {
        return new SharedAnswer(new byte[][]{body}, hash(body), "application/json", "no-cache");
    }

    /**
     * A page in one language (so only the visitor's own browser keeps it); where {@code marker} occurs,
     * each visitor's CSRF token goes.
     */
    public static SharedAnswer page(String html, String marker) {
        String[] cut = html.split(Pattern.quote(marker), -1);
        byte[][] parts = new byte[cut.length][];
        for (int i = 0; i < cut.length; i++) parts[i] = cut[i].getBytes(StandardCharsets.UTF_8);
        return new SharedAnswer(parts, hash(html.getBytes(StandardCharsets.UTF_8)), "text/html;charset=UTF-8",
                "private, no-cache");
    }

    /** Whether the answer has a form, and so needs the visitor's CSRF token. */
    public boolean hasForm() {
        return parts.length > 1;
    }

    /**
     * 200 with the answer (the visitor's token put in, asked for only when the answer has a form), or 304
     * when {@code ifNoneMatch} names its ETag.
     */
    public Response respond(String ifNoneMatch, Supplier<String> token) {
        String t = hasForm() ? token.get() : null;
        String etag = '"' + (t == null ? tag : tag + '-' + hash(t.getBytes(StandardCharsets.US_ASCII)).substring(0, 11)) + '"';
        if (matches(ifNoneMatch, etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        return Response.ok(body(t), type).header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    private byte[] body(String token) {
        if (token == null) return parts[0];
        byte[] t = token.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(length() + t.length * (parts.length - 1));
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) out.writeBytes(t);
            out.writeBytes(parts[i]);
        }
        return out.toByteArray();
    }

    private int length() {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        return n;
    }

    /** RFC 9110's weak comparison: any listed tag equal to ours (with or without {@code W/}), or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) return false;
        for (String listed : ifNoneMatch.split(",")) {
            String t = listed.strip();
            if (t.startsWith("W/")) t = t.substring(2);
            if (t.equals("*") || t.equals(etag)) return true;
        }
        return false;
    }

    private static String hash(byte[] data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
