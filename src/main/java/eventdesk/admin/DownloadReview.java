package eventdesk.admin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.YearMonth;

/** A month whose review of downloads was mailed to the owners: its key ({@code 2026-11}) is written once. */
@Entity
public class DownloadReview extends PanacheEntityBase {

    @Id
    public String reviewMonth;
    public Instant sentAt;
    public int recipients;

    static boolean sent(YearMonth month) {
        return findById(month.toString()) != null;
    }

    /** Marks the month sent, at once in the database: a second instance marking it too fails on the key. */
    static void mark(YearMonth month, Instant at, int recipients) {
        DownloadReview r = new DownloadReview();
        r.reviewMonth = month.toString();
        r.sentAt = at;
        r.recipients = recipients;
        r.persistAndFlush();
    }
}
