package eventdesk.attendee;

import eventdesk.audit.AccessAction;
import eventdesk.event.Event;
import eventdesk.message.RecipientGroup;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationService;
import eventdesk.team.Caller;
import eventdesk.team.Needs;
import eventdesk.team.Role;
import eventdesk.web.ConfirmStep;
import eventdesk.web.Lang;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Bulk actions of the attendee table: send the mail again to, cancel, or write a message to the people ticked
 * on the page or "all matching" the table's filters (a message goes on to the message form with them as its
 * recipients, its preview and its send). The first POST answers a confirm step that says what happens to how
 * many people (and who); its button posts the same form with {@code confirmed=true}. For "all matching", the
 * step carries the number it showed, and the action is refused (asked again) when the matching people changed
 * meanwhile. Each registration goes through the same path as its own button on the row (the seat path for a
 * cancel), with its own access-log entry; people an action does not apply to are named in the step and left alone.
 */
@Path("/admin/events/{slug}/attendees/bulk")
@Produces(MediaType.TEXT_HTML)
public class BulkResource {

    /** How many names the confirm step lists before "…and N more". */
    static final int NAMED = 20;

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    RegistrationService registrations;
    @Inject
    Caller caller;

    enum Action {
        RESEND(r -> r.status.isActive() && !r.erased()),
        CANCEL(r -> r.status.isActive() && r.checkedInAt == null && !r.erased()),
        /** Write to them: the step leads to the message form with these people as its recipients. */
        MESSAGE(r -> !r.erased());

        final Predicate<Registration> applies;

        Action(Predicate<Registration> applies) {
            this.applies = applies;
        }

        static Action parse(String value) {
            for (Action a : values()) if (a.name().equalsIgnoreCase(String.valueOf(value))) return a;
            return null;
        }
    }

    /** Who the form names and whom the action applies to, read in one transaction. */
    record Chosen(List<Long> ids, List<String> names, int skipped) {
    }

    @Needs(Role.MANAGER)
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response bulk(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        AttendeeTable table = AttendeeTable.from(form);
        Action action = Action.parse(form.getFirst("action"));
        boolean all = "true".equals(form.getFirst("all"));
        Set<Long> ticked = ticked(form.get("id"));
        if (action == null || !all && ticked.isEmpty()) return back(slug, table, "bulk_none", 0);
        Chosen chosen = QuarkusTransaction.requiringNew().call(() -> choose(slug, table, all, ticked, action));
        if (chosen.ids.isEmpty() && chosen.skipped == 0) return back(slug, table, "bulk_none", 0);
        String expected = form.getFirst("expected");
        long shown = all ? chosen.ids.size() + chosen.skipped : -1;
        boolean changed = all && expected != null && !expected.equals(Long.toString(shown));
        if (action == Action.MESSAGE) {
            if (chosen.ids.size() > RecipientGroup.MAX_SELECTED) return back(slug, table, "bulk_too_many", 0);
            return Response.ok(lang.page(messageStep(slug, table, chosen).page())).build();
        }
        if (!"true".equals(form.getFirst("confirmed")) || changed) {
            return Response.ok(lang.page(step(slug, table, action, all, ticked, chosen, shown, changed ? expected : null).page())).build();
        }
        Instant now = Instant.now(clock);
        int done = 0;
        for (long id : chosen.ids) {
            Registration r = action == Action.CANCEL
                    ? registrations.cancelById(id, now, caller.entry(AccessAction.EDIT_REGISTRATION).because("cancel"))
                    : registrations.resend(id, now, caller.entry(AccessAction.EDIT_REGISTRATION).because("resend"));
            if (r != null) done++;
        }
        return back(slug, table, action == Action.CANCEL ? "bulk_cancelled" : "bulk_resent", done);
    }

    /** The ticked registration ids of the form; anything that is not an id is ignored. */
    private static Set<Long> ticked(List<String> values) {
        Set<Long> ids = new LinkedHashSet<>();
        if (values != null) for (String v : values) if (v != null && v.matches("\\d{1,18}")) ids.add(Long.parseLong(v));
        return ids;
    }

    /** The event's registrations the form names (ticked, or all matching), split into those the action applies to and the rest. */
    private Chosen choose(String slug, AttendeeTable table, boolean all, Set<Long> ticked, Action action) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        List<Long> named = all ? table.ids(e) : new ArrayList<>(ticked);
        List<Registration> found = named.isEmpty() ? List.of()
                : Registration.<Registration>list("event = ?1 and id in ?2 order by createdAt, id", e, named);
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int skipped = 0;
        for (Registration r : found) {
            if (!action.applies.test(r)) {
                skipped++;
                continue;
            }
            ids.add(r.id);
            if (names.size() < NAMED) names.add(r.name + " <" + r.email + ">");
        }
        return new Chosen(ids, names, skipped);
    }

    private ConfirmStep step(String slug, AttendeeTable table, Action action, boolean all, Set<Long> ticked, Chosen chosen,
                             long shown, String was) {
        AttendeeTexts t = lang.bundle(AttendeeTexts.class);
        int n = chosen.ids.size();
        List<String> people = new ArrayList<>(chosen.names);
        if (n > people.size()) people.add(t.and_more(n - people.size()));
        List<ConfirmStep.Hidden> fields = new ArrayList<>(table.hidden());
        fields.add(new ConfirmStep.Hidden("action", action.name()));
        if (all) {
            fields.add(new ConfirmStep.Hidden("all", "true"));
            fields.add(new ConfirmStep.Hidden("expected", Long.toString(shown)));
        } else {
            ticked.forEach(id -> fields.add(new ConfirmStep.Hidden("id", Long.toString(id))));
        }
        String consequence = action == Action.CANCEL ? t.cancel_consequence(chosen.skipped) : t.resend_consequence(chosen.skipped);
        if (was != null) consequence = t.changed(Long.parseLong(was), shown) + " " + consequence;
        return new ConfirmStep(action == Action.CANCEL ? t.cancel_question(n) : t.resend_question(n), consequence, people,
                "/admin/events/" + slug + "/attendees/bulk", fields,
                action == Action.CANCEL ? t.cancel_button(n) : t.resend_button(n), "/admin/events/" + slug + table.query());
    }

    /** The step before writing to the chosen people: who they are, and that nothing is sent before the preview. */
    private ConfirmStep messageStep(String slug, AttendeeTable table, Chosen chosen) {
        AttendeeTexts t = lang.bundle(AttendeeTexts.class);
        int n = chosen.ids.size();
        List<String> people = new ArrayList<>(chosen.names);
        if (n > people.size()) people.add(t.and_more(n - people.size()));
        List<ConfirmStep.Hidden> fields = new ArrayList<>();
        chosen.ids.forEach(id -> fields.add(new ConfirmStep.Hidden("registration", Long.toString(id))));
        return new ConfirmStep(t.message_question(n), t.message_consequence(chosen.skipped), people,
                "/admin/events/" + slug + "/messages/new", fields, t.message_button(n), "/admin/events/" + slug + table.query());
    }

    /** Back to the table as it was (its filters, sort and page), with what happened. */
    private static Response back(String slug, AttendeeTable table, String done, int n) {
        String query = table.query();
        String more = "done=" + done + (n > 0 ? "&n=" + n : "");
        String path = jakarta.ws.rs.core.UriBuilder.fromPath("/admin/events/{slug}").build(slug).toString();
        return Response.seeOther(URI.create(path + (query.isEmpty() ? "?" : query + "&") + more)).build();
    }
}
