package eventdesk.checkin;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.registration.AttendeeRow;
import eventdesk.registration.EventHead;
import eventdesk.team.Caller;
import eventdesk.web.Lang;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import eventdesk.team.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The door screen: scan a ticket's QR code, type its code, or search by name, then check the person
 * in. GETs only show (the QR link opens a page with a button); only the POST checks anybody in.
 */
@Needs(value = Role.DOOR, event = Needs.EventFrom.NONE)
@Path("/admin/checkin")
@Produces(MediaType.TEXT_HTML)
public class CheckInResource {

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    CheckIn checkIn;
    @Inject
    Caller caller;
    @Inject
    AccessLog accessLog;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance screen(List<EventHead> events, String eventSlug, CheckIn.Outcome outcome, String q,
                                              List<AttendeeRow> matches, AttendeeRow scanned);
    }

    @GET
    public TemplateInstance screen(@QueryParam("event") String eventSlug, @QueryParam("q") String q) {
        List<AttendeeRow> matches = q == null || q.isBlank() ? List.of() : checkIn.search(q, eventSlug, lang.locale(), caller.access());
        if (q != null && !q.isBlank()) {
            String door = eventSlug == null || eventSlug.isBlank() ? null : eventSlug;
            accessLog.record(caller.entry(AccessAction.VIEW_ATTENDEES).forEvent(door).withFilter("q=" + q.strip(), matches.size()));
        }
        return page(eventSlug, null, Objects.requireNonNullElse(q, ""), matches, null);
    }

    /** The QR code in the ticket opens this: who it is, and a button to check them in. */
    @GET
    @Path("{code}")
    public TemplateInstance scanned(@PathParam("code") String code) {
        Optional<AttendeeRow> row = checkIn.find(code, lang.locale());
        if (row.isPresent() && !caller.may(Role.DOOR, row.get().eventSlug())) throw new ForbiddenException();
        row.ifPresent(r -> accessLog.record(caller.entry(AccessAction.VIEW_REGISTRATION).forEvent(r.eventSlug())
                .withRegistrations(List.of(r.id()))));
        return page("", row.isPresent() ? null : CheckIn.Outcome.unknown(), "", List.of(), row.orElse(null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance checkIn(MultivaluedMap<String, String> form) {
        String eventSlug = form.getFirst("event");
        String id = form.getFirst("registration");
        Instant now = Instant.now(clock);
        AccessLog.Entry by = caller.entry(AccessAction.CHECK_IN);
        CheckIn.Outcome outcome = id != null && id.matches("\\d{1,18}")
                ? checkIn.byId(Long.parseLong(id), now, lang.locale(), caller.access(), by)
                : checkIn.scan(form.getFirst("code"), eventSlug, now, lang.locale(), caller.access(), by);
        return page(eventSlug, outcome, "", List.of(), null);
    }

    private TemplateInstance page(String eventSlug, CheckIn.Outcome outcome, String q, List<AttendeeRow> matches,
                                  AttendeeRow scanned) {
        return lang.page(Templates.screen(checkIn.doorEvents(Instant.now(clock), lang, caller.access()), Objects.requireNonNullElse(eventSlug, ""),
                outcome, q, matches, scanned));
    }
}
