package eventdesk.admin;

import eventdesk.team.Role;
import eventdesk.team.Needs;
import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.audit.AccessLogEntry;
import eventdesk.web.Kst;
import eventdesk.web.Problem;
import eventdesk.web.TrustedProxies;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
    SecurityIdentity identity;
    @Inject
    HttpServerRequest request;
    @Inject
    TrustedProxies proxies;

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
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (account != null && !account.isBlank()) {
            where.add("account = :account");
            params.and("account", account.strip());
        }
        if (action != null && !action.isBlank()) {
            try {
                params.and("action", AccessAction.valueOf(action.strip()));
                where.add("action = :action");
            } catch (IllegalArgumentException e) {
                errors.put("action", "No such action; use one of " + List.of(AccessAction.values()) + ".");
            }
        }
        if (event != null && !event.isBlank()) {
            where.add("eventSlug = :event");
            params.and("event", event.strip());
        }
        addTime(where, params, errors, "from", from, "atMs >= :from");
        addTime(where, params, errors, "to", to, "atMs < :to");
        if (!errors.isEmpty()) {
            return Problem.response(400, "Invalid request", "Some filters are not valid: " + String.join(" ", errors.values()), errors);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        List<EntryJson> found = AccessLogEntry.<AccessLogEntry>find(query, params).page(0, LIMIT).stream()
                .map(EntryJson::of).toList();
        accessLog.record(AccessLog.Entry.of(identity.getPrincipal().getName(), proxies.clientAddress(request), AccessAction.VIEW_AUDIT)
                .withFilter(filterText(account, action, event, from, to), found.size()));
        return Response.ok(found).build();
    }

    @GET
    @Path("verify")
    public Response verify() {
        return Response.ok(accessLog.verify()).build();
    }

    /** Adds a time bound: an ISO date-time with its offset, or a date (its start in KST). */
    private static void addTime(List<String> where, Parameters params, Map<String, String> errors, String name, String value,
                                String clause) {
        if (value == null || value.isBlank()) return;
        try {
            params.and(name, parseTime(value.strip()).toEpochMilli());
            where.add(clause);
        } catch (DateTimeParseException e) {
            errors.put(name, "'" + name + "' must be a date (2026-05-01) or a date-time with offset (2026-05-01T09:00:00+09:00).");
        }
    }

    static Instant parseTime(String value) {
        return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(Kst.ZONE).toInstant() : OffsetDateTime.parse(value).toInstant();
    }

    private static String filterText(String... values) {
        String[] names = {"account", "action", "event", "from", "to"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && !values[i].isBlank()) parts.add(names[i] + "=" + values[i].strip());
        }
        return String.join("&", parts);
    }

}
