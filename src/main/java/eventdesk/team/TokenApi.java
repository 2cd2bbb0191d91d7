package eventdesk.team;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.web.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** API tokens for scripts (OWNER only): make one (its secret shown this once), list them without secrets, revoke one. */
@Needs(value = Role.OWNER, event = Needs.EventFrom.NONE)
@Path("/api/admin/tokens")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Admin")
public class TokenApi {

    @Inject
    Tokens tokens;
    @Inject
    Caller caller;

    /** The answer to making a token: the only time its secret is shown. */
    public record Created(long id, String token) {
    }

    /** A token as the list shows it: never its secret. */
    public record TokenJson(long id, String name, Role role, List<String> events, OffsetDateTime createdAt,
                            OffsetDateTime expiresAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {

        static TokenJson of(ApiToken t) {
            return new TokenJson(t.id, t.name, t.role, MemberApi.eventList(t.allEvents, t.events), MemberApi.kst(t.createdAt),
                    MemberApi.kst(t.expiresAt), MemberApi.kst(t.revokedAt), MemberApi.kst(t.lastUsedAt));
        }
    }

    @GET
    public Response list() {
        return Response.ok(ApiToken.<ApiToken>listAll().stream().sorted(Comparator.comparing(t -> t.id))
                .map(TokenJson::of).toList()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Tokens.TokenInput in) {
        if (in == null) throw TeamRefusal.badInput(Map.of("body", "Send {name, role, events, expiresAt}."));
        ApiToken.Issued issued = tokens.create(in, caller);
        return Response.status(201).entity(new Created(issued.token().id, issued.secret())).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(id, caller);
        return Response.noContent().build();
    }
}
