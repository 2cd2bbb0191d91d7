package eventdesk.attendee;

import eventdesk.audit.AccessAction;
import eventdesk.event.Event;
import eventdesk.registration.EventHead;
import eventdesk.registration.Guest;
import eventdesk.registration.GuestService;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.registration.Role;
import eventdesk.registration.TypeRow;
import eventdesk.team.Caller;
import eventdesk.team.Needs;
import eventdesk.web.FormPage;
import eventdesk.web.InvalidInput;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organizer's form for adding a person by hand (a speaker, a sponsor's staff, a walk-in), linked from
 * the attendee page: confirmed at once with the ticket, or pending with the confirmation link. The seat is
 * taken by {@link GuestService}; a refusal shows the form again with what was typed and why nothing was
 * stored; success goes back to the attendee list with a notice.
 */
@Needs(eventdesk.team.Role.MANAGER)
@Path("/admin/events/{slug}/guests")
@Produces(MediaType.TEXT_HTML)
public class GuestResource implements FormPage {

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    GuestService guests;
    @Inject
    Caller caller;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(EventHead e, List<TypeRow> types, Role[] roles, Guest form,
                                            Map<String, String> errors, String refusal);
    }

    @GET
    public TemplateInstance form(@PathParam("slug") String slug) {
        return page(slug, GuestForm.empty(), Map.of(), null);
    }

    /** Adds the person (one access log entry with the change) and goes back to the attendee list. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        Registration r = guests.add(slug, GuestForm.read(form), Instant.now(clock),
                caller.entry(AccessAction.EDIT_REGISTRATION).because("add"));
        String done = r.status == RegistrationStatus.CONFIRMED ? "guest_confirmed" : "guest_pending";
        return Response.seeOther(UriBuilder.fromPath("/admin/events/{slug}").queryParam("done", done).build(slug)).build();
    }

    /** The form again after a refusal: what was typed, each field's error next to it, or why no seat was taken. */
    @Override
    public Optional<TemplateInstance> formAgain(InvalidInput refused) {
        if (refused instanceof Guest.Invalid invalid && invalid.typed != null) {
            return Optional.of(page(invalid.slug, invalid.typed,
                    GuestForm.errors(invalid, lang.msg(), lang.bundle(TicketMsg.class)), null));
        }
        if (refused instanceof Guest.Refused no && no.typed != null) {
            String why = GuestForm.refusal(no, lang.bundle(GuestTexts.class));
            Map<String, String> errors = no.reason == Guest.Refused.Reason.DUPLICATE ? Map.of("email", why) : Map.of();
            return Optional.of(page(no.slug, no.typed, errors, errors.isEmpty() ? why : null));
        }
        return Optional.empty();
    }

    @Transactional
    TemplateInstance page(String slug, Guest form, Map<String, String> errors, String refusal) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        return lang.page(Templates.form(EventHead.of(e, lang), TypeRow.of(e, lang.locale()), Role.values(), form, errors, refusal));
    }
}
