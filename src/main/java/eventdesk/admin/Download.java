package eventdesk.admin;

import eventdesk.audit.AccessLogEntry;
import eventdesk.audit.AccessLogFilter;
import eventdesk.web.Kst;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * One download of attendee data (an EXPORT entry of the access log) as the monthly review shows it,
 * on the page and in the owners' mail: who, when, which event, why, how many rows, by which filter.
 */
public record Download(long id, Instant at, String account, String event, String reason, Integer rows, String filter) {

    /** When, in KST to the second. */
    public String time() {
        return Kst.seconds(at);
    }

    /** Every download in the month (KST), oldest first; inside a transaction. */
    static List<Download> in(YearMonth month) {
        return AccessLogFilter.exportsIn(month).oldestFirst().stream().map(Download::of).toList();
    }

    static Download of(AccessLogEntry e) {
        return new Download(e.id, e.at(), e.account, e.eventSlug, e.reason, e.rowCount, e.filter);
    }
}
