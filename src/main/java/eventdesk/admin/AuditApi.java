package eventdesk.admin;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.audit.AccessLogEntry;
import eventdesk.audit.AccessLogFilter;
import eventdesk.team.Caller;
import eventdesk.team.Needs;
import eventdesk.team.Role;
import eventdesk.web.Kst;
import eventdesk.web.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access log for OWNERs: its entries by account, action, event and time (newest first, at most
 * {@value #LIMIT}), and a walk along the chain. Reading the entries is itself one VIEW_AUDIT entry,
 * naming the filter and how many entries it returned.
 */
@Needs(value = Role.OWNER, event = Needs.EventFrom.NONE)
@Path("/api/admin/audit")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Admin")
public class AuditApi {

    static final int LIMIT = 1000;

    @Inject
    AccessLog accessLog;
    @Inject
    Caller caller;

    /** An entry as the API shows it; {@code at} in KST. */
    public record EntryJson(long id, OffsetDateTime at, String account, String address, AccessAction action, String event,
                            List<Long> registrations, String filter, Integer count, String reason, String hash) {

        static EntryJson of(AccessLogEntry e) {
            return new EntryJson(e.id, e.at().atZone(Kst.ZONE).toOffsetDateTime(), e.account, e.address, e.action,
                    e.eventSlug, e.registrations(), e.filter, e.rowCount, e.reason, e.hash);
        }
    }

    @GET
    public Response entries(@QueryParam("account") String account, @QueryParam("action") String action,
                            @QueryParam("event") String event, @QueryParam("from") String from, @QueryParam("to") String to) {
        AccessLogFilter.Reading reading = AccessLogFilter.read(account, action, event, from, to, false);
        if (!reading.problems().isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            reading.problems().keySet().forEach(field -> errors.put(field, field.equals("action")
                    ? "No such action; use one of " + List.of(AccessAction.values()) + "."
                    : "'" + field + "' must be a date (2026-05-01) or a date-time with offset (2026-05-01T09:00:00+09:00)."));
            return Problem.response(400, "Invalid request", "Some filters are not valid: " + String.join(" ", errors.values()), errors);
        }
        List<EntryJson> found = reading.filter().newestFirst().page(0, LIMIT).stream().map(EntryJson::of).toList();
        accessLog.record(caller.entry(AccessAction.VIEW_AUDIT)
                .withFilter(reading.text(), found.size()));
        return Response.ok(found).build();
    }

    @GET
    @Path("verify")
    public Response verify() {
        return Response.ok(accessLog.verify()).build();
    }

}
