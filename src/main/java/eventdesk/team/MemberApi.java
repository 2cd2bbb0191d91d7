package eventdesk.team;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.web.Kst;
import eventdesk.web.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The organizer team for scripts (OWNER only): invite, list, change, disable, reset the second factor. */
@Needs(value = Role.OWNER, event = Needs.EventFrom.NONE)
@Path("/api/admin/members")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Admin")
public class MemberApi {

    @Inject
    Team team;
    @Inject
    Caller caller;

    /** A member as the API shows it; {@code events} null for every event. */
    public record MemberJson(long id, String email, String name, Role role, List<String> events, AccountStatus status,
                             boolean twoFactor, OffsetDateTime lastSignInAt) {

        static MemberJson of(Account a) {
            return new MemberJson(a.id, a.email, a.name, a.role, eventList(a.allEvents, a.events), a.status, a.twoFactor(),
                    kst(a.lastSignInAt));
        }
    }

    static List<String> eventList(boolean all, Set<String> events) {
        return all ? null : events.stream().sorted().toList();
    }

    static OffsetDateTime kst(Instant i) {
        return i == null ? null : i.atZone(Kst.ZONE).toOffsetDateTime();
    }

    @GET
    public Response list() {
        return Response.ok(Account.<Account>listAll().stream().sorted(Comparator.comparing(a -> a.id))
                .map(MemberJson::of).toList()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(Team.MemberInput in) {
        if (in == null) throw TeamRefusal.badInput(Map.of("body", "Send {email, name, role, events}."));
        Account a = team.invite(in, caller.access(), caller.address());
        return Response.status(201).entity(MemberJson.of(a)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@PathParam("id") long id, ScopeInput in) {
        if (in == null) throw TeamRefusal.badInput(Map.of("body", "Send {role, events}."));
        return Response.ok(MemberJson.of(team.change(id, in, caller.access(), caller.address()))).build();
    }

    @POST
    @Path("{id}/disable")
    public Response disable(@PathParam("id") long id) {
        return Response.ok(MemberJson.of(team.disable(id, caller.access(), caller.address()))).build();
    }

    @POST
    @Path("{id}/reset-2fa")
    public Response resetSecondFactor(@PathParam("id") long id) {
        return Response.ok(MemberJson.of(team.resetSecondFactor(id, caller.access(), caller.address()))).build();
    }
}
