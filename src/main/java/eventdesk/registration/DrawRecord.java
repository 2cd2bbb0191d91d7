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
 * A draw as anyone may check it: the commitment (SHA-256 of the secret seed, public from the start),
 * and once drawn the seed and every drawn reference code in draw order with its HMAC, each marked
 * with what the draw gave it: a seat, or a place on the reserve list. {@code seats} counts the seats
 * the draw gave. With ticket types each type is its own pool, so the seated are not always the first
 * ranks. It carries no personal data. Before the draw it has the commitment only.
 */
public record DrawRecord(String commitment, String seed, int seats, List<Row> rows) {

    /**
     * One drawn application: its rank, reference code, {@code HMAC-SHA256(seed, reference)} and
     * whether the draw gave it a seat (else it joined the reserve list).
     */
    public record Row(int rank, String reference, String hmac, boolean seat) {
    }

    public static DrawRecord of(Event event) {
        if (event.drawnAt == null) return new DrawRecord(event.drawCommitment, null, 0, List.of());
        List<Row> rows = Registration.drawOrder(event).stream()
                .map(r -> new Row(r.drawRank, r.reference, Draw.score(event.drawSeed, r.reference), r.waitlistSeq == null))
                .toList();
        return new DrawRecord(event.drawCommitment, event.drawSeed, (int) rows.stream().filter(Row::seat).count(), rows);
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
