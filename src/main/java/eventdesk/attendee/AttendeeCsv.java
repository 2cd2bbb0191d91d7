package eventdesk.attendee;

import eventdesk.registration.AnswerColumn;
import eventdesk.registration.Answers;
import eventdesk.web.CsvCells;
import eventdesk.web.Kst;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The attendee export as CSV: RFC 4180 in UTF-8 with a byte order mark, so Excel on Korean Windows shows
 * Hangul, and a header row; rows in the order {@link ExportRows} reads them, written as they come. The
 * columns: id, status, name, email, affiliation, role, language, registered, confirmed and checked-in
 * times (KST, ISO 8601), waitlist position; then the ticket type's key, a draw's reference code and draw
 * rank; then one column per custom question the event ever asked (removed ones too, so no answer is
 * lost). A cell that a spreadsheet would run as a formula is defused ({@link #cell}). A registration
 * whose data was erased has empty name, email, affiliation and answer cells.
 */
@ApplicationScoped
public class AttendeeCsv {

    /** The fixed columns, before one per custom question. */
    public static final List<String> HEADER = List.of("id", "status", "name", "email", "affiliation", "role", "language",
            "registered_at", "confirmed_at", "checked_in_at", "waitlist_position", "ticket_type", "reference", "draw_rank");

    @Inject
    ExportRows rows;

    /**
     * @param filter   which registrations
     * @param typeKeys the event's ticket type ids to their keys (empty for an event without types)
     */
    public void write(long eventId, ExportRows.Filter filter, Map<Long, String> typeKeys,
                      List<AnswerColumn> questions, OutputStream out)
            throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write('\uFEFF');
        List<String> header = new ArrayList<>(HEADER);
        questions.forEach(q -> header.add(cell(q.header())));
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
        rows.read(eventId, filter, r -> row(csv, r, typeKeys.getOrDefault(r.typeId(), ""), questions));
        csv.flush();
    }

    private static void row(CSVPrinter csv, ExportRows.Row r, String type, List<AnswerColumn> questions) throws IOException {
        List<Object> cells = new ArrayList<>(List.of(r.id(), r.status(), cell(r.name()), cell(r.email()), cell(r.affiliation()),
                r.role(), r.locale(), Kst.iso(r.registeredAt()), Kst.iso(r.confirmedAt()), Kst.iso(r.checkedInAt()),
                r.waitlistPosition() == null ? "" : r.waitlistPosition(), type, r.reference(),
                r.drawRank() == null ? "" : r.drawRank()));
        if (!questions.isEmpty()) {
            Map<String, Object> answers = r.answers();
            for (AnswerColumn q : questions) cells.add(cell(q.answerIn(answers)));
        }
        csv.printRecord(cells);
    }

    /** A text cell as every export writes it: {@link CsvCells#defused}. */
    static String cell(String value) {
        return CsvCells.defused(value);
    }
}
