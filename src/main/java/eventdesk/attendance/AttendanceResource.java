package eventdesk.attendance;

import eventdesk.registration.Registration;
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

/**
 * The pages behind the "I'll be there" and "Release my seat" links. A GET only shows the question
 * and a button (mail scanners open links); the button's POST answers, then 303 to the status page.
 * An unknown link gets the registration pages' "invalid link" page.
 */
@Path("/attendance/{token}")
@Produces(MediaType.TEXT_HTML)
public class AttendanceResource {

    @Inject
    Attendance attendance;
    @Inject
    Lang lang;
    @Inject
    Clock clock;

    @CheckedTemplate
    public static class Templates {
        /** @param ask "yes" or "release" for the page a mail link opens, "" for the status after an answer */
        public static native TemplateInstance answer(Registration r, String eventTitle, String when, String venue,
                                                     String token, String ask, String answeredAt);
    }

    @GET
    @Transactional
    public TemplateInstance status(@PathParam("token") String token) {
        return page(token, "");
    }

    @GET
    @Path("yes")
    @Transactional
    public TemplateInstance askYes(@PathParam("token") String token) {
        return page(token, "yes");
    }

    @GET
    @Path("release")
    @Transactional
    public TemplateInstance askRelease(@PathParam("token") String token) {
        return page(token, "release");
    }

    @POST
    @Path("yes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response yes(@PathParam("token") String token) {
        attendance.attend(token, Instant.now(clock));
        return backToStatus(token);
    }

    @POST
    @Path("release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@PathParam("token") String token) {
        attendance.release(token, Instant.now(clock));
        return backToStatus(token);
    }

    private TemplateInstance page(String token, String ask) {
        Registration r = attendance.show(token);
        return lang.page(Templates.answer(r, r.event.title(lang.locale()), lang.range(r.event.startsAt, r.event.endsAt),
                r.event.venue, token, ask, lang.dateTime(r.reconfirmedAt)));
    }

    private static Response backToStatus(String token) {
        return Response.seeOther(UriBuilder.fromPath("/attendance/{token}").build(token)).build();
    }
}
