package eventdesk.registration;

import eventdesk.mail.QrCode;
import eventdesk.registration.RegistrationException.InvalidLink;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.Kst;
import eventdesk.web.Lang;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * The pages behind emailed links. A GET only shows; every change is a POST with the CSRF token,
 * because mail scanners open links. An unknown, used or expired link gets the same page on GET and
 * POST ({@link RegistrationFailures}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class RegistrationResource {

    @Inject
    RegistrationService service;
    @Inject
    DrawService draws;
    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    EventdeskConfig config;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance confirm(Registration r, String eventTitle, String when, String token,
                                                      String deadline, String manageToken);

        public static native TemplateInstance manage(Registration r, String eventTitle, String when, String venue,
                                                     String token, long position, String deadline, String checkedIn,
                                                     String drawAt, Ticket ticket);


        public static native TemplateInstance verify(Registration r, String eventTitle, String token, String drawAt,
                                                     boolean drawn, boolean closed);

        public static native TemplateInstance invalid(boolean expired, String eventSlug);
    }

    /** The ticket a confirmed registration's manage page shows: its check-in code and that code's QR image (data: URI). */
    public record Ticket(String checkInCode, String qrImage) {
    }

    @GET
    @Path("confirm/{token}")
    @Transactional
    public TemplateInstance confirmPage(@PathParam("token") String token) {
        Registration r = resolve(token, AccessToken.Purpose.CONFIRM);
        if (r.status == RegistrationStatus.EXPIRED || r.holdExpiredAt(Instant.now(clock))) {
            throw InvalidLink.expired(r.event.slug);
        }
        String manage = r.status == RegistrationStatus.CONFIRMED ? AccessToken.manageSecretOf(token) : null;
        return lang.page(Templates.confirm(r, r.event.title(lang.locale()), lang.range(r.event.startsAt, r.event.endsAt),
                token, lang.dateTime(r.holdExpiresAt),
                manage != null && AccessToken.belongsTo(manage, AccessToken.Purpose.MANAGE, r.id) ? manage : null));
    }

    @POST
    @Path("confirm/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("token") String token) {
        Registration r = service.confirm(token, Instant.now(clock));
        if (r.status == RegistrationStatus.EXPIRED) throw InvalidLink.expired(r.event.slug);
        return Response.seeOther(UriBuilder.fromPath("/confirm/{token}").build(token)).build();
    }

    @GET
    @Path("manage/{token}")
    @Transactional
    public TemplateInstance manage(@PathParam("token") String token) {
        Registration r = resolve(token, AccessToken.Purpose.MANAGE);
        return lang.page(Templates.manage(r, r.event.title(lang.locale()), lang.range(r.event.startsAt, r.event.endsAt),
                r.event.venue, token, r.waitlistPosition(), lang.dateTime(r.holdExpiresAt), Kst.time(r.checkedInAt),
                r.event.isDraw() ? lang.dateTime(r.event.drawAt) : null, ticket(r, token)));
    }

    /**
     * The ticket of a CONFIRMED registration: the check-in code that belongs to this manage link, as the ticket
     * mail's QR code encodes it. None for any other status, nor for a link whose code was never issued.
     */
    private Ticket ticket(Registration r, String manageToken) {
        if (r.status != RegistrationStatus.CONFIRMED) return null;
        String code = AccessToken.checkInCode(manageToken);
        if (!AccessToken.belongsTo(code, AccessToken.Purpose.CHECKIN, r.id)) return null;
        String png = Base64.getEncoder().encodeToString(QrCode.png(config.baseUrl() + "/admin/checkin/" + code, 240));
        return new Ticket(code, "data:image/png;base64," + png);
    }

    /**
     * A draw application's verify link: the page shows a button; only its POST verifies. From drawAt
     * on (drawn or not yet) it says that verifications have closed.
     */
    @GET
    @Path("verify/{token}")
    @Transactional
    public TemplateInstance verifyPage(@PathParam("token") String token) {
        Registration r = resolve(token, AccessToken.Purpose.VERIFY);
        return lang.page(Templates.verify(r, r.event.title(lang.locale()), token, lang.dateTime(r.event.drawAt),
                r.event.drawnAt != null, !r.event.applicationsOpenAt(Instant.now(clock))));
    }

    @POST
    @Path("verify/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@PathParam("token") String token) {
        draws.verify(token, Instant.now(clock));
        return Response.seeOther(UriBuilder.fromPath("/verify/{token}").build(token)).build();
    }

    @POST
    @Path("manage/{token}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("token") String token) {
        service.cancel(token, Instant.now(clock));
        return Response.seeOther(UriBuilder.fromPath("/manage/{token}").build(token)).build();
    }

    /** The calendar entry of a registration, for people who lost the ticket mail's attachment. */
    @GET
    @Path("manage/{token}/event.ics")
    @Produces("text/calendar")
    @Transactional
    public Response calendar(@PathParam("token") String token) {
        Registration r = resolve(token, AccessToken.Purpose.MANAGE);
        return Response.ok(RegistrationMails.ics(r, null), "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + r.event.slug + ".ics\"").build();
    }

    private static Registration resolve(String token, AccessToken.Purpose purpose) {
        return AccessToken.resolve(token, purpose).orElseThrow(InvalidLink::unknown);
    }
}
