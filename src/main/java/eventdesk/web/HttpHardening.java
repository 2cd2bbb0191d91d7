package eventdesk.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.handler.BodyHandler;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules every request passes before security and REST see it:
 * <ul>
 * <li>A state-changing request outside /api and /q must carry a form body
 * ({@code application/x-www-form-urlencoded}, any letter case, rewritten to lower case so the CSRF
 * filter recognizes it and checks the token); anything else, or no Content-Type, gets 415. Without
 * this an odd-cased or missing type made the CSRF filter skip its check while the form was still read.
 * The exceptions: the one-click unsubscribe POST ({@link #oneClickUnsubscribe}), which RFC 8058 lets a
 * mail client send as {@code multipart/form-data} too, and the upload of a list to import ({@link #upload}), a
 * file in a {@code multipart/form-data} form whose CSRF field the CSRF filter checks as any other.</li>
 * <li>Bodies are at most {@code quarkus.http.limits.max-body-size} (64K), except on the two routes of the list
 * import ({@link #largeForm}): the file and the confirm step's rows may be larger. Their bodies, up to
 * {@link #LARGE_FORM_LIMIT}, are read here once the organizer is signed in ({@link #readLargeForm}); a larger
 * one is answered 413 with a sentence in Korean and English.</li>
 * <li>A malformed {@code Accept-Language} is dropped (the page falls back to the default language)
 * instead of failing the request with 400.</li>
 * <li>State-changing API requests with a body must send JSON (else 415) and are read into memory (up to {@code quarkus.http.limits.max-body-size})
 * before the resource sees them, so an oversized or endless chunked body is a quiet 413. Over HTTP/2 (whose
 * requests REST must read itself) a Content-Length over the limit is answered 413 here, on its own stream, and
 * no answer carries the {@code Connection} header HTTP/2 forbids, so a client always reads its 413.</li>
 * <li>Every answer gets a Content-Security-Policy: the strict one for the app's pages; Swagger UI and the
 * dev mailbox, which cannot work under it, get their own ({@link #contentSecurityPolicy}).</li>
 * <li>Personal pages (organizer area, admin API, every page behind an emailed link, a person's own page at /me, metrics) get {@code Cache-Control: no-store};
 * requests that came over https get HSTS.</li>
 * <li>The form login's "where to go after login" cookie holds the requested URI; characters a cookie
 * cannot carry ({@code ; , " \} and blanks) are percent-encoded, otherwise writing the cookie fails and
 * the request never gets an answer.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpHardening {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String REDIRECT_COOKIE = "quarkus-redirect-location";
    static final String HSTS = "max-age=31536000";
    /** The app's pages: nothing inline, nothing from elsewhere, never framed. */
    static final String APP_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI (dev mode) starts itself with an inline script and styles its widgets inline. */
    static final String SWAGGER_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; form-action 'self'; frame-ancestors 'none'";
    /**
     * The dev mailbox shows each mail in a sandboxed {@code srcdoc} frame, which takes this page's policy: the
     * mail's inline styles and inline QR code may show; no script runs (none is allowed, and the frame's sandbox
     * forbids it too).
     */
    static final String DEV_MAIL_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "frame-src 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    /**
     * The largest body the list import's routes take: a file of up to 2 MB (the page refuses a larger one with its
     * own message) and the confirm step's rows, which may be longer than the file they came from.
     */
    static final long LARGE_FORM_LIMIT = 8L * 1024 * 1024;
    /**
     * Where {@link #readLargeForm} runs: after sign-in and the organizer area's permission (security runs at -200 and
     * -100), before Quarkus' own body limit (-2), which only guards bodies not read yet; {@link #largeFormRead} runs
     * right after it.
     */
    static final int LARGE_FORM_ORDER = -4;
    private static final Pattern UPLOAD = Pattern.compile("/admin/events/[^/]+/import");
    private static final Pattern LARGE_FORM = Pattern.compile("/admin/events/[^/]+/import(/confirm)?");

    private BodyHandler apiBodies;
    private BodyHandler largeForms;
    private long bodyLimit;

    void install(@Observes Router router) {
        long limit = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        bodyLimit = limit;
        apiBodies = BodyHandler.create(false).setBodyLimit(limit);
        largeForms = BodyHandler.create(Path.of(System.getProperty("java.io.tmpdir"), "eventdesk-uploads").toString())
                .setBodyLimit(LARGE_FORM_LIMIT).setMergeFormAttributes(true).setDeleteUploadedFilesOnEnd(true);
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
        router.route().order(LARGE_FORM_ORDER).handler(this::readLargeForm).failureHandler(HttpHardening::largeFormTooLarge);
        router.route().order(LARGE_FORM_ORDER + 1).handler(HttpHardening::largeFormRead);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path() == null ? "" : request.path();
        dropMalformedAcceptLanguage(request);
        ctx.addHeadersEndHandler(v -> beforeHeaders(ctx, path));
        if (!SAFE.contains(request.method()) && needsForm(path) && !formBody(request)
                && !((oneClickUnsubscribe(path) || upload(path)) && multipartBody(request))) {
            ctx.response().setStatusCode(415).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .end("Send the form as application/x-www-form-urlencoded.");
            return;
        }
        if (!SAFE.contains(request.method()) && path.startsWith("/api/")) {
            if (hasBody(request) && !jsonBody(request)) {
                ctx.response().setStatusCode(415).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                        .end("{\"type\":\"about:blank\",\"title\":\"Unsupported Media Type\",\"status\":415,"
                                + "\"detail\":\"Send the body as application/json.\"}");
                return;
            }
            if (request.version() == HttpVersion.HTTP_2 && declaredLength(request) > bodyLimit) {
                // Quarkus answers an over-long Content-Length with "Connection: close" and closes the
                // connection, which over HTTP/2 resets every stream on it: the client never sees the 413.
                tooLarge(ctx);
                return;
            }
            if (hasBody(request) && request.version() != HttpVersion.HTTP_2) {
                // JSON bodies are read as a stream; one over the limit ended with a 413 written under the
                // reader's feet and an ERROR logged. Buffered here (up to the limit) it is a plain 413.
                // Not for an empty body (the resource would wait for it forever) nor for HTTP/2, whose
                // streams REST cannot pause once read; there the limit still answers 413.
                apiBodies.handle(ctx);
                return;
            }
        }
        ctx.next();
    }

    /**
     * Reads the whole body of a POST to the list import's routes, up to {@link #LARGE_FORM_LIMIT} (413 beyond, with a
     * sentence in Korean and English when the length is declared): its fields, and a file into a temporary file
     * deleted when the answer is sent. REST then takes the form as read here. Only a signed-in organizer gets here:
     * security answered anyone else before.
     */
    void readLargeForm(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!largeFormPost(request)) {
            ctx.next();
            return;
        }
        if (declaredLength(request) > LARGE_FORM_LIMIT) {
            tooLargeForm(ctx);
            return;
        }
        largeForms.handle(ctx);
    }

    /**
     * A body that grew past the limit while {@link #readLargeForm} read it (sent chunked): the same 413. Once that
     * answer is sent, the rest of the upload breaking off is no further failure.
     */
    static void largeFormTooLarge(RoutingContext ctx) {
        if (!largeFormPost(ctx.request())) ctx.next();
        else if (ctx.response().ended()) return;
        else if (ctx.statusCode() == 413 && !ctx.response().headWritten()) tooLargeForm(ctx);
        else ctx.next();
    }

    private static void tooLargeForm(RoutingContext ctx) {
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("파일이 너무 큽니다. 명단은 2MB까지 가져올 수 있습니다.\n"
                        + "The file is too large: a list to import may be at most 2 MB.\n");
    }

    /**
     * Once {@link #readLargeForm} has read a body, its Content-Length says nothing more to anyone: dropped, so
     * Quarkus' limit for bodies still to be read (64K) leaves it alone.
     */
    static void largeFormRead(RoutingContext ctx) {
        if (largeFormPost(ctx.request())) ctx.request().headers().remove(HttpHeaders.CONTENT_LENGTH);
        ctx.next();
    }

    private static boolean largeFormPost(HttpServerRequest request) {
        return request.method() == HttpMethod.POST && largeForm(request.path() == null ? "" : request.path());
    }

    /** The upload of a list to import: the one organizer form sent as {@code multipart/form-data}. */
    static boolean upload(String path) {
        return UPLOAD.matcher(path).matches();
    }

    /** The list import's routes: the upload, and the confirm step that carries the list's rows. */
    static boolean largeForm(String path) {
        return LARGE_FORM.matcher(path).matches();
    }

    /** The request's Content-Length, or -1 when it has none (or an unreadable one). */
    static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) return -1;
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** 413 on this request's own stream; the connection (and the client's other streams) stays open. */
    static void tooLarge(RoutingContext ctx) {
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
                        + "\"detail\":\"The body is larger than the server accepts.\"}");
    }

    /** Pages and the organizer area take forms; the JSON API and operations endpoints have their own types. */
    static boolean needsForm(String path) {
        return !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/");
    }

    /**
     * The one route a state-changing request may reach without a CSRF token (and without any cookie): the
     * unsubscribe link, {@code POST /unsubscribe/{token}}, that a mail client posts by itself when the person
     * presses its "unsubscribe" (RFC 8058 one-click, {@code List-Unsubscribe=One-Click}). The link's secret
     * is the proof that the person asks; the POST only withdraws consent to promotional mail.
     */
    public static boolean oneClickUnsubscribe(String path) {
        return ONE_CLICK.matcher(path).matches();
    }

    private static final Pattern ONE_CLICK = Pattern.compile("/unsubscribe/[A-Za-z0-9_-]{20,100}");

    /** A {@code multipart/form-data} body (RFC 8058 lets a mail client send the one-click POST so). */
    static boolean multipartBody(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || request.headers().getAll(HttpHeaders.CONTENT_TYPE).size() != 1) return false;
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().equalsIgnoreCase("multipart/form-data");
    }

    /** True for a form body; an odd-cased form type is rewritten to lower case. */
    static boolean formBody(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || request.headers().getAll(HttpHeaders.CONTENT_TYPE).size() != 1) return false;
        int semicolon = type.indexOf(';');
        String base = (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        if (!base.equals(FORM)) return false;
        String canonical = semicolon < 0 ? FORM : FORM + type.substring(semicolon);
        if (!canonical.equals(type)) request.headers().set(HttpHeaders.CONTENT_TYPE, canonical);
        return true;
    }

    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING) || (length != null && !length.strip().equals("0"));
    }

    /** The API takes JSON only (any letter case, any parameters). */
    static boolean jsonBody(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || request.headers().getAll(HttpHeaders.CONTENT_TYPE).size() != 1) return false;
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().equalsIgnoreCase("application/json");
    }

    static void dropMalformedAcceptLanguage(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null) return;
        boolean ok = header.length() <= 512;
        if (ok) {
            try {
                Locale.LanguageRange.parse(header);
            } catch (RuntimeException e) {
                ok = false;
            }
        }
        if (!ok) request.headers().remove(HttpHeaders.ACCEPT_LANGUAGE);
    }

    static void beforeHeaders(RoutingContext ctx, String path) {
        HttpServerResponse response = ctx.response();
        response.headers().set("Content-Security-Policy", contentSecurityPolicy(path));
        if (isPersonal(path)) {
            response.headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
            response.headers().set("Pragma", "no-cache");
        }
        if ("https".equalsIgnoreCase(ctx.request().scheme()) || ctx.request().isSSL()) {
            response.headers().set("Strict-Transport-Security", HSTS);
        }
        if (ctx.request().version() == HttpVersion.HTTP_2) {
            // A connection-specific header is illegal in HTTP/2: the client would drop the whole answer
            // (Quarkus adds "Connection: close" to a 413 for a body that grew past the limit).
            response.headers().remove(HttpHeaders.CONNECTION);
        }
        for (Cookie location : ctx.request().cookies(REDIRECT_COOKIE)) {
            String safe = cookieSafe(location.getValue());
            if (!safe.equals(location.getValue())) location.setValue(safe);
        }
    }

    /** The strict policy everywhere, except for the two tools that need inline styles (and Swagger UI its script). */
    static String contentSecurityPolicy(String path) {
        if (path.equals("/q/swagger-ui") || path.startsWith("/q/swagger-ui/")) return SWAGGER_POLICY;
        if (path.equals("/dev/mail") || path.startsWith("/dev/mail/")) return DEV_MAIL_POLICY;
        return APP_POLICY;
    }

    /** Pages and answers with someone's personal data or the organizer's session. */
    static boolean isPersonal(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") || path.equals("/api/admin") || path.startsWith("/api/admin/")
                || PERSONAL_LINKS.stream().anyMatch(path::startsWith) || path.equals("/j_security_check")
                || path.startsWith("/q/metrics") || (path.startsWith("/events/") && path.endsWith("/thanks"))
                || path.equals("/me") || path.startsWith("/me/");
    }

    /** Every page reached through a person's emailed link shows their name or email (or says the link is dead). */
    static final List<String> PERSONAL_LINKS = List.of("/confirm/", "/manage/", "/verify/", "/attendance/", "/unsubscribe/");

    /** Percent-encodes what RFC 6265 does not allow in a cookie value; a URI stays the same URI. */
    static String cookieSafe(String value) {
        if (value == null) return "";
        StringBuilder b = new StringBuilder(value.length());
        for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean allowed = c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A)
                    || (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
            if (allowed) b.append((char) c);
            else b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
        }
        return b.toString();
    }
}
