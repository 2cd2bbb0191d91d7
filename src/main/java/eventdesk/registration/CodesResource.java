package eventdesk.registration;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.team.Caller;
import eventdesk.web.EventdeskConfig;
import eventdesk.web.FormPage;
import eventdesk.web.FormReader;
import eventdesk.web.InvalidInput;
import eventdesk.web.Lang;
import eventdesk.web.Msg;
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

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An event's invitation codes for the organizer: who used which, and a form for new ones. New codes
 * are shown once, on the answer to the form: only their hashes are kept.
 */
@Needs(Role.MANAGER)
@Path("/admin/events/{slug}/codes")
@Produces(MediaType.TEXT_HTML)
public class CodesResource implements FormPage {

    /** How many codes the page lists at most. */
    static final int LISTED = 1000;

    @Inject
    Lang lang;
    @Inject
    Clock clock;
    @Inject
    ApprovalService registrations;
    @Inject
    EventdeskConfig config;
    @Inject
    Caller caller;
    @Inject
    AccessLog accessLog;

    /** An invitation code in the organizer's list: its first characters, for whom, and who used it. */
    public record CodeRow(String hint, String type, String email, String expiresAt, String usedAt, String usedBy,
                          String usedByEmail) {
    }

    /** A form as typed, for showing it again: the one that counts codes, or ({@code mail}) the one that mails them. */
    public record CodeFields(String count, String ticketType, String email, String expiresAt, String emails, boolean mail) {
        static final CodeFields NEW = new CodeFields("1", "", "", "", "", false);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(EventHead e, List<TypeRow> types, List<CodeRow> codes, List<String> created,
                                            String createdLinks, int mailed, CodeFields form, Map<String, String> errors);
    }

    /**
     * The codes, for whom and who used them: one access log entry with how many codes it lists (the page
     * that answers new codes is part of making them and is not another).
     */
    @GET
    public TemplateInstance list(@PathParam("slug") String slug) {
        return page(slug, List.of(), 0, CodeFields.NEW, Map.of(), caller.entry(AccessAction.VIEW_ATTENDEES));
    }

    /**
     * Makes codes and shows them this once, so the answer is the page itself rather than a redirect. The form
     * with the addresses ({@code emails}, one per line) instead mails one code to each and says how many.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance create(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        FormReader read = new FormReader(form);
        boolean mail = form.containsKey("emails");
        CodeFields typed = new CodeFields(read.text("count"), read.text("ticketType"), read.text("email"),
                read.text("expiresAt"), read.text("emails"), mail);
        CodeForm.CodeRequest in = new CodeForm.CodeRequest();
        in.count = mail ? null : read.number("count", "count", true);
        in.ticketType = typed.ticketType();
        in.email = mail ? null : typed.email();
        in.emails = mail ? CodeForm.lines(typed.emails()) : null;
        in.expiresAt = read.time("expiresAt", false);
        Event e = event(slug);
        CodeForm.check(e, in, read.unreadable(), typed);
        Instant expiresAt = in.expiresAt == null ? null : in.expiresAt.toInstant();
        if (mail) {
            List<ApprovalService.MailedCode> mailed = registrations.mailCodes(e.id, in.ticketType, CodeForm.addresses(in.emails),
                    expiresAt, Instant.now(clock), caller.entry(AccessAction.MAKE_CODES));
            return page(slug, List.of(), mailed.size(), CodeFields.NEW, Map.of(), null);
        }
        List<String> created = registrations.createCodes(e.id, in.ticketType, in.count, CodeForm.email(in.email),
                expiresAt, Instant.now(clock), caller.entry(AccessAction.MAKE_CODES));
        return page(slug, created, 0, CodeFields.NEW, Map.of(), null);
    }

    /** The codes page again after refused codes: what was typed, each error next to its field. */
    @Override
    public Optional<TemplateInstance> formAgain(InvalidInput refused) {
        if (!(refused instanceof CodeForm.Invalid invalid) || invalid.typed == null) return Optional.empty();
        return Optional.of(page(invalid.slug, List.of(), 0, invalid.typed, errors(invalid), null));
    }

    @Transactional
    Event event(String slug) {
        return Event.bySlugWithTypes(slug).orElseThrow(NotFoundException::new);
    }

    /** The page; {@code view}, when not null, is the access log entry of looking at it. */
    @Transactional
    TemplateInstance page(String slug, List<String> created, int mailed, CodeFields form, Map<String, String> errors,
                          AccessLog.Entry view) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        Locale locale = lang.locale();
        List<CodeRow> codes = InvitationCode.ofEvent(e, LISTED).stream().map(c -> new CodeRow(c.shownHint(),
                c.ticketType == null ? "" : c.ticketType.name(locale), c.email, lang.dateTime(c.expiresAt),
                lang.dateTime(c.usedAt), c.registration == null ? null : c.registration.name,
                c.registration == null ? null : c.registration.email)).toList();
        if (view != null) accessLog.record(view.forEvent(e.slug).withFilter("codes", codes.size()));
        String links = String.join("\n", created.stream().map(c -> config.baseUrl() + "/events/" + e.slug + "?code=" + c).toList());
        return lang.page(Templates.list(EventHead.of(e, lang), TypeRow.of(e, locale), codes, created, links, mailed, form, errors));
    }

    /**
     * Each problem worded next to its field; the mailing form's type and expiry fields have ids of their own
     * ({@code mailTicketType}, {@code mailExpiresAt}), so its errors are named after them.
     */
    private Map<String, String> errors(CodeForm.Invalid invalid) {
        Msg msg = lang.msg();
        TicketMsg tix = lang.bundle(TicketMsg.class);
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.problems.forEach((field, code) -> {
            String id = invalid.typed.mail() && !field.equals("emails")
                    ? "mail" + Character.toUpperCase(field.charAt(0)) + field.substring(1) : field;
            errors.put(id, switch (code) {
                case "count" -> tix.error_code_count();
                case "required" -> field.equals("emails") ? msg.error_required() : tix.error_type_required();
                case "invalid_email" -> msg.error_invalid_email();
                case "datetime" -> msg.error_datetime();
                case "unmailable" -> tix.error_code_emails(invalid.unmailableText());
                case "too_many" -> tix.error_code_emails_many();
                default -> msg.error_invalid_choice();
            });
        });
        return errors;
    }
}
