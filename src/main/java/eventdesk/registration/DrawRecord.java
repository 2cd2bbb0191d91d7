package eventdesk.registration;

import eventdesk.event.Draw;
import eventdesk.event.Event;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * A draw as anyone may check it (SPEC §2a): the commitment, and once drawn the seed and every drawn
 * reference code in draw order with its HMAC, the first {@code seats} of which were offered seats.
 * It carries no personal data. Before the draw it has the commitment only.
 */
public record DrawRecord(String commitment, String seed, int seats, List<Row> rows) {

    /** One drawn application: its rank, reference code and {@code HMAC-SHA256(seed, reference)}. */
    public record Row(int rank, String reference, String hmac) {
    }

    public static DrawRecord of(Event event) {
        if (event.drawnAt == null) return new DrawRecord(event.drawCommitment, null, 0, List.of());
        List<Registration> drawn = Registration.drawOrder(event);
        int seats = (int) drawn.stream().filter(r -> r.waitlistSeq == null).count();
        return new DrawRecord(event.drawCommitment, event.drawSeed, seats, drawn.stream()
                .map(r -> new Row(r.drawRank, r.reference, Draw.score(event.drawSeed, r.reference))).toList());
    }

    public boolean drawn() {
        return seed != null;
    }

    /** The record as CSV ({@code rank,reference,hmac_sha256}, LF line ends for shell tools), the file the recipe in docs/organizers.md checks. */
    public void writeCsv(Writer out) {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                .setHeader("rank", "reference", "hmac_sha256").get())) {
            for (Row row : rows) csv.printRecord(row.rank, row.reference, row.hmac);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
