package eventdesk.team;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.web.TrustedProxies;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Optional;

/**
 * Who calls the team's API and from where: the {@link Access} of the signed-in account or API token
 * and the client address as {@link TrustedProxies} sees it, as the access log names them.
 */
@RequestScoped
@Named("caller")
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

    /** Whether the caller's role includes {@code role} (for one of its events, at least): what the organizer pages offer. */
    public boolean has(Role role) {
        Access access = access();
        return access != null && access.role().includes(role);
    }

    /** For the organizer pages: whether to offer what a MANAGER does (a door volunteer sees only the check-in screen). */
    public boolean manager() {
        return has(Role.MANAGER);
    }

    /** For the organizer pages: whether to offer a new event (only to who may act on every event). */
    public boolean creates() {
        Access access = access();
        return has(Role.MANAGER) && access.allEvents();
    }

    /** For the organizer pages: whether to offer the team and the access log. */
    public boolean owner() {
        return has(Role.OWNER);
    }

    /** For the organizer pages: whether to show a person's email and answers on the event {@code slug} (not to the door). */
    public boolean manages(String slug) {
        return may(Role.MANAGER, slug);
    }

    /** Whether the caller may act as {@code role} on the event {@code slug}. */
    public boolean may(Role role, String slug) {
        Access access = access();
        return access != null && access.may(role, slug);
    }

    /** The caller's account, when an account (not an API token) calls. */
    Optional<Account> account() {
        Access access = access();
        return access == null || access.token() ? Optional.empty() : Optional.ofNullable(Account.findById(access.id()));
    }
}
