package eventdesk.registration;

import eventdesk.event.EventResource;
import eventdesk.event.EventView;
import eventdesk.mail.Ics;
import eventdesk.web.ClientAddress;
import eventdesk.web.Kst;
import eventdesk.web.Lang;
import eventdesk.web.Msg;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-up form's POST and the pages behind emailed links. A GET only shows; every change is a
 * POST with the CSRF token, because mail scanners open links.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class RegistrationResource {

    @Inject
    RegistrationService service;
    @Inject
    Clock clock;
    @Inject
    SignUpCheck check;
    @Inject
    EventResource events;
    @Inject
    ClientAddress client;
    @Inject
    Lang lang;

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance confirm(Registration r, String eventTitle, String when, String token,
                                                      String deadline);

        public static native TemplateInstance manage(Registration r, String eventTitle, String when, String venue,
                                                     String token, long position, String deadline, String checkedIn);

        public static native TemplateInstance invalid(boolean expired, String eventSlug);
    }

    @POST
    @Path("events/{slug}/registrations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("slug") String slug, MultivaluedMap<String, String> fields) {
        SignUp form = SignUp.fromForm(fields);
        EventView view = events.view(slug);
        client.takeSignUpBudget();
        Map<String, String> errors = check.errors(form, msg());
        if (!errors.isEmpty()) {
            String first = errors.keySet().iterator().next();
            return Response.status(422).entity(lang.page(EventResource.form(view, form, errors, first))).build();
        }
        try {
            RegistrationService.Outcome outcome = service.register(slug, form, Instant.now(clock));
            URI thanks = UriBuilder.fromPath("/events/{slug}/thanks")
                    .queryParam("position", outcome.waitlistPosition()).build(slug);
            return Response.seeOther(thanks).build();
        } catch (RegistrationException.Closed | RegistrationException.SoldOut e) {
            return Response.status(409).entity(lang.page(EventResource.form(events.view(slug), form, Map.of(), ""))).build();
        }
    }

    /** A GET on the form's address (e.g. the language switch on a re-rendered form) shows the event. */
    @GET
    @Path("events/{slug}/registrations")
    public Response formAddress(@PathParam("slug") String slug) {
        return Response.seeOther(UriBuilder.fromPath("/events/{slug}").queryParam("lang", lang.code()).build(slug)).build();
    }

    @GET
    @Path("confirm/{token}")
    @Transactional
    public TemplateInstance confirmPage(@PathParam("token") String token) {
        Registration r = AccessToken.resolve(token, AccessToken.Purpose.CONFIRM).orElse(null);
        if (r == null) return lang.page(Templates.invalid(false, null));
        if (r.status == RegistrationStatus.EXPIRED || r.holdExpiredAt(Instant.now(clock))) {
            return lang.page(Templates.invalid(true, r.event.slug));
        }
        return lang.page(Templates.confirm(r, r.event.title(lang.locale()), lang.range(r.event.startsAt, r.event.endsAt), token,
                lang.dateTime(r.holdExpiresAt)));
    }

    @POST
    @Path("confirm/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("token") String token) {
        service.confirm(token, Instant.now(clock)).orElseThrow(NotFoundException::new);
        return Response.seeOther(UriBuilder.fromPath("/confirm/{token}").build(token)).build();
    }

    @GET
    @Path("manage/{token}")
    @Transactional
    public TemplateInstance manage(@PathParam("token") String token) {
        Optional<Registration> found = AccessToken.resolve(token, AccessToken.Purpose.MANAGE);
        if (found.isEmpty()) return lang.page(Templates.invalid(false, null));
        Registration r = found.get();
        return lang.page(Templates.manage(r, r.event.title(lang.locale()), lang.range(r.event.startsAt, r.event.endsAt),
                r.event.venue, token, r.waitlistPosition(), lang.dateTime(r.holdExpiresAt), Kst.time(r.checkedInAt)));
    }

    @POST
    @Path("manage/{token}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("token") String token) {
        service.cancel(token, Instant.now(clock)).orElseThrow(NotFoundException::new);
        return Response.seeOther(UriBuilder.fromPath("/manage/{token}").build(token)).build();
    }

    /** The calendar entry of a registration, for people who lost the ticket mail's attachment. */
    @GET
    @Path("manage/{token}/event.ics")
    @Produces("text/calendar")
    @Transactional
    public Response calendar(@PathParam("token") String token) {
        Registration r = AccessToken.resolve(token, AccessToken.Purpose.MANAGE).orElseThrow(NotFoundException::new);
        String ics = Ics.of(r.event, r.event.title(r.locale()), r.event.venue, "registration-" + r.id + "@eventdesk", null);
        return Response.ok(ics, "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + r.event.slug + ".ics\"").build();
    }

    private Msg msg() {
        return MessageBundles.get(Msg.class, Localized.Literal.of(lang.code()));
    }
}
