package eventdesk.audit;

import eventdesk.web.Kst;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which access log entries to read: by account, action, event and a time range ({@code from} inclusive,
 * {@code to} exclusive), each optional. The one reading of the filters that the API, the access log page,
 * its CSV and the monthly review of downloads share; entries come newest first (by id, the chain's order)
 * or oldest first.
 */
public record AccessLogFilter(String account, AccessAction action, String event, Instant from, Instant to) {

    public static final AccessLogFilter ALL = new AccessLogFilter(null, null, null, null, null);

    /** Filters as typed, read: the filter, and the fields that could not be read ({@code action}, {@code time}). */
    public record Reading(AccessLogFilter filter, Map<String, String> problems, String text) {
    }

    /**
     * Reads filters as typed. A time is a date (its start in KST) or an ISO date-time with offset; with
     * {@code throughToDate} a {@code to} that is a date takes in that whole day (a page's date field),
     * else it ends where that day starts (the API). Blank values are no filter.
     */
    public static Reading read(String account, String action, String event, String from, String to, boolean throughToDate) {
        Map<String, String> problems = new LinkedHashMap<>();
        AccessAction parsedAction = null;
        if (present(action)) {
            try {
                parsedAction = AccessAction.valueOf(action.strip());
            } catch (IllegalArgumentException e) {
                problems.put("action", "action");
            }
        }
        Instant start = time("from", from, false, problems);
        Instant end = time("to", to, throughToDate, problems);
        AccessLogFilter filter = new AccessLogFilter(present(account) ? account.strip() : null, parsedAction,
                present(event) ? event.strip() : null, start, end);
        return new Reading(filter, problems, text(account, action, event, from, to));
    }

    /** The EXPORT entries of one month in KST. */
    public static AccessLogFilter exportsIn(YearMonth month) {
        return new AccessLogFilter(null, AccessAction.EXPORT, null, month.atDay(1).atStartOfDay(Kst.ZONE).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(Kst.ZONE).toInstant());
    }

    /** Matching entries, newest first. */
    public PanacheQuery<AccessLogEntry> newestFirst() {
        return query(null, "order by id desc");
    }

    /** Matching entries, oldest first. */
    public PanacheQuery<AccessLogEntry> oldestFirst() {
        return query(null, "order by id");
    }

    /** Up to {@code max} matching entries older than the entry {@code beforeId} (all when null), newest first: one batch of a long read. */
    public List<AccessLogEntry> batchBefore(Long beforeId, int max) {
        return query(beforeId, "order by id desc").page(0, max).list();
    }

    private PanacheQuery<AccessLogEntry> query(Long beforeId, String order) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (account != null) {
            where.add("account = :account");
            params.and("account", account);
        }
        if (action != null) {
            where.add("action = :action");
            params.and("action", action);
        }
        if (event != null) {
            where.add("eventSlug = :event");
            params.and("event", event);
        }
        if (from != null) {
            where.add("atMs >= :from");
            params.and("from", from.toEpochMilli());
        }
        if (to != null) {
            where.add("atMs < :to");
            params.and("to", to.toEpochMilli());
        }
        if (beforeId != null) {
            where.add("id < :before");
            params.and("before", beforeId);
        }
        return AccessLogEntry.find((where.isEmpty() ? "" : String.join(" and ", where) + " ") + order, params);
    }

    /** The filters as typed, as a VIEW_AUDIT entry names them: {@code account=…&action=…}, blank ones left out. */
    public static String text(String account, String action, String event, String from, String to) {
        String[] names = {"account", "action", "event", "from", "to"};
        String[] values = {account, action, event, from, to};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (present(values[i])) parts.add(names[i] + "=" + values[i].strip());
        }
        return String.join("&", parts);
    }

    private static Instant time(String name, String value, boolean throughDate, Map<String, String> problems) {
        if (!present(value)) return null;
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (throughDate ? day.plusDays(1) : day).atStartOfDay(Kst.ZONE).toInstant();
            }
            Instant t = OffsetDateTime.parse(v).toInstant();
            t.toEpochMilli(); // a year the log's milliseconds cannot hold is no time either
            return t;
        } catch (DateTimeParseException | ArithmeticException e) {
            problems.put(name, "time");
            return null;
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
