package eventdesk.team;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.web.Problem;
import eventdesk.web.TrustedProxies;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Who calls the team's API and from where: the {@link Access} of the signed-in account or API token
 * and the client address as {@link TrustedProxies} sees it, as the access log names them.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;
    @Inject
    HttpServerRequest request;
    @Inject
    TrustedProxies proxies;

    public Access access() {
        return identity.getAttribute(Access.ATTRIBUTE);
    }

    public String address() {
        return proxies.clientAddress(request);
    }

    /**
     * Who acts, as the access log names them: the {@link Access}'s subject (an account's email, or
     * {@code token:<id>}); should an identity carry no Access, its principal's name without the session
     * part a form login adds ({@code <email>#<session>}).
     */
    public String subject() {
        Access access = access();
        if (access != null) return access.subject();
        if (identity.isAnonymous()) return null;
        String name = identity.getPrincipal().getName();
        int session = name.lastIndexOf('#');
        return session < 0 ? name : name.substring(0, session);
    }

    /** The start of an access log entry for this caller doing {@code action}: who, and from which address. */
    public AccessLog.Entry entry(AccessAction action) {
        return AccessLog.Entry.of(subject(), address(), action);
    }

    /** Null when the caller is an OWNER; else the 403 problem to answer, before anything changes. */
    public Response unlessOwner() {
        Access access = access();
        if (access != null && access.role() == Role.OWNER) return null;
        return Problem.response(403, "Forbidden", "Only an OWNER may manage the team, its API tokens and the access log.", null);
    }

    /** The caller's account, when an account (not an API token) calls. */
    Optional<Account> account() {
        Access access = access();
        return access == null || access.token() ? Optional.empty() : Optional.ofNullable(Account.findById(access.id()));
    }
}
