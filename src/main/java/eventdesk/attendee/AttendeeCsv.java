package eventdesk.attendee;

import eventdesk.registration.AnswerColumn;
import eventdesk.registration.Answers;
import eventdesk.registration.RegistrationStatus;
import eventdesk.web.CsvCells;
import eventdesk.web.Kst;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The attendee export: RFC 4180 CSV in UTF-8 with a byte order mark, so Excel on Korean Windows shows
 * Hangul, and a header row. Rows are read in keyset batches straight from JDBC and written as they
 * come, so memory does not grow with the number of registrations. Seated and past registrations come
 * first (by id), then the waitlist in queue order with positions (each ticket type's queue counted on
 * its own). The columns: id, status, name, email, affiliation, role, language, registered, confirmed
 * and checked-in times (KST, ISO 8601), waitlist position; then the ticket type's key, a draw's
 * reference code and draw rank; then one column per custom question the event ever asked (removed
 * ones too, so no answer is lost). A cell that a spreadsheet would run as a formula is defused
 * ({@link #cell}). A registration whose data was erased has empty name, email, affiliation and answer cells.
 */
@ApplicationScoped
public class AttendeeCsv {

    /** The fixed columns, before one per custom question. */
    public static final List<String> HEADER = List.of("id", "status", "name", "email", "affiliation", "role", "language",
            "registered_at", "confirmed_at", "checked_in_at", "waitlist_position", "ticket_type", "reference", "draw_rank");
    private static final int BATCH = 2000;
    private static final String COLUMNS = "id, status, name, email, affiliation, role, locale, created_at,"
            + " confirmed_at, checked_in_at, waitlist_seq, ticket_type_id, reference, draw_rank, answers, erased_at";

    @Inject
    AgroalDataSource dataSource;

    /**
     * @param typeId   only registrations of this ticket type, or all when null
     * @param typeKeys the event's ticket type ids to their keys (empty for an event without types)
     */
    public void write(long eventId, RegistrationStatus status, Long typeId, Map<Long, String> typeKeys,
                      List<AnswerColumn> questions, OutputStream out)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write('\uFEFF');
        List<String> header = new ArrayList<>(HEADER);
        questions.forEach(q -> header.add(cell(q.header())));
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
        try (Connection c = dataSource.getConnection()) {
            Rows rows = new Rows(typeId, typeKeys, questions);
            if (status != RegistrationStatus.WAITLISTED) {
                stream(c, csv, eventId, "id > ? order by id", 1,
                        s -> !s.equals("WAITLISTED") && (status == null || s.equals(status.name())), false, rows);
            }
            if (status == null || status == RegistrationStatus.WAITLISTED) {
                stream(c, csv, eventId, "waitlist_seq > ? order by waitlist_seq", 11, s -> s.equals("WAITLISTED"), true, rows);
            }
        } catch (SQLException e) {
            throw new IOException("export failed", e);
        }
        csv.flush();
    }

    /** The type filter, the type keys, the question columns, and each type's last waitlist position written. */
    private record Rows(Long typeId, Map<Long, String> typeKeys, List<AnswerColumn> questions, Map<Long, Long> positions) {
        Rows(Long typeId, Map<Long, String> typeKeys, List<AnswerColumn> questions) {
            this(typeId, typeKeys, questions, new HashMap<>());
        }
    }

    /**
     * Writes rows in keyset batches: each query takes the next BATCH rows after the last key seen
     * (column {@code keyColumn} of the result), so no result set ever holds more than one batch.
     * The condition is only the key range, so the database walks the (event_id, key) index in order
     * instead of sorting all of the event's rows for every batch; the status is filtered here.
     */
    private static void stream(Connection c, CSVPrinter csv, long eventId, String condition, int keyColumn,
                               Predicate<String> status, boolean numbered, Rows rows) throws SQLException, IOException {
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
                        Long position = numbered ? rows.positions().merge(type, 1L, Long::sum) : null;
                        if (rows.typeId() == null || rows.typeId() == type) {
                            row(csv, rs, position, rows.typeKeys().getOrDefault(type, ""), rows.questions());
                        }
                    }
                }
            }
            csv.flush();
        } while (n == BATCH);
    }

    /** An erased registration's row keeps its status, times and numbers; its name, email, affiliation and answers are empty. */
    private static void row(CSVPrinter csv, ResultSet rs, Long position, String type, List<AnswerColumn> questions)
            throws SQLException, IOException {
        boolean erased = rs.getTimestamp(16) != null;
        List<Object> cells = new ArrayList<>(List.of(rs.getLong(1), rs.getString(2), erased ? "" : nz(cell(rs.getString(3))),
                erased ? "" : nz(cell(rs.getString(4))), erased ? "" : nz(cell(rs.getString(5))), rs.getString(6), rs.getString(7), time(rs, 8),
                time(rs, 9), time(rs, 10), position == null ? "" : position, type, nz(rs.getString(13)),
                rs.getObject(14) == null ? "" : rs.getInt(14)));
        if (!questions.isEmpty()) {
            Map<String, Object> answers = erased ? Map.of() : Answers.fromJson(rs.getString(15));
            for (AnswerColumn q : questions) cells.add(cell(q.answerIn(answers)));
        }
        csv.printRecord(cells);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String time(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? "" : Kst.iso(t.toInstant());
    }

    /** A text cell as every export writes it: {@link CsvCells#defused}. */
    static String cell(String value) {
        return CsvCells.defused(value);
    }

    static String filename(String slug, Instant now) {
        return slug + "-attendees-" + now.atZone(Kst.ZONE).toLocalDate() + ".csv";
    }
}
