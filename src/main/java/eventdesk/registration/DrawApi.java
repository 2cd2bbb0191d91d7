package eventdesk.registration;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.audit.AccessAction;
import eventdesk.event.Event;
import eventdesk.team.Caller;
import eventdesk.web.Kst;
import eventdesk.web.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
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

/** A draw event's draw for organizer scripts (HTTP Basic, role admin): its record, and running it once due. */
@Needs(Role.MANAGER)
@Path("/api/admin/events/{slug}/draw")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Admin")
@SecurityRequirement(name = "basic")
public class DrawApi {

    @Inject
    DrawService registrations;
    @Inject
    Clock clock;
    @Inject
    Caller caller;

    /**
     * A draw's public record: the commitment from the start; the seed and the order only once drawn,
     * so that anyone can then recompute the order and nobody could before.
     */
    public record DrawJson(String slug, OffsetDateTime drawAt, OffsetDateTime drawnAt, String commitment, String seed,
                           long applications, long verified, int seats, List<DrawRecord.Row> order) {
    }

    @POST
    @Operation(summary = "Run a due draw now (once): 200 with the draw record; 409 while applications are still open")
    @APIResponse(responseCode = "200", description = "the draw record, also when the draw had already run")
    @APIResponse(responseCode = "404", description = "unknown event, or not a draw event")
    @APIResponse(responseCode = "409", description = "the application window has not closed yet")
    public Response draw(@PathParam("slug") String slug) {
        Instant now = Instant.now(clock);
        Event e = drawEvent(slug);
        registrations.draw(e.id, now, caller.entry(AccessAction.DRAW));
        DrawJson record = record(slug);
        if (record.drawnAt() == null) {
            return Problem.response(409, "Draw not due", "Applications are open until " + record.drawAt() + ".", null);
        }
        return Response.ok(record).build();
    }

    @GET
    @Operation(summary = "The draw record: counts and commitment before the draw; seed and order after it")
    public DrawJson record(@PathParam("slug") String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event e = drawEvent(slug);
            DrawRecord record = DrawRecord.of(e);
            return new DrawJson(e.slug, Kst.offset(e.drawAt), Kst.offset(e.drawnAt), record.commitment(), record.seed(),
                    e.applied, Registration.verifiedApplications(e), record.seats(), record.rows());
        });
    }

    private static Event drawEvent(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).filter(Event::isDraw)
                .orElseThrow(NotFoundException::new));
    }
}
