package eventdesk.admin;

import eventdesk.team.BeforeSignIn;
import eventdesk.attendance.Attendance;
import eventdesk.attendance.AttendanceMessages;
import eventdesk.audit.AccessAction;
import eventdesk.event.Event;
import eventdesk.event.EventStatus;
import eventdesk.registration.DrawMessages;
import eventdesk.registration.Registration;
import eventdesk.registration.TypeRow;
import eventdesk.team.Needs;
import eventdesk.team.Role;
import eventdesk.team.Access;
import eventdesk.team.Caller;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.FormPage;
import eventdesk.web.InvalidInput;
import eventdesk.web.Lang;
import eventdesk.web.Msg;
import eventdesk.web.TicketMsg;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organizer shell: sign-in page, logout, the dashboard of every event with live counts, and the
 * form that creates and edits an event. Access is configured in application.properties (role admin on
 * /admin/*, form login or HTTP Basic); every form posts with the CSRF token; GETs change nothing. Each
 * feature's organizer pages live with the feature and are linked from here by URL.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminResource implements FormPage {

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    EventEditor editor;
    @Inject
    OrganizerSession session;
    @Inject
    SecurityIdentity identity;
    @Inject
    EventdeskConfig config;
    @Inject
    Caller caller;
    @Inject
    Attendance attendance;

    public record DashRow(String slug, String title, String when, EventStatus status, long capacity,
                          Registration.Counts counts, int percent, List<TypeRow> types, boolean draw) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error, long limited);

        static native TemplateInstance dashboard(List<DashRow> events);

        static native TemplateInstance edit(EventInput in, EventFormView form, EventFormSections sections,
                                            Map<String, String> errors, boolean creating, boolean saved,
                                            EventStatus[] statuses, long defaultConfirmHours);
    }

    @BeforeSignIn
    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("error") boolean error, @QueryParam("limited") String limited) {
        // ?limited=N: too many sign-in attempts, try again in N minutes (see OrganizerIdentity)
        long minutes = limited != null && limited.matches("[1-9][0-9]{0,3}") ? Long.parseLong(limited) : 0;
        return lang.page(Templates.login(error, minutes));
    }

    @Needs(value = Role.DOOR, event = Needs.EventFrom.NONE)
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout() {
        session.logout(identity.getPrincipal().getName());
        NewCookie gone = new NewCookie.Builder("quarkus-credential").path("/").maxAge(0).value("").build();
        return Response.seeOther(UriBuilder.fromPath("/admin/login").build()).cookie(gone).build();
    }

    /** Every event of the caller's with its counts; a door volunteer has only the check-in screen, and goes there. */
    @Needs(value = Role.DOOR, event = Needs.EventFrom.NONE)
    @GET
    @Transactional
    public Response dashboard() {
        Access access = caller.access();
        if (!access.may(Role.MANAGER, null)) return Response.seeOther(UriBuilder.fromPath("/admin/checkin").build()).build();
        Map<Long, Registration.Counts> counts = Registration.countsByEvent();
        List<DashRow> rows = Event.soonestFirst(Instant.now(clock)).stream().filter(e -> access.may(Role.MANAGER, e.slug)).map(e -> {
            Registration.Counts c = counts.getOrDefault(e.id, new Registration.Counts());
            return new DashRow(e.slug, e.title(lang.locale()), lang.range(e.startsAt, e.endsAt), e.status, e.capacity,
                    c, c.percentFull(e), TypeRow.of(e, lang.locale()), e.isDraw());
        }).toList();
        return Response.ok(lang.page(Templates.dashboard(rows))).build();
    }

    /** The new-event form starts at Draft: nothing is public until the organizer publishes it. */
    @Needs(value = Role.MANAGER, event = Needs.EventFrom.NEW)
    @GET
    @Path("events/new")
    public TemplateInstance newEvent() {
        EventInput in = new EventInput();
        in.waitlistEnabled = true;
        in.status = EventStatus.draft.name();
        return edit(in, Map.of(), true, false);
    }

    @Needs(value = Role.MANAGER, event = Needs.EventFrom.NEW)
    @POST
    @Path("events")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        EventInput in = EventForm.read(form);
        if (in.status == null || in.status.isBlank()) in.status = EventStatus.draft.name();
        if (EventForm.addsTypeRow(form)) return Response.ok(withAnotherTypeRow(in, form, true)).build();
        Event e = editor.create(in, Instant.now(clock), caller.entry(AccessAction.EDIT_EVENT).because("create"));
        return saved(e.slug);
    }

    @Needs(Role.MANAGER)
    @GET
    @Path("events/{slug}/edit")
    @Transactional
    public TemplateInstance editForm(@PathParam("slug") String slug, @QueryParam("saved") boolean saved) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        return edit(EventInput.of(e), Map.of(), false, saved);
    }

    @Needs(Role.MANAGER)
    @POST
    @Path("events/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        EventInput in = EventForm.read(form);
        if (EventForm.addsTypeRow(form)) {
            in.slug = slug;
            return Response.ok(withAnotherTypeRow(in, form, false)).build();
        }
        editor.update(slug, current -> in, Instant.now(clock), caller.entry(AccessAction.EDIT_EVENT).because("update"));
        return saved(slug);
    }

    /** The event form again after a refused save: what was typed, each error next to its field. */
    @Override
    public Optional<TemplateInstance> formAgain(InvalidInput refused) {
        if (!(refused instanceof EventEditor.Invalid invalid) || invalid.input == null) return Optional.empty();
        return Optional.of(edit(invalid.input, errors(invalid.problems, invalid.taken), invalid.creating, false));
    }

    private static Response saved(String slug) {
        return Response.seeOther(UriBuilder.fromPath("/admin/events/{slug}/edit").queryParam("saved", true).build(slug)).build();
    }

    /** "Add another ticket type" saves nothing: the form again as typed, with one more type row, that part open. */
    private TemplateInstance withAnotherTypeRow(EventInput in, MultivaluedMap<String, String> form, boolean creating) {
        return edit(in, Map.of(), creating, false, EventForm.typeRowCount(form) + 1, true);
    }

    private TemplateInstance edit(EventInput in, Map<String, String> errors, boolean creating, boolean saved) {
        return edit(in, errors, creating, saved, 0, false);
    }

    private TemplateInstance edit(EventInput in, Map<String, String> errors, boolean creating, boolean saved, int typeRows,
                                  boolean typesOpen) {
        EventFormView view = EventFormView.of(in, errors, typeRows);
        EventFormSections sections = EventFormSections.of(in, view, errors, new EventFormSections.Words(
                lang.bundle(EventFormTexts.class), lang.locale(),
                attendance.defaultReconfirmHours(), attendance.defaultReminderHours()));
        if (typesOpen) sections = sections.withTypesOpen();
        return lang.page(Templates.edit(in, view, sections, errors, creating, saved, EventStatus.values(),
                config.draw().confirmWindow().toHours()));
    }

    /** Each problem worded for the form; {@code taken} is the event's seats taken, below which its capacity cannot go. */
    private Map<String, String> errors(Map<String, String> problems, long taken) {
        Msg msg = lang.msg();
        TicketMsg tix = lang.bundle(TicketMsg.class);
        DrawMessages draw = lang.bundle(DrawMessages.class);
        AttendanceMessages att = lang.bundle(AttendanceMessages.class);
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, code) -> errors.put(field, code.startsWith("type_capacity:")
                ? tix.error_type_capacity(Long.parseLong(code.substring("type_capacity:".length()))) : switch (code) {
            case "type_key" -> tix.error_type_key();
            case "type_held" -> tix.error_type_held();
            case "type_in_use" -> tix.error_type_in_use();
            case "types_after_signups" -> tix.error_types_after_signups();
            case "slug" -> msg.error_slug();
            case "slug_taken" -> msg.error_slug_taken();
            case "datetime" -> msg.error_datetime();
            case "ends_before" -> msg.error_ends_before();
            case "closes_before" -> msg.error_closes_before();
            case "capacity" -> msg.error_capacity(taken);
            case "required" -> msg.error_required();
            case "too_long" -> msg.error_too_long();
            case "invalid_chars" -> msg.error_invalid_chars();
            case "allocation_locked" -> draw.error_allocation_locked();
            case "draw_before_open" -> draw.error_draw_before_open();
            case "draw_after_start" -> draw.error_draw_after_start();
            case "closes_before_draw" -> draw.error_closes_before_draw();
            case "drawn" -> draw.error_drawn();
            case "confirm_window" -> draw.error_duration();
            case "duration" -> att.error_duration();
            case "deadline" -> att.error_deadline();
            default -> msg.error_invalid_choice();
        }));
        return errors;
    }
}
