package eventdesk.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.Locale;

/**
 * The visitor's language: {@code ?lang=ko|en} (remembered in a cookie), else the cookie, else
 * Accept-Language, else Korean. Templates read it as {@code inject:lang}.
 */
@Named("lang")
@RequestScoped
public class Lang {

    public static final String COOKIE = "lang";

    @Inject
    CurrentVertxRequest current;

    private String code;

    public String code() {
        if (code == null) code = resolve();
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public boolean ko() {
        return "ko".equals(code());
    }

    /** The message bundle in this visitor's language, for texts built in Java. */
    public Msg msg() {
        return bundle(Msg.class);
    }

    /** Any message bundle (a feature's own texts) in this visitor's language. */
    public <T> T bundle(Class<T> type) {
        return io.quarkus.qute.i18n.MessageBundles.get(type, io.quarkus.qute.i18n.Localized.Literal.of(code()));
    }

    /** The other language, for the switch link. */
    public String other() {
        return ko() ? "en" : "ko";
    }

    /** Renders the page in this visitor's language (every page template goes through here). */
    public TemplateInstance page(TemplateInstance page) {
        return page.setLocale(locale());
    }

    public String dateTime(Instant instant) {
        return Kst.dateTime(instant, locale());
    }

    public String range(Instant start, Instant end) {
        return Kst.range(start, end, locale());
    }

    public String time(Instant instant) {
        return Kst.time(instant);
    }

    private String resolve() {
        HttpServerRequest request = current.getCurrent().request();
        String param = request.getParam("lang");
        if ("ko".equals(param) || "en".equals(param)) {
            request.response().addCookie(Cookie.cookie(COOKIE, param).setPath("/").setMaxAge(365L * 24 * 3600)
                    .setSameSite(CookieSameSite.LAX).setHttpOnly(true));
            return param;
        }
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie != null && ("ko".equals(cookie.getValue()) || "en".equals(cookie.getValue()))) {
            return cookie.getValue();
        }
        return fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    /** The first of ko/en in the header's order of preference; Korean when neither is named. */
    static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) return "ko";
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("ko")) return "ko";
                if (tag.startsWith("en")) return "en";
            }
        } catch (IllegalArgumentException ignored) {
            // a malformed header falls back to the default
        }
        return "ko";
    }
}
