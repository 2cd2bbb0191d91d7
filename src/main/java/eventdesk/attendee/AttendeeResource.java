package eventdesk.attendee;

import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.registration.Answers;
import eventdesk.registration.AttendeeRow;
import eventdesk.registration.DrawPanel;
import eventdesk.registration.EventHead;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationService;
import eventdesk.registration.RegistrationStatus;
import eventdesk.registration.TypeRow;
import eventdesk.web.ConfirmStep;
import eventdesk.web.Lang;
import eventdesk.web.Msg;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One event's attendees for the organizer: the list with search, status and ticket type filters (a
 * page of {@value #PAGE_SIZE}), the waitlist, each person's answers, the CSV export of the same
 * filters, and cancel (after a confirm step) and resend per registration. GETs change nothing.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AttendeeResource {

    static final int PAGE_SIZE = 50;
    /** How much of the waitlist the page shows. */
    static final int WAITLIST_SHOWN = 20;

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    RegistrationService registrations;
    @Inject
    AttendeeCsv csv;

    /** One answer to a custom question as the list shows it. */
    public record AnswerLine(String question, String answer) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(EventHead e, List<AttendeeRow> rows, String q, String status, int page, int pages,
                                            long total, String done, List<AttendeeRow> waitlist, RegistrationStatus[] statuses,
                                            List<TypeRow> types, String type, DrawPanel draw, Map<Long, List<AnswerLine>> answers);
    }

    @Needs(Role.MANAGER)
    @GET
    @Path("events/{slug}")
    @Transactional
    public TemplateInstance list(@PathParam("slug") String slug, @QueryParam("q") String q,
                                 @QueryParam("status") String status, @QueryParam("page") String pageParam,
                                 @QueryParam("done") String done, @QueryParam("ticketType") String typeKey) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        Optional<RegistrationStatus> filter = status(status);
        Optional<TicketType> type = typeKey == null ? Optional.empty() : e.type(typeKey);
        PanacheQuery<Registration> query = Registration.search(e, q, filter.orElse(null), type.orElse(null));
        long total = query.count();
        int pages = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        int page = Math.max(1, Math.min(page(pageParam), pages));
        List<Registration> shown = query.page(page - 1, PAGE_SIZE).list();
        Map<Long, Long> positions = Registration.waitlistPositions(e);
        List<Registration> waitlist = type.map(t -> Registration.waitlist(t, WAITLIST_SHOWN))
                .orElseGet(() -> Registration.waitlist(e, WAITLIST_SHOWN));
        EventHead head = type.map(t -> EventHead.of(e, t, lang)).orElseGet(() -> EventHead.of(e, lang));
        return lang.page(Templates.list(head, rows(shown, positions), Objects.requireNonNullElse(q, ""),
                filter.map(Enum::name).orElse(""), page, pages, total, Objects.requireNonNullElse(done, ""),
                rows(waitlist, positions), RegistrationStatus.values(), TypeRow.of(e, lang.locale()),
                type.map(t -> t.key).orElse(""), e.isDraw() ? DrawPanel.of(e, Instant.now(clock), lang) : null,
                answers(e, shown)));
    }

    /** The list's filters as CSV, streamed ({@link AttendeeCsv}). */
    @Needs(Role.MANAGER)
    @GET
    @Path("events/{slug}/attendees.csv")
    @Produces("text/csv")
    @Transactional
    public Response export(@PathParam("slug") String slug, @QueryParam("status") String status,
                           @QueryParam("ticketType") String typeKey) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        long eventId = e.id;
        RegistrationStatus filter = status(status).orElse(null);
        Map<Long, String> keys = new HashMap<>();
        e.ticketTypes.forEach(t -> keys.put(t.id, t.key));
        Long typeId = typeKey == null ? null : e.type(typeKey).map(t -> t.id).orElse(null);
        List<AnswerColumn> questions = AnswerColumn.of(e, lang);
        StreamingOutput body = out -> csv.write(eventId, filter, typeId, keys, questions, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + AttendeeCsv.filename(slug, Instant.now(clock)) + "\"")
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
        Registration r = registrations.cancelById(id, Instant.now(clock));
        return backToList(slugOf(r.id), "cancelled");
    }

    @Needs(value = Role.MANAGER, event = Needs.EventFrom.REGISTRATION)
    @POST
    @Path("registrations/{id}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@PathParam("id") long id) {
        Registration r = registrations.resend(id, Instant.now(clock));
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

    private List<AttendeeRow> rows(List<Registration> registrations, Map<Long, Long> positions) {
        return registrations.stream().map(r -> AttendeeRow.of(r, lang.locale(), positions.getOrDefault(r.id, 0L))).toList();
    }

    /** Each registration's answers (by id), worded in the organizer's language; removed questions included. */
    private Map<Long, List<AnswerLine>> answers(Event e, List<Registration> shown) {
        Map<Long, List<AnswerLine>> answers = new HashMap<>();
        if (shown.stream().allMatch(r -> r.answers == null)) return answers;
        List<AnswerColumn> columns = AnswerColumn.of(e, lang);
        for (Registration r : shown) {
            Map<String, Object> given = Answers.fromJson(r.answers);
            List<AnswerLine> lines = columns.stream().filter(c -> c.answeredIn(given))
                    .map(c -> new AnswerLine(c.header(), c.answerIn(given))).toList();
            if (!lines.isEmpty()) answers.put(r.id, lines);
        }
        return answers;
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

    /** A status from the query; anything that is not one is no filter. */
    private static Optional<RegistrationStatus> status(String status) {
        return Arrays.stream(RegistrationStatus.values()).filter(s -> s.name().equals(status)).findFirst();
    }
}
