package eventdesk.admin;

import eventdesk.audit.AccessAction;
import eventdesk.audit.AccessLog;
import eventdesk.audit.AccessLogEntry;
import eventdesk.audit.AccessLogFilter;
import eventdesk.team.Caller;
import eventdesk.team.Needs;
import eventdesk.team.Role;
import eventdesk.web.Kst;
import eventdesk.web.Lang;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The access log for the team's OWNERs: its entries by account, action, event and dates (newest first,
 * {@value #PAGE} a page), the same as CSV, whether the chain verifies, and the monthly review of
 * downloads (every EXPORT of a month, with its reason and rows). Reading the log is itself one VIEW_AUDIT
 * entry naming the filter and how many entries were shown, as reading it through the API is.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Needs(Role.OWNER)
public class AuditResource {

    static final int PAGE = 100;
    /** Registration ids an entry shows on the page; the CSV has them all. */
    static final int SHOWN_IDS = 20;

    @Inject
    Lang lang;
    @Inject
    AccessLog accessLog;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** The filters as typed, for the form and the links that keep them. */
    public record Filters(String account, String action, String event, String from, String to) {

        /** The filters as a query string, blank ones left out (for the CSV link and the pager). */
        public String query() {
            String[] names = {"account", "action", "event", "from", "to"};
            String[] values = {account, action, event, from, to};
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                if (values[i] != null && !values[i].isBlank()) {
                    parts.add(names[i] + "=" + URLEncoder.encode(values[i].strip(), StandardCharsets.UTF_8));
                }
            }
            return String.join("&", parts);
        }

        AccessLogFilter.Reading read() {
            return AccessLogFilter.read(account, action, event, from, to, true);
        }
    }

    /** An entry as the page shows it: time in KST to the second, at most {@value #SHOWN_IDS} registration ids. */
    public record EntryRow(long id, String at, String account, String address, AccessAction action, String event,
                           List<Long> registrations, int moreRegistrations, String filter, Integer count, String reason) {

        static EntryRow of(AccessLogEntry e) {
            List<Long> ids = e.registrations();
            return new EntryRow(e.id, Kst.seconds(e.at()), e.account, e.address, e.action, e.eventSlug,
                    ids.subList(0, Math.min(ids.size(), SHOWN_IDS)), Math.max(0, ids.size() - SHOWN_IDS), e.filter, e.rowCount,
                    e.reason);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Filters f, List<EntryRow> entries, int page, boolean more,
                                             AccessLog.Verification verified, AccessAction[] actions, Map<String, String> errors);

        static native TemplateInstance downloads(String month, List<Download> downloads, String previous, String next,
                                                 boolean invalidMonth);
    }

    @GET
    @Path("audit")
    public Response audit(@QueryParam("account") String account, @QueryParam("action") String action,
                          @QueryParam("event") String event, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("page") String pageParam) {
        Filters f = new Filters(account, action, event, from, to);
        AccessLogFilter.Reading reading = f.read();
        if (!reading.problems().isEmpty()) {
            return Response.status(400).entity(lang.page(Templates.audit(f, List.of(), 1, false, accessLog.verify(),
                    AccessAction.values(), errors(reading))).render()).build();
        }
        int page = pageParam != null && pageParam.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(pageParam) : 1;
        List<AccessLogEntry> found = QuarkusTransaction.requiringNew().call(() ->
                reading.filter().newestFirst().range((page - 1) * PAGE, page * PAGE).list());
        boolean more = found.size() > PAGE;
        List<EntryRow> rows = found.stream().limit(PAGE).map(EntryRow::of).toList();
        record(reading.text() + (page > 1 ? (reading.text().isEmpty() ? "" : "&") + "page=" + page : ""), rows.size());
        return Response.ok(lang.page(Templates.audit(f, rows, page, more, accessLog.verify(), AccessAction.values(), Map.of())))
                .build();
    }

    /** The entries the same filters select, every one, as CSV ({@link AuditCsv}); one VIEW_AUDIT entry with how many. */
    @GET
    @Path("audit.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("account") String account, @QueryParam("action") String action,
                        @QueryParam("event") String event, @QueryParam("from") String from, @QueryParam("to") String to) {
        Filters f = new Filters(account, action, event, from, to);
        AccessLogFilter.Reading reading = f.read();
        if (!reading.problems().isEmpty()) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(lang.page(Templates.audit(f, List.of(), 1, false,
                    accessLog.verify(), AccessAction.values(), errors(reading))).render()).build();
        }
        String subject = caller.access().subject();
        String address = caller.address();
        String filter = "csv" + (reading.text().isEmpty() ? "" : "&" + reading.text());
        StreamingOutput body = out -> AuditCsv.write(reading.filter(), out, rows -> accessLog.record(
                AccessLog.Entry.of(subject, address, AccessAction.VIEW_AUDIT).withFilter(filter, (int) Math.min(rows, Integer.MAX_VALUE))));
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + AuditCsv.filename(Instant.now(clock)) + "\"")
                .build();
    }

    /**
     * The month's downloads of attendee data for the monthly review: every EXPORT entry of the month (KST;
     * this month by the clock, another by {@code ?month=2026-11}), oldest first, with account, time, event,
     * reason and rows.
     */
    @GET
    @Path("audit/downloads")
    public Response downloads(@QueryParam("month") String monthParam) {
        YearMonth current = YearMonth.from(Instant.now(clock).atZone(Kst.ZONE));
        YearMonth month = current;
        boolean invalid = false;
        if (monthParam != null && !monthParam.isBlank()) {
            try {
                month = YearMonth.parse(monthParam.strip());
                if (month.getYear() < Kst.MIN_YEAR || month.getYear() > Kst.MAX_YEAR) throw new DateTimeParseException("year", monthParam, 0);
            } catch (DateTimeParseException e) {
                month = current;
                invalid = true;
            }
        }
        YearMonth shown = month;
        List<Download> downloads = QuarkusTransaction.requiringNew().call(() -> Download.in(shown));
        if (!invalid) record("action=EXPORT&month=" + shown, downloads.size());
        TemplateInstance page = lang.page(Templates.downloads(shown.toString(), downloads, shown.minusMonths(1).toString(),
                shown.isBefore(current) ? shown.plusMonths(1).toString() : null, invalid));
        return Response.status(invalid ? 400 : 200).entity(page).build();
    }

    private void record(String filter, int count) {
        accessLog.record(AccessLog.Entry.of(caller.access().subject(), caller.address(), AccessAction.VIEW_AUDIT)
                .withFilter(filter, count));
    }

    private Map<String, String> errors(AccessLogFilter.Reading reading) {
        OrganizerTexts t = lang.bundle(OrganizerTexts.class);
        Map<String, String> errors = new LinkedHashMap<>();
        reading.problems().forEach((field, code) -> errors.put(field, code.equals("action") ? t.error_action() : t.error_date()));
        return errors;
    }
}
