package eventdesk.admin;

import eventdesk.team.BeforeSignIn;
import eventdesk.team.Account;
import eventdesk.team.AccountStatus;
import eventdesk.team.Invitation;
import eventdesk.web.Lang;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Joining the team from an invitation link: choose a password, then set up the authenticator app on
 * the sign-in code page, which signs the new member in. The link opens the page while the invitation
 * is unused and not expired; the password is taken only by the request that uses the invitation, so
 * a link works once even when two tabs send it.
 */
@BeforeSignIn
@Path("/admin/invitation/{token}")
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    static final int MIN_PASSWORD = 12, MAX_PASSWORD = 200;

    @Inject
    Lang lang;
    @Inject
    Clock clock;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance form(String name, String email, boolean shortPassword, boolean mismatch);

        public static native TemplateInstance expired();
    }

    @GET
    public Response form(@PathParam("token") String token) {
        Optional<Invitee> invitee = invitee(token, Instant.now(clock));
        if (invitee.isEmpty()) return expired();
        return Response.ok(lang.page(Templates.form(invitee.get().name(), invitee.get().email(), false, false))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response join(@PathParam("token") String token, @FormParam("password") String password,
                         @FormParam("repeat") String repeat, RoutingContext http) {
        Instant now = Instant.now(clock);
        boolean tooShort = password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD;
        boolean mismatch = !tooShort && !password.equals(repeat);
        if (tooShort || mismatch) {
            Optional<Invitee> invitee = invitee(token, now);
            if (invitee.isEmpty()) return expired();
            return Response.status(422).entity(lang.page(Templates.form(invitee.get().name(), invitee.get().email(), tooShort,
                    mismatch))).build();
        }
        Optional<String> challenge = QuarkusTransaction.requiringNew().call(() -> Invitation.redeem(token, now).map(a -> {
            Account account = Account.findById(a.id);
            account.setPassword(password);
            account.status = AccountStatus.ACTIVE;
            return SignInChallenge.open(account, true, now);
        }));
        if (challenge.isEmpty()) return expired();
        http.response().addCookie(OrganizerIdentity.challengeCookie(http, challenge.get(), SignInChallenge.VALID));
        return Response.seeOther(URI.create(SecondFactorResource.CODE_PAGE)).build();
    }

    /** Whom a live invitation invites. */
    record Invitee(String name, String email) {
    }

    private static Optional<Invitee> invitee(String token, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> Invitation.peek(token, now).map(a -> new Invitee(a.name, a.email)));
    }

    private Response expired() {
        return Response.status(404).entity(lang.page(Templates.expired())).build();
    }
}
