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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applications awaiting the organizer's approval, oldest first, each with its ticket type and answers, to
 * approve or decline many at once: the ticked ones, or every one matching the page's filter (ticket type,
 * an answer, text in an answer) after a confirm step that says how many people and what happens to them.
 * A draw event's applications are not listed: the draw alone decides them.
 */
@Needs(Role.MANAGER)
@Path("/admin/events/{slug}/applications")
@Produces(MediaType.TEXT_HTML)
public class ApplicationsResource {

    /** The most applications one page lists ("all matching" still covers every one the filter finds). */
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

    /** What the list shows: the applications listed, how many match the filter of how many wait, and the filter. */
    public record Listing(List<AttendeeRow> rows, Map<Long, List<AnswerColumn.Line>> answers, int matching, int waiting,
                          ApplicationFilter filter, List<TypeRow> types, ApplicationFilter.Offer offer) {

        public boolean more() {
            return matching > rows.size();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(EventHead e, Listing l, String done, boolean changed, boolean draw);
    }

    /** The list; after a decision the query says how many were approved, waitlisted, declined or skipped. */
    @GET
    @Transactional
    public TemplateInstance list(@PathParam("slug") String slug, @Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        ApplicationFilter filter = ApplicationFilter.of(e, query::getFirst);
        List<Registration> waiting = e.isDraw() ? List.of() : Registration.awaitingDecision(e, null);
        List<Registration> matching = waiting.stream().filter(filter::matches).toList();
        List<Registration> shown = matching.subList(0, Math.min(LISTED, matching.size()));
        accessLog.record(caller.entry(AccessAction.VIEW_ATTENDEES).forEvent(e.slug).withFilter(filter.logText(), shown.size()));
        Listing listing = new Listing(shown.stream().map(r -> AttendeeRow.of(r, lang.locale(), 0)).toList(),
                AnswerColumn.lines(e, shown, lang), matching.size(), waiting.size(), filter, TypeRow.of(e, lang.locale()),
                ApplicationFilter.offer(e, lang));
        boolean changed = query.getFirst("approved") != null || query.getFirst("declined") != null;
        return lang.page(Templates.list(EventHead.of(e, lang), listing, done(query::getFirst), changed, e.isDraw()));
    }

    /** What the last decision did, from the query it redirected to; empty when there was none. */
    private String done(Function<String, String> query) {
        TicketMsg tix = lang.bundle(TicketMsg.class);
        if (query.apply("approved") != null) {
            return tix.approved_done(count(query.apply("approved")), count(query.apply("waitlisted")), count(query.apply("skipped")));
        }
        if (query.apply("declined") != null) return tix.declined_done(count(query.apply("declined")), count(query.apply("skipped")));
        String nothing = Objects.requireNonNullElse(query.apply("nothing"), "");
        return switch (nothing) {
            case "action" -> tix.applications_no_action();
            case "selection" -> tix.applications_none_selected();
            default -> "";
        };
    }

    /**
     * Approves or declines the ticked applications (approving at once, declining after a confirm step), or,
     * with {@code all=true}, every application matching the filter posted with the form (after a confirm
     * step either way). A missing or unknown {@code action} changes nothing and says so. A confirm step
     * answers a page that says what will happen to how many people; its button posts the same choice again
     * with {@code confirmed=true}. The list comes back with the same filter.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        String action = form.getFirst("action");
        boolean approve = "approve".equals(action);
        if (!approve && !"decline".equals(action)) return back(slug, form, "nothing", "action");
        boolean confirmed = "true".equals(form.getFirst("confirmed"));
        if ("true".equals(form.getFirst("all"))) return decideAll(slug, form, approve, confirmed);
        List<Long> ids = new ArrayList<>();
        for (String id : form.getOrDefault("id", List.of())) if (id.matches("\\d{1,18}")) ids.add(Long.parseLong(id));
        if (!approve && !confirmed) {
            return declineStep(slug, ids, form).map(step -> Response.ok(lang.page(step.page())).build())
                    .orElseGet(() -> back(slug, form, "nothing", "selection"));
        }
        return decided(slug, form, approve, registrations.decideApplications(slug, ids, approve, Instant.now(clock), edit(approve)));
    }

    /** "All matching the filter": the confirm step first, then the decision if the filter still finds the same people. */
    private Response decideAll(String slug, MultivaluedMap<String, String> form, boolean approve, boolean confirmed) {
        if (confirmed) {
            Optional<ApprovalService.Decided> d = registrations.decideMatching(slug, form::getFirst, form.getFirst("matching"),
                    approve, Instant.now(clock), edit(approve));
            if (d.isPresent()) return decided(slug, form, approve, d.get());
        }
        return allStep(slug, form, approve, confirmed).map(step -> Response.ok(lang.page(step.page())).build())
                .orElseGet(() -> back(slug, form, "nothing", "selection"));
    }

    private Response decided(String slug, MultivaluedMap<String, String> form, boolean approve, ApprovalService.Decided d) {
        String to = approve ? link(slug, form::getFirst, "approved", d.approved(), "waitlisted", d.waitlisted(), "skipped", d.skipped())
                : link(slug, form::getFirst, "declined", d.declined(), "skipped", d.skipped());
        return Response.seeOther(URI.create(to)).build();
    }

    private AccessLog.Entry edit(boolean approve) {
        return caller.entry(AccessAction.EDIT_REGISTRATION).because(approve ? "approve" : "decline");
    }

    /** The confirm step of declining the ticked applications still awaiting a decision; empty when none is. */
    @Transactional
    Optional<ConfirmStep> declineStep(String slug, List<Long> ids, MultivaluedMap<String, String> form) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        if (e.isDraw()) throw new RegistrationException.SeatsByDraw(e.slug);
        List<Registration> chosen = Registration.applications(e, ids);
        List<ConfirmStep.Hidden> fields = new ArrayList<>(ApplicationFilter.of(e, form::getFirst).hidden());
        chosen.forEach(r -> fields.add(new ConfirmStep.Hidden("id", r.id.toString())));
        return step(e, chosen, false, fields, null);
    }

    /**
     * The confirm step of deciding every application the posted filter finds now; empty when it finds none.
     * It names them all and carries their {@link ApplicationFilter#fingerprint}; after {@code changed} (the
     * filter found other people than were confirmed) it says so first. Showing the people is one entry in the
     * access log.
     */
    @Transactional
    Optional<ConfirmStep> allStep(String slug, MultivaluedMap<String, String> form, boolean approve, boolean changed) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        if (e.isDraw()) throw new RegistrationException.SeatsByDraw(e.slug);
        ApplicationFilter filter = ApplicationFilter.of(e, form::getFirst);
        List<Registration> chosen = filter.applications(e);
        if (chosen.isEmpty()) return Optional.empty();
        accessLog.record(caller.entry(AccessAction.VIEW_ATTENDEES).forEvent(e.slug).withFilter(filter.logText(), chosen.size()));
        List<ConfirmStep.Hidden> fields = new ArrayList<>(filter.hidden());
        fields.add(new ConfirmStep.Hidden("all", "true"));
        fields.add(new ConfirmStep.Hidden("matching", ApplicationFilter.fingerprint(chosen)));
        TicketMsg tix = lang.bundle(TicketMsg.class);
        return step(e, chosen, approve, fields, changed ? tix.applications_changed(chosen.size()) : null);
    }

    /** The page asking to approve or decline these people; {@code notice} goes before what will happen. */
    private Optional<ConfirmStep> step(Event e, List<Registration> chosen, boolean approve, List<ConfirmStep.Hidden> fields,
                                       String notice) {
        if (chosen.isEmpty()) return Optional.empty();
        TicketMsg tix = lang.bundle(TicketMsg.class);
        int n = chosen.size();
        fields.add(new ConfirmStep.Hidden("action", approve ? "approve" : "decline"));
        String consequence = approve ? tix.approve_all_confirm_text() : tix.decline_confirm_text();
        String page = "/admin/events/" + e.slug + "/applications";
        String back = link(e.slug, name -> fields.stream().filter(f -> f.name().equals(name)).map(ConfirmStep.Hidden::value)
                .findFirst().orElse(null));
        return Optional.of(new ConfirmStep(approve ? tix.approve_all_confirm_title(n) : tix.decline_confirm_title(n),
                notice == null ? consequence : notice + " " + consequence,
                chosen.stream().map(r -> r.erased() ? "#" + r.id : r.name + " <" + r.email + ">").toList(), page, fields,
                approve ? tix.approve_all_confirm_button(n) : tix.decline_confirm_button(n), back));
    }

    private static final List<String> FILTER_FIELDS = List.of("ticketType", "answer", "question", "contains");

    /** The list again with the filter the form posted, and one more query parameter. */
    private static Response back(String slug, MultivaluedMap<String, String> form, String name, String value) {
        return Response.seeOther(URI.create(link(slug, form::getFirst, name, value))).build();
    }

    /**
     * The applications page of the event with the filter these fields give ({@code filter}: field name to value)
     * and then {@code more} name and value pairs, as a link.
     */
    static String link(String slug, Function<String, String> filter, Object... more) {
        StringBuilder s = new StringBuilder("/admin/events/").append(slug).append("/applications");
        List<String> params = new ArrayList<>();
        for (String name : FILTER_FIELDS) {
            String v = filter.apply(name);
            if (v != null && !v.isBlank()) params.add(name + "=" + URLEncoder.encode(v.strip(), StandardCharsets.UTF_8));
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            params.add(more[i] + "=" + URLEncoder.encode(String.valueOf(more[i + 1]), StandardCharsets.UTF_8));
        }
        if (!params.isEmpty()) s.append('?').append(String.join("&", params));
        return s.toString();
    }

    /** A count from the query (after a decision); anything that is not one is 0. */
    static int count(String n) {
        return n == null || !n.matches("\\d{1,9}") ? 0 : Integer.parseInt(n);
    }
}
