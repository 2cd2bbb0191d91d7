package eventdesk.attendee;

import eventdesk.registration.Answers;
import eventdesk.registration.RegistrationStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The registrations of one event in export order, read for every export format (CSV, Excel). Rows are
 * read in keyset batches straight from JDBC and handed on one at a time, so memory does not grow with
 * the number of registrations. Seated and past registrations come first (by id), then the waitlist in
 * queue order with positions (each ticket type's queue counted on its own). A registration whose data
 * was erased comes with empty name, email and affiliation and no answers.
 */
@ApplicationScoped
class ExportRows {

    private static final int BATCH = 2000;
    private static final String COLUMNS = "id, status, name, email, affiliation, role, locale, created_at,"
            + " confirmed_at, checked_in_at, waitlist_seq, ticket_type_id, reference, draw_rank, answers, erased_at,"
            + " email_normalized, reconfirm_sent_at, reconfirmed_at";

    /** One registration as an export writes it; times may be null, {@code typeId} 0 without a ticket type. */
    record Row(long id, String status, String name, String email, String affiliation, String role, String locale,
               Instant registeredAt, Instant confirmedAt, Instant checkedInAt, Long waitlistPosition, long typeId,
               String reference, Integer drawRank, String answersJson) {

        /** The answers to custom questions, by question key (none for an erased registration). */
        Map<String, Object> answers() {
            return Answers.fromJson(answersJson);
        }
    }

    /** Takes the rows one by one. */
    @FunctionalInterface
    interface Sink {
        void accept(Row row) throws IOException;
    }

    /**
     * Which registrations an export takes: the attendee table's filters, so that an export holds the rows the
     * organizer sees. Status and ticket type are tested here; the text, checked-in and answered filters by the
     * table itself ({@link AttendeeTable#matchesOthers}). All of them apply after the waitlist is numbered, so a
     * waiting person keeps their place in the queue in a filtered file too.
     *
     * @param typeId the table's ticket type's id, or null for all
     */
    record Filter(AttendeeTable table, Long typeId) {

        RegistrationStatus status() {
            return table.status();
        }

        private boolean takes(ResultSet rs, long type) throws SQLException {
            return (typeId == null || typeId == type) && (!table.filtersOthers() || table.matchesOthers(time(rs, 10), time(rs, 18), time(rs, 19),
                    rs.getString(3), rs.getString(5), rs.getString(13), rs.getString(17), rs.getString(4)));
        }
    }

    @Inject
    AgroalDataSource dataSource;

    void read(long eventId, Filter filter, Sink sink) throws IOException {
        RegistrationStatus status = filter.status();
        try (Connection c = dataSource.getConnection()) {
            Map<Long, Long> positions = new HashMap<>();
            if (status != RegistrationStatus.WAITLISTED) {
                stream(c, eventId, "id > ? order by event_id, id", 1,
                        s -> !s.equals("WAITLISTED") && (status == null || s.equals(status.name())), null, filter, sink);
            }
            if (status == null || status == RegistrationStatus.WAITLISTED) {
                stream(c, eventId, "waitlist_seq > ? order by event_id, waitlist_seq", 11, s -> s.equals("WAITLISTED"), positions, filter, sink);
            }
        } catch (SQLException e) {
            throw new IOException("export failed", e);
        }
    }

    /**
     * Reads rows in keyset batches: each query takes the next BATCH rows after the last key seen
     * (column {@code keyColumn} of the result), so no result set ever holds more than one batch.
     * The condition is only the key range and the order is the (event_id, key) index's own, so the
     * database walks that index and stops after the batch instead of sorting all of the event's
     * remaining rows for every batch (H2 sees that only when the order names event_id too: ordered by the
     * key alone it read and sorted up to every row of the event per batch); status and type are filtered here.
     *
     * @param positions each type's last waitlist position handed out, when the rows are numbered; else null
     */
    private static void stream(Connection c, long eventId, String condition, int keyColumn, Predicate<String> status,
                               Map<Long, Long> positions, Filter filter, Sink sink) throws SQLException, IOException {
        String sql = "select " + COLUMNS + " from registration where event_id = ? and " + condition
                + " fetch first " + BATCH + " rows only";
        long last = 0;
        int n;
        do {
            n = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, eventId);
                ps.setLong(2, last);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(keyColumn);
                        n++;
                        long type = rs.getLong(12);
                        if (!status.test(rs.getString(2))) continue;
                        Long position = positions == null ? null : positions.merge(type, 1L, Long::sum);
                        if (filter.takes(rs, type)) sink.accept(row(rs, position, type));
                    }
                }
            }
        } while (n == BATCH);
    }

    private static Row row(ResultSet rs, Long position, long type) throws SQLException {
        boolean erased = rs.getTimestamp(16) != null;
        return new Row(rs.getLong(1), rs.getString(2), erased ? "" : nz(rs.getString(3)), erased ? "" : nz(rs.getString(4)),
                erased ? "" : nz(rs.getString(5)), rs.getString(6), rs.getString(7), time(rs, 8), time(rs, 9), time(rs, 10),
                position, type, nz(rs.getString(13)), rs.getObject(14) == null ? null : rs.getInt(14),
                erased ? null : rs.getString(15));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Instant time(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
