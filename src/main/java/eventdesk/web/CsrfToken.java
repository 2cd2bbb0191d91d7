package eventdesk.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF field of the page being rendered, for templates: {@code {inject:csrf.parameterName}} and
 * {@code {inject:csrf.token}} (the {@code tags/csrf} tag). Asking for the token is what gives the browser
 * its CSRF cookie, so only pages with a form set one ({@link CsrfTokens}).
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    @Inject
    CurrentVertxRequest current;
    @Inject
    CsrfTokens tokens;

    private String token;

    public String getToken() {
        if (token == null) token = tokens.fieldFor(current.getCurrent());
        return token;
    }

    public String getParameterName() {
        return CsrfTokens.FIELD;
    }
}
