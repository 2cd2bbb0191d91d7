package eventdesk.admin;

import eventdesk.team.ApiToken;
import eventdesk.team.Caller;
import eventdesk.team.Needs;
import eventdesk.team.Role;
import eventdesk.team.TeamRefusal;
import eventdesk.team.Tokens;
import eventdesk.web.ConfirmStep;
import eventdesk.web.FormReader;
import eventdesk.web.Kst;
import eventdesk.web.Lang;
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

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * API tokens for the team's OWNERs: the list (never a secret), a form that makes one and shows its
 * secret on the answer, this once (only its hash is kept), and revoking one after a confirm step.
 * Making and revoking go through {@link Tokens}, as the API does, so each is recorded once in the
 * access log.
 */
@Path("/admin/team/tokens")
@Produces(MediaType.TEXT_HTML)
@Needs(Role.OWNER)
public class TokenResource {

    @Inject
    Lang lang;
    @Inject
    Tokens tokens;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** A token as the list shows it. */
    public record TokenRow(long id, String name, Role role, boolean allEvents, List<String> events, String created,
                           String expires, String lastUsed, String revoked, boolean expired) {
    }

    /** The form as typed; {@code expiresAt} as a {@code datetime-local} value in KST. */
    public record TokenFields(String name, String role, List<String> events, String expiresAt) {

        static final TokenFields NEW = new TokenFields("", Role.MANAGER.name(), List.of(), "");

        public boolean allEvents() {
            return events.contains(TeamResource.ALL_EVENTS);
        }

        public boolean has(String slug) {
            return events.contains(slug);
        }
    }

    /** A token just made: its name and its secret, shown this once. */
    public record Created(String name, String secret) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<TokenRow> tokens, List<TeamResource.EventChoice> slugs, Role[] roles, TokenFields form,
                                            Map<String, String> errors, String done, Created created);
    }

    @GET
    public TemplateInstance list(@QueryParam("done") String done) {
        return list(TokenFields.NEW, Map.of(), done, null);
    }

    /** Makes a token and answers with the page that shows its secret: never a redirect, the secret is in no URL. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        FormReader read = new FormReader(form);
        TeamResource.MemberFields scope = TeamResource.MemberFields.read(form);
        TokenFields typed = new TokenFields(nz(read.text("name")), scope.role(), scope.events(), nz(read.text("expiresAt")));
        OffsetDateTime expires = read.time("expiresAt", false);
        if (!read.unreadable().isEmpty() || expires != null && !Kst.plausible(expires)) {
            return refused(typed, Map.of("expiresAt", lang.msg().error_datetime()));
        }
        ApiToken.Issued issued;
        try {
            issued = tokens.create(new Tokens.TokenInput(typed.name(), scope.chosenRole(), scope.scope().events(), expires), caller);
        } catch (TeamRefusal refusal) {
            return refused(typed, TeamResource.errors(refusal, scope, lang));
        }
        return Response.ok(list(TokenFields.NEW, Map.of(), null, new Created(issued.token().name, issued.secret())))
                .header("Cache-Control", "no-store").build();
    }

    /** Revokes the token after a confirm step: from then on it is refused, at once. */
    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id, MultivaluedMap<String, String> form) {
        TokenRow t = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>findByIdOptional(id).map(this::row)
                .orElseThrow(NotFoundException::new));
        if (!"true".equals(form.getFirst("confirmed"))) {
            OrganizerTexts texts = lang.bundle(OrganizerTexts.class);
            ConfirmStep step = new ConfirmStep(texts.revoke_confirm_title(t.name()), texts.revoke_confirm_text(), List.of(),
                    "/admin/team/tokens/" + id + "/revoke", List.of(), texts.revoke_confirm_button(), "/admin/team/tokens");
            return Response.ok(lang.page(step.page())).build();
        }
        tokens.revoke(id, caller);
        return Response.seeOther(UriBuilder.fromPath("/admin/team/tokens").queryParam("done", "revoked").build()).build();
    }

    private Response refused(TokenFields typed, Map<String, String> errors) {
        return Response.status(422).entity(list(typed, errors, null, null)).build();
    }

    private TemplateInstance list(TokenFields form, Map<String, String> errors, String done, Created created) {
        List<TokenRow> rows = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>listAll().stream()
                .sorted(Comparator.comparing((ApiToken t) -> t.id).reversed()).map(this::row).toList());
        return lang.page(Templates.list(rows, TeamResource.choices(lang.locale()), Role.values(), form, errors, done, created));
    }

    private TokenRow row(ApiToken t) {
        Instant now = Instant.now(clock);
        return new TokenRow(t.id, t.name, t.role, t.allEvents, t.events.stream().sorted().toList(), lang.dateTime(t.createdAt),
                t.expiresAt == null ? null : lang.dateTime(t.expiresAt), t.lastUsedAt == null ? null : lang.dateTime(t.lastUsedAt),
                t.revokedAt == null ? null : lang.dateTime(t.revokedAt), t.revokedAt == null && !t.liveAt(now));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
