package eventdesk.registration;

import eventdesk.web.Lang;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Instant;

/**
 * The unsubscribe link of every mail sent while the person has marketing consent, and the target of a
 * promotional mail's {@code List-Unsubscribe} header. GET shows a page with a button and changes
 * nothing (mail scanners open links). POST withdraws at once and answers 200: the page's button, and
 * the one-click POST a mail client sends by itself (RFC 8058: body {@code List-Unsubscribe=One-Click},
 * form-encoded or multipart, no cookie, no CSRF token; the link's secret is the proof, so the CSRF
 * check lets exactly this route through).
 */
@Path("/unsubscribe/{token}")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    @Inject
    MarketingConsent marketing;
    @Inject
    Lang lang;
    @Inject
    Clock clock;

    @CheckedTemplate
    public static class Templates {
        /** {@code done}: the address gets no promotional mail (withdrawn now, or before). */
        public static native TemplateInstance page(String email, String sender, String token, boolean done);
    }

    @GET
    @Transactional
    public TemplateInstance page(@PathParam("token") String token) {
        Registration r = AccessToken.resolve(token, AccessToken.Purpose.UNSUBSCRIBE)
                .orElseThrow(RegistrationException.InvalidLink::unknown);
        return lang.page(Templates.page(r.email, marketing.sender().name(), token, !r.hasMarketingConsent()));
    }

    @POST
    public TemplateInstance unsubscribe(@PathParam("token") String token) {
        Registration r = marketing.withdraw(token, Instant.now(clock));
        return lang.page(Templates.page(r.email, marketing.sender().name(), token, true));
    }
}
