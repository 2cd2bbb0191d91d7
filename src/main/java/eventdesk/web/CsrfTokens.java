package eventdesk.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * CSRF protection for every form: one token per browser session, bound to who is signed in, with an
 * expiry the server checks.
 * <ul>
 * <li>The cookie ({@code csrf-token}; {@code __Host-csrf-token}, Secure, over https) holds a random
 * nonce, its expiry and an HMAC-SHA256 over both and the signed-in principal (empty for a visitor).
 * A form's hidden field holds a second HMAC over the nonce and the principal. Both are made with a key
 * derived from {@code quarkus.http.auth.session.encryption-key}, so every instance that shares that key
 * accepts the others' forms.</li>
 * <li>A page with a form sets the cookie only when the request brought no valid one (or one past half its
 * life, renewed with the same nonce): every tab of a browser shows the same field, so a form opened in one
 * tab still works after pages were loaded in others. Pages without a form and the JSON API set no cookie.</li>
 * <li>A state-changing request outside /api and /q passes only with a valid, unexpired cookie for the
 * principal making it and the field that goes with that cookie. A pair taken while signed out (or as
 * someone else) does not pass for the organizer, and signing in or out gives the browser a new cookie.</li>
 * <li>One route is let through without either: the one-click unsubscribe POST a mail client sends
 * ({@link HttpHardening#oneClickUnsubscribe}).</li>
 * </ul>
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String FIELD = "csrf-token";
    static final String COOKIE = "csrf-token";
    static final String SECURE_COOKIE = "__Host-csrf-token";
    /** A cookie not renewed (by loading a page with a form) for this long is refused. */
    static final Duration LIFETIME = Duration.ofHours(12);
    static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";

    private static final int NONCE = 16, EXPIRY = 8, MAC = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    Clock clock;
    @Inject
    Lang lang;

    private byte[] key;

    @PostConstruct
    void key() {
        key = ConfigProvider.getConfig().getOptionalValue(SESSION_KEY, String.class).filter(k -> !k.isBlank())
                .map(CsrfTokens::derive).orElseGet(() -> {
                    // Only where production's start-up check does not apply (dev and tests set a key).
                    byte[] random = new byte[32];
                    RANDOM.nextBytes(random);
                    return random;
                });
    }

    static byte[] derive(String sessionKey) {
        return hmac(sessionKey.getBytes(StandardCharsets.UTF_8), "eventdesk CSRF token signature".getBytes(StandardCharsets.UTF_8));
    }

    // The request's side: the form field for a page, the check of a form post

    /**
     * The hidden field for a form on this page; sets (or renews) the cookie when the request brought
     * no valid one for its principal.
     */
    String fieldFor(RoutingContext routing) {
        String principal = principal(routing);
        Instant now = Instant.now(clock);
        boolean https = https(routing.request());
        Optional<Token> valid = cookies(routing.request(), https).stream()
                .map(c -> read(c.getValue(), principal, now)).flatMap(Optional::stream).findFirst();
        Token token = valid.orElseGet(() -> new Token(nonce(), now.plus(LIFETIME)));
        if (valid.isEmpty() || Duration.between(now, token.expires()).compareTo(LIFETIME.dividedBy(2)) < 0) {
            Token issued = new Token(token.nonce(), now.plus(LIFETIME));
            if (!routing.response().headWritten()) routing.response().addCookie(cookie(cookieValue(issued, principal), https));
        }
        return field(token.nonce(), principal);
    }

    /** Refuses a state-changing form request without a valid cookie and its field for the principal making it. */
    @ServerRequestFilter
    @WithFormRead
    public void check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        String path = routing.normalizedPath();
        if (SAFE.contains(request.getMethod()) || !HttpHardening.needsForm(path) || HttpHardening.oneClickUnsubscribe(path)) return;
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(FIELD, true, false);
        String principal = principal(routing);
        Instant now = Instant.now(clock);
        boolean passes = field instanceof String f && cookies(routing.request(), https(routing.request())).stream()
                .anyMatch(c -> accepts(c.getValue(), f, principal, now));
        if (!passes) {
            Msg msg = lang.msg();
            request.abortWith(ErrorPages.page(400, msg.csrf_refused_title(), msg.csrf_refused_text(), lang.locale()));
        }
    }

    static boolean https(HttpServerRequest request) {
        return request.isSSL() || "https".equalsIgnoreCase(request.scheme());
    }

    /** Over https only the {@code __Host-} cookie counts: no other site or subdomain, and no plain-http answer, can set it. */
    static Set<Cookie> cookies(HttpServerRequest request, boolean https) {
        return request.cookies(https ? SECURE_COOKIE : COOKIE);
    }

    static Cookie cookie(String value, boolean https) {
        return Cookie.cookie(https ? SECURE_COOKIE : COOKIE, value).setPath("/").setHttpOnly(true).setSecure(https)
                .setSameSite(CookieSameSite.LAX).setMaxAge(LIFETIME.toSeconds());
    }

    /** Who the request is signed in as (the form login's principal names its session), or "" for a visitor. */
    static String principal(RoutingContext routing) {
        SecurityIdentity identity = routing.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        return identity == null || identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    // The tokens themselves

    record Token(byte[] nonce, Instant expires) {
    }

    static byte[] nonce() {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** The cookie: nonce, expiry (epoch seconds) and the HMAC over both and the principal. */
    String cookieValue(Token token, String principal) {
        ByteBuffer b = ByteBuffer.allocate(NONCE + EXPIRY + MAC);
        b.put(token.nonce()).putLong(token.expires().getEpochSecond()).put(cookieMac(token.nonce(), token.expires().getEpochSecond(), principal));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** The form field that goes with a cookie's nonce, for this principal. */
    String field(byte[] nonce, String principal) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac("field", nonce, principal));
    }

    /** The token in a cookie, if the cookie is one of ours, for this principal, and not expired. */
    Optional<Token> read(String cookie, String principal, Instant now) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cookie == null ? "" : cookie);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != NONCE + EXPIRY + MAC) return Optional.empty();
        ByteBuffer b = ByteBuffer.wrap(raw);
        byte[] nonce = new byte[NONCE];
        b.get(nonce);
        long expires = b.getLong();
        byte[] mac = new byte[MAC];
        b.get(mac);
        if (!MessageDigest.isEqual(mac, cookieMac(nonce, expires, principal))) return Optional.empty();
        if (!now.isBefore(Instant.ofEpochSecond(expires))) return Optional.empty();
        return Optional.of(new Token(nonce, Instant.ofEpochSecond(expires)));
    }

    /** Whether a form with this field and this cookie comes from a page this principal loaded, not too long ago. */
    boolean accepts(String cookie, String field, String principal, Instant now) {
        return read(cookie, principal, now)
                .map(t -> MessageDigest.isEqual(field(t.nonce(), principal).getBytes(StandardCharsets.US_ASCII),
                        field.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    private byte[] cookieMac(byte[] nonce, long expires, String principal) {
        return mac("cookie", ByteBuffer.allocate(NONCE + EXPIRY).put(nonce).putLong(expires).array(), principal);
    }

    private byte[] mac(String purpose, byte[] data, String principal) {
        byte[] p = principal.getBytes(StandardCharsets.UTF_8);
        byte[] what = purpose.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer message = ByteBuffer.allocate(4 + what.length + 4 + data.length + p.length);
        message.putInt(what.length).put(what).putInt(data.length).put(data).put(p);
        return hmac(key, message.array());
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests: tokens made with a known key. */
    static CsrfTokens withKey(String sessionKey, Clock clock) {
        CsrfTokens tokens = new CsrfTokens();
        tokens.key = derive(sessionKey);
        tokens.clock = clock;
        return tokens;
    }
}
