package eventdesk.admin;

import eventdesk.team.BeforeSignIn;
import eventdesk.mail.QrCode;
import eventdesk.team.Account;
import eventdesk.team.Totp;
import eventdesk.web.Lang;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The second step of signing in: the page asking for the code (its form posts to the form login with
 * the user name {@value OrganizerIdentity#SECOND_FACTOR}), showing an account that has no authenticator
 * yet the QR code and the key to set one up. It shows nothing without a live challenge cookie.
 */
@BeforeSignIn
@Path(SecondFactorResource.CODE_PAGE)
@Produces(MediaType.TEXT_HTML)
public class SecondFactorResource {

    static final String CODE_PAGE = "/admin/login/code";
    static final String ISSUER = "eventdesk";
    static final int QR_SIZE = 240;

    @Inject
    Lang lang;
    @Inject
    Clock clock;

    /** A new authenticator key: the QR code of its otpauth URI (PNG, base64) and the key in groups of four. */
    public record Enrollment(String qr, String key) {
    }

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance code(boolean error, Enrollment enroll, String user);
    }

    @GET
    @Transactional
    public Response code(@CookieParam(OrganizerIdentity.CHALLENGE_COOKIE) String secret, @QueryParam("error") boolean error) {
        Optional<SignInChallenge> challenge = SignInChallenge.live(secret, Instant.now(clock));
        if (challenge.isEmpty()) return Response.seeOther(URI.create("/admin/login")).build();
        Enrollment enroll = challenge.get().enrollSecret == null ? null : enrollment(challenge.get());
        return Response.ok(lang.page(Templates.code(error, enroll, OrganizerIdentity.SECOND_FACTOR))).build();
    }

    static Enrollment enrollment(SignInChallenge challenge) {
        Account account = Account.findById(challenge.accountId);
        String uri = Totp.uri(ISSUER, account.email, challenge.enrollSecret);
        String qr = Base64.getEncoder().encodeToString(QrCode.png(uri, QR_SIZE));
        return new Enrollment(qr, challenge.enrollSecret.replaceAll("(.{4})(?!$)", "$1 "));
    }
}
