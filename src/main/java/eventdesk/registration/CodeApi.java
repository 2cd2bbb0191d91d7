package eventdesk.registration;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import com.fasterxml.jackson.annotation.JsonInclude;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.event.Event;
import eventdesk.team.Caller;
import eventdesk.web.Kst;
import eventdesk.web.Problem;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** An event's invitation codes for organizer scripts (HTTP Basic, role admin): make them, and see who used them. */
@Needs(Role.MANAGER)
@Path("/api/admin/events/{slug}/codes")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Admin")
@SecurityRequirement(name = "basic")
public class CodeApi {

    /** How many codes the list shows at most. */
    static final int LISTED = 10_000;

    @Inject
    ApprovalService registrations;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    AccessLog accessLog;

    /** A new code, with the address it was mailed to when it was. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CodeJson(String code, String email) {
        CodeJson(String code) {
            this(code, null);
        }
    }

    /** An invitation code as the organizer sees it later: its first characters, and who used it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CodeInfo(long id, String hint, String ticketType, String email, OffsetDateTime expiresAt,
                           OffsetDateTime createdAt, OffsetDateTime usedAt, Long usedByRegistration, String usedByEmail) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create single-use invitation codes: each takes one seat of its ticket type held for invitations "
            + "(or a public one when none is held), without approval. The codes are shown only in this answer. With "
            + "emails (instead of count and email): one personal code per distinct address, usable only with it and "
            + "mailed to it in Korean and English")
    @APIResponse(responseCode = "201", description = "[{code}] or, with emails, [{code, email}]: the codes as people type "
            + "them (groups of four)")
    @APIResponse(responseCode = "400", description = "problem+json with field errors (emails: the addresses that cannot be "
            + "mailed); no code is made")
    public Response create(@PathParam("slug") String slug, CodeForm.CodeRequest in) {
        CodeForm.CodeRequest request = in == null ? new CodeForm.CodeRequest() : in;
        Event e = event(slug);
        CodeForm.check(e, request, Map.of(), null);
        Instant expiresAt = request.expiresAt == null ? null : request.expiresAt.toInstant();
        if (request.mailed()) {
            List<ApprovalService.MailedCode> mailed = registrations.mailCodes(e.id, request.ticketType,
                    CodeForm.addresses(request.emails), expiresAt, Instant.now(clock), caller.entry(AccessAction.MAKE_CODES));
            return Response.status(201).entity(mailed.stream().map(c -> new CodeJson(c.code(), c.email())).toList()).build();
        }
        List<String> codes = registrations.createCodes(e.id, request.ticketType, request.count, CodeForm.email(request.email),
                expiresAt, Instant.now(clock), caller.entry(AccessAction.MAKE_CODES));
        return Response.status(201).entity(codes.stream().map(CodeJson::new).toList()).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The event's invitation codes (first characters only) and who used each")
    public List<CodeInfo> list(@PathParam("slug") String slug) {
        Event e = Event.bySlug(slug).orElseThrow(NotFoundException::new);
        List<CodeInfo> codes = InvitationCode.ofEvent(e, LISTED).stream().map(c -> new CodeInfo(c.id, c.shownHint(),
                c.ticketType == null ? null : c.ticketType.key, c.email, Kst.offset(c.expiresAt), Kst.offset(c.createdAt),
                Kst.offset(c.usedAt), c.registration == null ? null : c.registration.id,
                c.registration == null ? null : c.registration.email)).toList();
        accessLog.record(caller.entry(AccessAction.VIEW_ATTENDEES).forEvent(e.slug)
                .withFilter("codes", codes.size()));
        return codes;
    }

    @Transactional
    Event event(String slug) {
        return Event.bySlugWithTypes(slug).orElseThrow(NotFoundException::new);
    }
}
