package eventdesk.admin;

import eventdesk.team.Access;
import eventdesk.team.ApiToken;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * How scripts sign in to the admin API ({@value #API} and below, the only paths that take it):
 * {@code Authorization: Bearer <token>} for an {@link ApiToken}, or HTTP Basic as before. A token is
 * looked up in the database on every request, so a revoked or expired one is refused at once on every
 * instance; its identity carries the token's role and events as an account's does. A bearer token
 * anywhere else (the organizer pages) is refused: pages take only the sign-in cookie or HTTP Basic.
 */
@ApplicationScoped
public class ScriptAuthentication implements HttpAuthenticationMechanism {

    static final String API = "/api/admin";
    private static final String BEARER = "bearer ";

    @Inject
    BasicAuthenticationMechanism basic;
    @Inject
    Clock clock;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        boolean api = underApi(context.request().path());
        if (!bearer) return api ? basic.authenticate(context, identityProviderManager) : Uni.createFrom().nullItem();
        if (!api) return Uni.createFrom().failure(new AuthenticationFailedException());
        String secret = header.substring(BEARER.length()).strip();
        return Uni.createFrom().item(() -> token(secret))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().ifNull().failWith(AuthenticationFailedException::new)
                .map(access -> OrganizerSession.identity(access.subject(), access));
    }

    private Access token(String secret) {
        Instant now = Instant.now(clock);
        Optional<Access> access = QuarkusTransaction.requiringNew().call(() -> ApiToken.use(secret, now).map(ApiToken::access));
        return access.orElse(null);
    }

    static boolean underApi(String path) {
        return path != null && (path.equals(API) || path.startsWith(API + "/"));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return basic.getChallenge(context);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
