package eventdesk.attendee;

import eventdesk.event.Event;
import eventdesk.event.TicketType;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import io.quarkus.panache.common.Parameters;
import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the organizer's attendee table shows: the filters (text, status, ticket type, checked in, answered
 * "still coming?"), the column it is sorted by and which way, and the page. Read from the query string (or
 * from a bulk form, which carries the same fields); anything that is not a known value is no filter, the
 * default sort (registered, oldest first) or page 1. The same filters give the same rows on the page, in
 * the bulk action's "all matching" and in the access log's record of the view.
 */
public record AttendeeTable(String q, RegistrationStatus status, String type, String checkedIn, String answered,
                            String sort, boolean desc, int page) {

    /** Rows on a page of the table. */
    public static final int PAGE_SIZE = 100;

    /** The columns the table sorts by, with what each sorts on. */
    static final Map<String, String> SORTS = sorts();

    private static Map<String, String> sorts() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("name", "r.name");
        s.put("email", "r.emailNormalized");
        s.put("affiliation", "r.affiliation");
        s.put("role", "r.role");
        s.put("type", "t.sortOrder");
        s.put("status", "r.status");
        s.put("registered", "r.createdAt");
        s.put("confirmed", "r.confirmedAt");
        s.put("checkedin", "r.checkedInAt");
        s.put("answered", "r.reconfirmedAt");
        return s;
    }

    /** The table's state from the query string (or a form with the same fields). */
    public static AttendeeTable from(MultivaluedMap<String, String> params) {
        String sort = params.getFirst("sort");
        String page = params.getFirst("page");
        return new AttendeeTable(blankToEmpty(params.getFirst("q")),
                Arrays.stream(RegistrationStatus.values()).filter(s -> s.name().equals(params.getFirst("status"))).findFirst().orElse(null),
                blankToEmpty(params.getFirst("ticketType")), yesNo(params.getFirst("checkedIn")), yesNo(params.getFirst("answered")),
                SORTS.containsKey(sort) ? sort : "registered", "desc".equals(params.getFirst("dir")),
                page == null || !page.matches("\\d{1,9}") ? 1 : Math.max(1, Integer.parseInt(page)));
    }

    private static String yesNo(String v) {
        return "yes".equals(v) || "no".equals(v) ? v : "";
    }

    private static String blankToEmpty(String v) {
        return v == null || v.isBlank() ? "" : v.strip();
    }

    /** This table on another page. */
    public AttendeeTable onPage(int other) {
        return new AttendeeTable(q, status, type, checkedIn, answered, sort, desc, other);
    }

    /** The ticket type filtered to, if it is one of the event's. */
    public Optional<TicketType> ticketType(Event e) {
        return type.isEmpty() ? Optional.empty() : e.type(type);
    }

    /** The matching registrations of the event, in the table's order. */
    public List<Registration> rows(Event e) {
        return select("r", Registration.class, e).setFirstResult((page - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
    }

    /** How many registrations of the event match. */
    public long count(Event e) {
        Where w = where(e);
        return Registration.count("from Registration r where " + w.hql, w.params);
    }

    /** The ids of every matching registration (for a bulk action on "all matching"), in the table's order. */
    public List<Long> ids(Event e) {
        return select("r.id", Long.class, e).getResultList();
    }

    private <T> jakarta.persistence.TypedQuery<T> select(String what, Class<T> type, Event e) {
        Where w = where(e);
        String by = SORTS.get(sort) + (desc ? " desc" : " asc") + " nulls last, r.createdAt, r.id";
        jakarta.persistence.TypedQuery<T> query = Registration.getEntityManager().createQuery(
                "select " + what + " from Registration r left join r.ticketType t where " + w.hql + " order by " + by, type);
        w.params.map().forEach(query::setParameter);
        return query;
    }

    private record Where(String hql, Parameters params) {
    }

    private Where where(Event e) {
        StringBuilder w = new StringBuilder("r.event = :event");
        Parameters p = Parameters.with("event", e);
        Optional<TicketType> t = ticketType(e);
        if (t.isPresent()) {
            w.append(" and r.ticketType = :type");
            p.and("type", t.get());
        }
        if (!q.isEmpty()) {
            w.append(" and (lower(r.name) like :text escape '!' or lower(r.affiliation) like :text escape '!'"
                    + " or lower(r.reference) like :text escape '!' or r.emailNormalized like :text escape '!'"
                    + " or lower(r.email) like :text escape '!')");
            String escaped = q.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            p.and("text", "%" + escaped + "%");
        }
        if (status != null) {
            w.append(" and r.status = :status");
            p.and("status", status);
        }
        if (!checkedIn.isEmpty()) w.append("yes".equals(checkedIn) ? " and r.checkedInAt is not null" : " and r.checkedInAt is null");
        if (!answered.isEmpty()) {
            w.append("yes".equals(answered) ? " and r.reconfirmedAt is not null"
                    : " and r.reconfirmSentAt is not null and r.reconfirmedAt is null");
        }
        return new Where(w.toString(), p);
    }

    /**
     * Whether {@link #where}'s text, checked-in or answered filter is set. {@link #matchesOthers} applies them to a
     * row read outside that query (the export's stream, which numbers the waitlist before it filters); the two say
     * the same and stay side by side.
     */
    boolean filtersOthers() {
        return !q.isEmpty() || !checkedIn.isEmpty() || !answered.isEmpty();
    }

    /** See {@link #filtersOthers}: whether a row with these values passes them. */
    boolean matchesOthers(Instant checkedInAt, Instant reconfirmSentAt, Instant reconfirmedAt, String... texts) {
        if (!checkedIn.isEmpty() && (checkedInAt != null) != "yes".equals(checkedIn)) return false;
        if ("yes".equals(answered) && reconfirmedAt == null) return false;
        if ("no".equals(answered) && (reconfirmSentAt == null || reconfirmedAt != null)) return false;
        if (q.isEmpty()) return true;
        String text = q.toLowerCase(Locale.ROOT);
        for (String t : texts) if (t != null && t.toLowerCase(Locale.ROOT).contains(text)) return true;
        return false;
    }

    /** The filters and sort as query parameters (without the page), for links and for hidden form fields. */
    public Map<String, String> params() {
        Map<String, String> m = new LinkedHashMap<>();
        if (!q.isEmpty()) m.put("q", q);
        if (status != null) m.put("status", status.name());
        if (!type.isEmpty()) m.put("ticketType", type);
        if (!checkedIn.isEmpty()) m.put("checkedIn", checkedIn);
        if (!answered.isEmpty()) m.put("answered", answered);
        if (!"registered".equals(sort) || desc) {
            m.put("sort", sort);
            if (desc) m.put("dir", "desc");
        }
        return m;
    }

    /** The query string of this table's view ({@code ?…}, or empty), with the page when it is not the first. */
    public String query() {
        Map<String, String> m = params();
        if (page > 1) m.put("page", Integer.toString(page));
        return query(m);
    }

    /** The query string that sorts by {@code column}: ascending, or the other way when it is already sorted by it. */
    public String sortedBy(String column) {
        Map<String, String> m = params();
        m.remove("sort");
        m.remove("dir");
        boolean flip = column.equals(sort) && !desc;
        if (!"registered".equals(column) || flip) m.put("sort", column);
        if (flip) m.put("dir", "desc");
        return query(m);
    }

    /** {@code ascending}, {@code descending} or {@code none}: how the column is sorted, for {@code aria-sort}. */
    public String ariaSort(String column) {
        return !column.equals(sort) ? "none" : desc ? "descending" : "ascending";
    }

    /** The hidden fields a bulk form carries to act on "all matching" these filters. */
    public List<eventdesk.web.ConfirmStep.Hidden> hidden() {
        List<eventdesk.web.ConfirmStep.Hidden> h = new ArrayList<>();
        params().forEach((k, v) -> h.add(new eventdesk.web.ConfirmStep.Hidden(k, v)));
        return h;
    }

    private static String query(Map<String, String> m) {
        if (m.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return "?" + String.join("&", parts);
    }

    /** The filters as the access log names them, e.g. {@code q=kim&status=CONFIRMED&checkedIn=yes&page=2}; "all" for none. */
    public String logText() {
        Map<String, String> m = params();
        m.remove("sort");
        m.remove("dir");
        if (page > 0) m.put("page", Integer.toString(page));
        if (m.isEmpty()) return "all";
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join("&", parts);
    }
}
