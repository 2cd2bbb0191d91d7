package eventdesk.admin;

import eventdesk.web.EventdeskConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The organizer's login session: the encrypted form-login cookie names the user, who is the
 * organizer only while that is still the configured account. Also answers 401s under /api/admin
 * with a Basic challenge, which Quarkus leaves out when form login is on.
 */
@ApplicationScoped
public class OrganizerSession implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    EventdeskConfig config;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        if (config.admin().username().isEmpty() || !OrganizerIdentity.same(request.getPrincipal(), config.admin().username().get())) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(request.getPrincipal())).addRole(OrganizerIdentity.ROLE).build());
    }

    void basicChallengeForScripts(@Observes Router router) {
        router.route("/api/admin/*").order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                if (ctx.response().getStatusCode() == 401 && !ctx.response().headers().contains("WWW-Authenticate")) {
                    ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"eventdesk\", charset=\"UTF-8\"");
                }
            });
            ctx.next();
        });
    }
}
