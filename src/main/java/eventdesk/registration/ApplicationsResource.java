package eventdesk.registration;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.team.Caller;
import eventdesk.web.ConfirmStep;
import eventdesk.web.Lang;
import eventdesk.web.TicketMsg;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applications awaiting the organizer's approval, oldest first, to approve or decline many at once.
 * A draw event's applications are not listed: the draw alone decides them.
 */
@Needs(Role.MANAGER)
@Path("/admin/events/{slug}/applications")
@Produces(MediaType.TEXT_HTML)
public class ApplicationsResource {

    /** The most applications one page lists. */
    static final int LISTED = 500;

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    ApprovalService registrations;
    @Inject
    Caller caller;
    @Inject
    AccessLog accessLog;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(EventHead e, List<AttendeeRow> rows, String done, boolean changed, boolean draw);
    }

    /** The list; after a decision the query says how many were approved, waitlisted, declined or skipped. */
    @GET
    @Transactional
    public TemplateInstance list(@PathParam("slug") String slug, @QueryParam("approved") String approved,
                                 @QueryParam("waitlisted") String waitlisted, @QueryParam("declined") String declined,
                                 @QueryParam("skipped") String skipped, @QueryParam("nothing") String nothing) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        List<AttendeeRow> rows = e.isDraw() ? List.of()
                : Registration.applications(e, LISTED).stream().map(r -> AttendeeRow.of(r, lang.locale(), 0)).toList();
        accessLog.record(caller.entry(AccessAction.VIEW_ATTENDEES).forEvent(e.slug).withFilter("status=APPLIED", rows.size()));
        TicketMsg tix = lang.bundle(TicketMsg.class);
        String done = approved != null ? tix.approved_done(count(approved), count(waitlisted), count(skipped))
                : declined != null ? tix.declined_done(count(declined), count(skipped))
                : "action".equals(nothing) ? tix.applications_no_action()
                : "selection".equals(nothing) ? tix.applications_none_selected() : "";
        return lang.page(Templates.list(EventHead.of(e, lang), rows, done, approved != null || declined != null, e.isDraw()));
    }

    /**
     * Approve (at once) or decline (after a confirm step) the ticked applications. A missing or unknown
     * {@code action} changes nothing and says so; declining is final and mails everyone declined, so
     * the first POST only answers a page that says what will happen to how many people, whose button
     * posts the same choice again with {@code confirmed=true}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        List<Long> ids = new ArrayList<>();
        for (String id : form.getOrDefault("id", List.of())) if (id.matches("\\d{1,18}")) ids.add(Long.parseLong(id));
        String action = form.getFirst("action");
        boolean approve = "approve".equals(action);
        UriBuilder back = UriBuilder.fromPath("/admin/events/{slug}/applications");
        if (!approve && !"decline".equals(action)) {
            return Response.seeOther(back.queryParam("nothing", "action").build(slug)).build();
        }
        if (!approve && !"true".equals(form.getFirst("confirmed"))) {
            return declineStep(slug, ids).map(step -> Response.ok(lang.page(step.page())).build())
                    .orElseGet(() -> Response.seeOther(back.queryParam("nothing", "selection").build(slug)).build());
        }
        ApprovalService.Decided d = registrations.decideApplications(slug, ids, approve, Instant.now(clock),
                caller.entry(AccessAction.EDIT_REGISTRATION).because(approve ? "approve" : "decline"));
        if (approve) back.queryParam("approved", d.approved()).queryParam("waitlisted", d.waitlisted());
        else back.queryParam("declined", d.declined());
        return Response.seeOther(back.queryParam("skipped", d.skipped()).build(slug)).build();
    }

    /** The confirm step of declining the ticked applications still awaiting a decision; empty when none is. */
    @Transactional
    Optional<ConfirmStep> declineStep(String slug, List<Long> ids) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        if (e.isDraw()) throw new RegistrationException.SeatsByDraw(e.slug);
        List<Registration> chosen = Registration.applications(e, ids);
        if (chosen.isEmpty()) return Optional.empty();
        TicketMsg tix = lang.bundle(TicketMsg.class);
        List<ConfirmStep.Hidden> fields = new ArrayList<>();
        chosen.forEach(r -> fields.add(new ConfirmStep.Hidden("id", r.id.toString())));
        fields.add(new ConfirmStep.Hidden("action", "decline"));
        String page = "/admin/events/" + e.slug + "/applications";
        return Optional.of(new ConfirmStep(tix.decline_confirm_title(chosen.size()), tix.decline_confirm_text(),
                chosen.stream().map(r -> r.name + " <" + r.email + ">").toList(), page, fields,
                tix.decline_confirm_button(chosen.size()), page));
    }

    /** A count from the query (after a decision); anything that is not one is 0. */
    static int count(String n) {
        return n == null || !n.matches("\\d{1,9}") ? 0 : Integer.parseInt(n);
    }
}
