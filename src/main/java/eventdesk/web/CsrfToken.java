package eventdesk.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The CSRF field of the page being rendered, for templates: {@code {inject:csrf.parameterName}} and
 * {@code {inject:csrf.token}} (the {@code tags/csrf} tag). Asking for the token is what gives the browser
 * its CSRF cookie, so only pages with a form set one ({@link CsrfTokens}). A page shared by every visitor
 * ({@link #share}) is rendered with a marker in the field instead, and gets each visitor's token when it is sent.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    @Inject
    CurrentVertxRequest current;
    @Inject
    CsrfTokens tokens;

    /** Stands for the token in a shared page; random, so no text of an event can contain it. */
    private static final String MARKER = marker();

    private String token;

    public String getToken() {
        if (token == null) token = tokens.fieldFor(current.getCurrent());
        return token;
    }

    /**
     * Renders a page to be shared by every visitor: the CSRF fields of its forms hold a marker that
     * {@link SharedAnswer#respond} replaces with each visitor's own token. Rendering it sets no cookie.
     */
    public SharedAnswer share(Supplier<String> render) {
        String before = token;
        token = MARKER;
        try {
            return SharedAnswer.page(render.get(), MARKER);
        } finally {
            token = before;
        }
    }

    private static String marker() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        return "csrf-" + HexFormat.of().formatHex(random);
    }

    public String getParameterName() {
        return CsrfTokens.FIELD;
    }
}
