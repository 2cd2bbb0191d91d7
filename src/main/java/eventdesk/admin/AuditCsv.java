package eventdesk.admin;

import eventdesk.audit.AccessLogEntry;
import eventdesk.audit.AccessLogFilter;
import eventdesk.web.CsvCells;
import eventdesk.web.Kst;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * The access log as CSV, as the attendee export writes it: RFC 4180, UTF-8 with a byte order mark (so
 * Excel on Korean Windows shows Hangul), a header row, text cells a spreadsheet would run as a formula
 * defused ({@link CsvCells}). Newest entry first, times in KST (ISO 8601); read in batches, each in a
 * transaction of its own, so memory does not grow with the log.
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("id", "at", "account", "address", "action", "event", "registrations", "filter",
            "count", "reason", "hash");
    static final int BATCH = 1000;

    private AuditCsv() {
    }

    /** Writes the entries {@code filter} selects; {@code written} hears how many rows were written, also when writing fails. */
    static void write(AccessLogFilter filter, OutputStream out, LongConsumer written) throws IOException {
        long rows = 0;
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get());
            Long before = null;
            List<AccessLogEntry> batch;
            do {
                Long after = before;
                batch = QuarkusTransaction.requiringNew().call(() -> filter.batchBefore(after, BATCH));
                for (AccessLogEntry e : batch) {
                    csv.printRecord(e.id, Kst.iso(e.at()), cell(e.account), cell(e.address), e.action.name(), cell(e.eventSlug),
                            e.registrations().stream().map(String::valueOf).collect(Collectors.joining(" ")), cell(e.filter),
                            e.rowCount == null ? "" : e.rowCount, cell(e.reason), e.hash);
                    before = e.id;
                    rows++;
                }
                csv.flush();
            } while (batch.size() == BATCH);
        } finally {
            written.accept(rows);
        }
    }

    static String filename(Instant now) {
        return "access-log-" + now.atZone(Kst.ZONE).toLocalDate() + ".csv";
    }

    private static String cell(String value) {
        return value == null ? "" : CsvCells.defused(value);
    }
}
