package eventdesk.admin;

import eventdesk.event.Event;
import eventdesk.team.Access;
import eventdesk.team.Account;
import eventdesk.team.AccountStatus;
import eventdesk.team.Caller;
import eventdesk.team.Needs;
import eventdesk.team.Role;
import eventdesk.team.ScopeInput;
import eventdesk.team.Team;
import eventdesk.team.TeamRefusal;
import eventdesk.web.ConfirmStep;
import eventdesk.web.Lang;
import eventdesk.web.Msg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
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

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team for its OWNERs: every account with its role, events, status, second factor and last
 * sign-in; a form to invite someone; per member a form to change role and events, and disabling or
 * resetting the second factor after a confirm step. Every change goes through {@link Team}, the same
 * path as the API, so each is recorded once in the access log. A refused form is shown again (422)
 * with what was typed and each error next to its field; nothing changed.
 */
@Path("/admin/team")
@Produces(MediaType.TEXT_HTML)
@Needs(Role.OWNER)
public class TeamResource {

    /** The multi-select's value for every event (no slug can be it). */
    static final String ALL_EVENTS = "*";

    @Inject
    Lang lang;
    @Inject
    Team team;
    @Inject
    Caller caller;

    /** An account as the team page shows it; {@code events} empty when {@code allEvents}. */
    public record MemberRow(long id, String name, String email, Role role, boolean allEvents, List<String> events,
                            AccountStatus status, boolean twoFactor, String lastSignIn, boolean self) {
    }

    /** A member form as typed: role and events (and for an invitation, email and name). */
    public record MemberFields(String email, String name, String role, List<String> events) {

        static final MemberFields NEW = new MemberFields("", "", Role.MANAGER.name(), List.of());

        public boolean allEvents() {
            return events.contains(ALL_EVENTS);
        }

        public boolean has(String slug) {
            return events.contains(slug);
        }

        static MemberFields of(MemberRow m) {
            return new MemberFields(m.email(), m.name(), m.role().name(), m.allEvents() ? List.of(ALL_EVENTS) : m.events());
        }

        static MemberFields read(MultivaluedMap<String, String> form) {
            List<String> events = form.get("events") == null ? List.of() : List.copyOf(form.get("events"));
            return new MemberFields(text(form, "email"), text(form, "name"), text(form, "role"), events);
        }

        /** The role and events as the team's services take them; {@code null} events for every event. */
        ScopeInput scope() {
            return new ScopeInput(chosenRole(), allEvents() ? null : events);
        }

        Role chosenRole() {
            for (Role r : Role.values()) if (r.name().equals(role)) return r;
            return null;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<MemberRow> members, List<EventChoice> slugs, Role[] roles, MemberFields form,
                                            Map<String, String> errors, String done);

        static native TemplateInstance member(MemberRow m, List<EventChoice> slugs, Role[] roles, MemberFields form,
                                              Map<String, String> errors, String done);
    }

    @GET
    public TemplateInstance list(@QueryParam("done") String done) {
        return list(MemberFields.NEW, Map.of(), done);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(MultivaluedMap<String, String> form) {
        MemberFields typed = MemberFields.read(form);
        try {
            ScopeInput scope = typed.scope();
            team.invite(new Team.MemberInput(typed.email(), typed.name(), scope.role(), scope.events()), caller.access(),
                    caller.address());
        } catch (TeamRefusal refusal) {
            return refused(list(typed, errors(refusal, typed, lang), null));
        }
        return Response.seeOther(UriBuilder.fromPath("/admin/team").queryParam("done", "invited").build()).build();
    }

    @GET
    @Path("members/{id}")
    public TemplateInstance member(@PathParam("id") long id, @QueryParam("done") String done) {
        MemberRow m = row(id);
        return member(m, MemberFields.of(m), Map.of(), done);
    }

    @POST
    @Path("members/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        MemberRow m = row(id);
        MemberFields typed = MemberFields.read(form);
        try {
            team.change(id, typed.scope(), caller.access(), caller.address());
        } catch (TeamRefusal refusal) {
            return refused(member(m, typed, errors(refusal, typed, lang), null));
        }
        return backToMember(id, "changed");
    }

    /** Disables the member after a confirm step: no sign-in from then on, and their sessions end at once. */
    @POST
    @Path("members/{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        MemberRow m = row(id);
        OrganizerTexts t = lang.bundle(OrganizerTexts.class);
        if (!"true".equals(form.getFirst("confirmed"))) {
            return confirm(m, t.disable_confirm_title(m.name()), t.disable_confirm_text(), "disable", t.disable_confirm_button());
        }
        return act(m, () -> team.disable(id, caller.access(), caller.address()), "disabled");
    }

    /** Removes the member's authenticator and recovery codes after a confirm step: their next sign-in sets up a new one. */
    @POST
    @Path("members/{id}/reset-2fa")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetSecondFactor(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        MemberRow m = row(id);
        OrganizerTexts t = lang.bundle(OrganizerTexts.class);
        if (!"true".equals(form.getFirst("confirmed"))) {
            return confirm(m, t.reset_confirm_title(m.name()), t.reset_confirm_text(), "reset-2fa", t.reset_confirm_button());
        }
        return act(m, () -> team.resetSecondFactor(id, caller.access(), caller.address()), "reset");
    }

    private Response confirm(MemberRow m, String question, String consequence, String action, String button) {
        ConfirmStep step = new ConfirmStep(question, consequence, List.of(m.name() + " <" + m.email() + ">"),
                "/admin/team/members/" + m.id() + "/" + action, List.of(), button, "/admin/team/members/" + m.id());
        return Response.ok(lang.page(step.page())).build();
    }

    private Response act(MemberRow m, Runnable change, String done) {
        try {
            change.run();
        } catch (TeamRefusal refusal) {
            return refused(member(m, MemberFields.of(m), errors(refusal, MemberFields.of(m), lang), null));
        }
        return backToMember(m.id(), done);
    }

    private TemplateInstance list(MemberFields form, Map<String, String> errors, String done) {
        Access self = caller.access();
        List<MemberRow> members = QuarkusTransaction.requiringNew().call(() -> Account.<Account>listAll().stream()
                .sorted(Comparator.comparing(a -> a.id)).map(a -> row(a, self)).toList());
        return lang.page(Templates.list(members, choices(lang.locale()), Role.values(), form, errors, done));
    }

    private TemplateInstance member(MemberRow m, MemberFields form, Map<String, String> errors, String done) {
        return lang.page(Templates.member(m, choices(lang.locale()), Role.values(), form, errors, done));
    }

    private MemberRow row(long id) {
        Access self = caller.access();
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>findByIdOptional(id).map(a -> row(a, self))
                .orElseThrow(NotFoundException::new));
    }

    private MemberRow row(Account a, Access self) {
        return new MemberRow(a.id, a.name, a.email, a.role, a.allEvents, a.events.stream().sorted().toList(), a.status,
                a.twoFactor(), a.lastSignInAt == null ? null : lang.dateTime(a.lastSignInAt),
                self != null && !self.token() && self.id() == a.id);
    }

    /** Every event's slug, for the events a role applies to. */
    /** An event the scope fields offer: its title in the organizer's language, and its slug. */
    public record EventChoice(String slug, String title) {
    }

    /** Every event, by title, for the scope fields of the team and token forms. */
    static List<EventChoice> choices(java.util.Locale locale) {
        return QuarkusTransaction.requiringNew().call(() -> Event.<Event>listAll().stream()
                .map(e -> new EventChoice(e.slug, e.title(locale)))
                .sorted(java.util.Comparator.comparing(EventChoice::title).thenComparing(EventChoice::slug)).toList());
    }

    private static Response refused(TemplateInstance page) {
        return Response.status(422).entity(page).build();
    }

    private static Response backToMember(long id, String done) {
        return Response.seeOther(UriBuilder.fromPath("/admin/team/members/{id}").queryParam("done", done).build(id)).build();
    }

    /**
     * A refusal of the team's services, worded for the page: each field's problem in the organizer's
     * language (no event chosen, or one that is not in the list), a taken email on the email field, and
     * an OWNER's change to their own account on {@code member}. A member or token that no longer exists
     * is a 404 page.
     */
    static Map<String, String> errors(TeamRefusal refusal, MemberFields typed, Lang lang) {
        OrganizerTexts t = lang.bundle(OrganizerTexts.class);
        Msg msg = lang.msg();
        if (refusal.status() == 404) throw new NotFoundException();
        Map<String, String> errors = new LinkedHashMap<>();
        if (refusal.status() == 409) errors.put("email", t.error_email_taken());
        else if (refusal.fields().isEmpty()) errors.put("member", t.error_self());
        refusal.fields().keySet().forEach(field -> errors.putIfAbsent(field, switch (field) {
            case "email" -> msg.error_invalid_email();
            case "name" -> t.error_name();
            case "role" -> t.error_role();
            case "events" -> typed.events().isEmpty() ? t.error_events_required() : t.error_events();
            case "expiresAt" -> t.error_expires();
            default -> msg.error_invalid_choice();
        }));
        return errors;
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }
}
