package eventdesk.attendee;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.registration.AnswerColumn;
import eventdesk.registration.AttendeeRow;
import eventdesk.registration.DrawPanel;
import eventdesk.registration.EventHead;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationService;
import eventdesk.registration.RegistrationStatus;
import eventdesk.registration.TypeRow;
import eventdesk.team.Caller;
import eventdesk.web.ConfirmStep;
import eventdesk.web.Lang;
import eventdesk.web.Msg;
import eventdesk.web.PlainText;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import eventdesk.team.Needs;
import eventdesk.team.Role;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One event's attendees for the organizer: the table ({@link AttendeeTable}: filters, sort, pages of
 * {@value AttendeeTable#PAGE_SIZE}; bulk actions in {@link BulkResource}), the waitlist, each person's answers, the CSV and Excel exports of the same
 * filters (with a reason), and cancel (after a confirm step) and resend per registration. GETs change
 * nothing but the access log: each view of the list and each export is one entry, and so is each
 * cancel or resend (with the change).
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AttendeeResource {

    /** How much of the waitlist the page shows. */
    static final int WAITLIST_SHOWN = 20;
    /** How long the reason given for an export may be (after trimming). */
    static final int REASON_MIN = 2, REASON_MAX = 500;

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    RegistrationService registrations;
    @Inject
    AttendeeCsv csv;
    @Inject
    AttendeeXlsx xlsx;
    @Inject
    Caller caller;
    @Inject
    AccessLog accessLog;

    /** A sortable column of the table: its sort key and its header. */
    public record Column(String key, String label) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(EventHead e, AttendeeTable table, List<Column> columns, List<TableRow> rows, int pages, long total,
                                            long all, String done, String n, List<AttendeeRow> waitlist,
                                            RegistrationStatus[] statuses, List<TypeRow> types, DrawPanel draw,
                                            Map<Long, List<AnswerColumn.Line>> answers);

        static native TemplateInstance reason(EventHead e, List<ConfirmStep.Hidden> filters, String reason, String error, boolean xlsx);
    }

    @Needs(Role.MANAGER)
    @GET
    @Path("events/{slug}")
    @Transactional
    public TemplateInstance list(@PathParam("slug") String slug, @Context UriInfo uri, @QueryParam("done") String done,
                                 @QueryParam("n") String n) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        AttendeeTable asked = AttendeeTable.from(uri.getQueryParameters());
        long total = asked.count(e);
        int pages = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + AttendeeTable.PAGE_SIZE - 1) / AttendeeTable.PAGE_SIZE));
        AttendeeTable table = asked.onPage(Math.min(asked.page(), pages));
        List<Registration> shown = table.rows(e);
        Map<Long, Long> positions = Registration.waitlistPositions(e);
        Optional<TicketType> type = table.ticketType(e);
        List<Registration> waitlist = type.map(t -> Registration.waitlist(t, WAITLIST_SHOWN))
                .orElseGet(() -> Registration.waitlist(e, WAITLIST_SHOWN));
        EventHead head = type.map(t -> EventHead.of(e, t, lang)).orElseGet(() -> EventHead.of(e, lang));
        Set<Long> people = new HashSet<>();
        shown.forEach(r -> people.add(r.id));
        waitlist.forEach(r -> people.add(r.id));
        accessLog.record(caller.entry(AccessAction.VIEW_ATTENDEES).forEvent(e.slug).withFilter(table.logText(), people.size()));
        List<TableRow> rows = shown.stream().map(r -> TableRow.of(r, lang.locale(), positions.getOrDefault(r.id, 0L))).toList();
        return lang.page(Templates.list(head, table, columns(!e.ticketTypes.isEmpty()), rows, pages, total, Registration.count("event", e),
                Objects.requireNonNullElse(done, ""), n != null && n.matches("\\d{1,6}") ? n : "",
                rows(waitlist, positions), RegistrationStatus.values(), TypeRow.of(e, lang.locale()),
                e.isDraw() ? DrawPanel.of(e, Instant.now(clock), lang) : null, AnswerColumn.lines(e, shown, lang)));
    }

    /**
     * The list's filters as CSV, streamed ({@link AttendeeCsv}), for a stated {@code reason}: one access
     * log entry (filter, rows, reason) before the first byte. Without a reason of {@value #REASON_MIN} to
     * {@value #REASON_MAX} characters it is 400, a page asking for one, and neither a file nor an entry.
     */
    @Needs(Role.MANAGER)
    @GET
    @Path("events/{slug}/attendees.csv")
    @Produces("text/csv")
    @Transactional
    public Response export(@PathParam("slug") String slug, @Context UriInfo uri, @QueryParam("reason") String reasonParam) {
        return export(slug, AttendeeTable.from(uri.getQueryParameters()), reasonParam, ExportFormat.CSV);
    }

    /**
     * The same as an Excel workbook in the organizer's language ({@link AttendeeXlsx}), with the same
     * reason, filters and access log entry, its filter marked {@code format=xlsx}.
     */
    @Needs(Role.MANAGER)
    @GET
    @Path("events/{slug}/attendees.xlsx")
    @Produces(AttendeeXlsx.MEDIA_TYPE)
    @Transactional
    public Response exportXlsx(@PathParam("slug") String slug, @Context UriInfo uri, @QueryParam("reason") String reasonParam) {
        return export(slug, AttendeeTable.from(uri.getQueryParameters()), reasonParam, ExportFormat.XLSX);
    }

    /** The table's filters (text, status, ticket type, checked in, answered) pick the rows; its sort and page do not. */
    private Response export(String slug, AttendeeTable table, String reasonParam, ExportFormat format) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        long eventId = e.id;
        String reason = reason(reasonParam);
        if (reason == null) {
            TemplateInstance ask = Templates.reason(EventHead.of(e, lang), table.hidden(), Objects.requireNonNullElse(reasonParam, ""),
                    lang.msg().export_reason_error(REASON_MIN, REASON_MAX), format == ExportFormat.XLSX);
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(lang.page(ask)).build();
        }
        ExportRows.Filter filter = new ExportRows.Filter(table, table.ticketType(e).map(t -> t.id).orElse(null));
        long rows = table.count(e);
        String filterText = table.onPage(0).logText();
        if (format == ExportFormat.XLSX) filterText = filterText.equals("all") ? "format=xlsx" : filterText + "&format=xlsx";
        accessLog.record(caller.entry(AccessAction.EXPORT).forEvent(e.slug)
                .withFilter(filterText, (int) Math.min(rows, Integer.MAX_VALUE)).because(reason));
        StreamingOutput body;
        if (format == ExportFormat.XLSX) {
            AttendeeXlsx.Layout layout = AttendeeXlsx.Layout.of(e, lang);
            body = out -> xlsx.write(eventId, filter, layout, out);
        } else {
            Map<Long, String> keys = new HashMap<>();
            e.ticketTypes.forEach(t -> keys.put(t.id, t.key));
            List<AnswerColumn> questions = AnswerColumn.of(e, lang);
            body = out -> csv.write(eventId, filter, keys, questions, out);
        }
        return Response.ok(body, format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + format.filename(slug, Instant.now(clock)) + "\"")
                .build();
    }

    /**
     * Cancels a registration for the organizer, after a confirm step: the first POST answers a page
     * that says who is cancelled and what follows (a mail, the seat to the waitlist; final); its
     * button posts again with {@code confirmed=true}. A registration that is no longer active is left alone.
     */
    @Needs(value = Role.MANAGER, event = Needs.EventFrom.REGISTRATION)
    @POST
    @Path("registrations/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        if (!"true".equals(form.getFirst("confirmed"))) {
            return cancelStep(id).map(step -> Response.ok(lang.page(step.page())).build())
                    .orElseGet(() -> backToList(slugOf(id), "unchanged"));
        }
        Registration r = registrations.cancelById(id, Instant.now(clock),
                caller.entry(AccessAction.EDIT_REGISTRATION).because("cancel"));
        return backToList(slugOf(r.id), "cancelled");
    }

    @Needs(value = Role.MANAGER, event = Needs.EventFrom.REGISTRATION)
    @POST
    @Path("registrations/{id}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@PathParam("id") long id) {
        Registration r = registrations.resend(id, Instant.now(clock),
                caller.entry(AccessAction.EDIT_REGISTRATION).because("resend"));
        return backToList(slugOf(r.id), "resent");
    }

    /** The confirm step of cancelling one registration; empty when it is not active (nothing to cancel). */
    @Transactional
    Optional<ConfirmStep> cancelStep(long id) {
        Registration r = Registration.<Registration>findByIdOptional(id).orElseThrow(NotFoundException::new);
        if (!r.status.isActive() || r.checkedInAt != null) return Optional.empty();
        Msg msg = lang.msg();
        return Optional.of(new ConfirmStep(msg.cancel_confirm_title(r.name), msg.cancel_confirm_text(),
                List.of(r.name + " <" + r.email + ">"), "/admin/registrations/" + r.id + "/cancel", List.of(),
                msg.cancel_confirm_button(), "/admin/events/" + r.event.slug));
    }

    /** The table's sortable columns in the organizer's language; the ticket type only for an event with types. */
    private List<Column> columns(boolean types) {
        Msg msg = lang.msg();
        AttendeeTexts t = lang.bundle(AttendeeTexts.class);
        List<Column> c = new ArrayList<>(List.of(new Column("name", msg.col_name()), new Column("email", t.col_email()),
                new Column("affiliation", t.col_affiliation()), new Column("role", t.col_role())));
        if (types) c.add(new Column("type", t.col_type()));
        c.addAll(List.of(new Column("status", msg.col_status()), new Column("registered", t.col_registered()),
                new Column("confirmed", t.col_confirmed()), new Column("checkedin", t.col_checked_in()),
                new Column("answered", t.col_answered())));
        return c;
    }

    private List<AttendeeRow> rows(List<Registration> registrations, Map<Long, Long> positions) {
        return registrations.stream().map(r -> AttendeeRow.of(r, lang.locale(), positions.getOrDefault(r.id, 0L))).toList();
    }

    @Transactional
    String slugOf(long registrationId) {
        return Registration.<Registration>findById(registrationId).event.slug;
    }

    private static Response backToList(String slug, String done) {
        return Response.seeOther(UriBuilder.fromPath("/admin/events/{slug}").queryParam("done", done).build(slug)).build();
    }

    /** A page number from the query; anything that is not one (huge, negative, text) is page 1. */
    static int page(String page) {
        return page == null || !page.matches("\\d{1,9}") ? 1 : Integer.parseInt(page);
    }

    /**
     * The reason given for an export, trimmed; null unless it is one line of {@value #REASON_MIN} to {@value #REASON_MAX} characters.
     */
    static String reason(String given) {
        String reason = given == null ? "" : given.strip();
        boolean fits = reason.length() >= REASON_MIN && reason.length() <= REASON_MAX;
        return fits && PlainText.hasVisible(reason) && !PlainText.hasForbidden(reason, false) ? reason : null;
    }
}
