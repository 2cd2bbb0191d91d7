package eventdesk.admin;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.team.Access;
import eventdesk.team.Account;
import eventdesk.team.RecoveryCode;
import eventdesk.web.Lang;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A signed-in organizer's recovery codes: how many are left, and a new set on request, shown in the
 * answer to that request and never again (only their hashes are kept). Reached right after setting up
 * an authenticator at sign-in; any organizer may come back.
 */
@Needs(value = Role.DOOR, event = Needs.EventFrom.NONE)
@Path(RecoveryCodesResource.PAGE)
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class RecoveryCodesResource {

    static final String PAGE = "/admin/login/recovery-codes";

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    SecurityIdentity identity;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance codes(List<String> codes, long unused);
    }

    @GET
    @Transactional
    public TemplateInstance codes() {
        return lang.page(Templates.codes(List.of(), RecoveryCode.unused(signedIn())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public TemplateInstance make() {
        List<String> codes = RecoveryCode.replace(signedIn(), Instant.now(clock));
        return lang.page(Templates.codes(codes, codes.size()));
    }

    /** The signed-in organizer's account (an API token has none). */
    private Account signedIn() {
        Access access = identity.getAttribute(Access.ATTRIBUTE);
        Account account = access == null || access.token() ? null : Account.findById(access.id());
        if (account == null) throw new ForbiddenException();
        return account;
    }
}
