package eventdesk.attendee;

import eventdesk.event.Event;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.quarkus.test.common.http.TestHTTPResource;

import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export streams: 30,000 registrations download completely while the heap grows far less
 * than they would take as objects (about 1 KB each with their persistence-context bookkeeping: some 30 MB).
 * The benchmark times the export of 100,000. The peak is the live heap (used right after a full collection)
 * measured when the answer starts and at every tenth of the rows read, so each sample falls while
 * the server is in the middle of writing. Collecting on a timer instead (every 100 ms) left the server
 * no time to run between collections: the download crawled for many minutes over HTTP/1.1 and HTTP/2 alike.
 * The rows and the event are deleted afterwards, so later tests in the same database never see them.
 */
@QuarkusTest
class AttendeeExportMemoryTest {

    static final int ROWS = 30_000;
    static final int SAMPLE_EVERY = ROWS / 10;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    Event event;

    @AfterEach
    void deleteTheRows() throws Exception {
        if (event == null) return;
        try (Connection c = dataSource.getConnection();
             PreparedStatement rows = c.prepareStatement("delete from registration where event_id = ?");
             PreparedStatement ev = c.prepareStatement("delete from event where id = ?")) {
            rows.setLong(1, event.id);
            rows.executeUpdate();
            ev.setLong(1, event.id);
            ev.executeUpdate();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void exportsThirtyThousandRegistrationsWithBoundedMemory() throws Exception {
        event = TestEvents.create(ROWS, true);
        insert(event.id);
        long before = liveHeap();
        long start = System.nanoTime();
        long lines = 0;
        long bytes = 0;
        // HTTP/1.1, as a browser or a proxy speaks to eventdesk over plain http (HTTP/2 cleartext only from tools).
        HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        base.toURI().resolve("admin/events/" + event.slug + "/attendees.csv?reason=memory%20test"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes())).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        long peak = Math.max(before, liveHeap());
        long nextSample = SAMPLE_EVERY;
        try (InputStream in = response.body()) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                bytes += n;
                for (int i = 0; i < n; i++) if (buf[i] == '\n') lines++;
                if (lines >= nextSample) {
                    peak = Math.max(peak, liveHeap());
                    nextSample += SAMPLE_EVERY;
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long peakGrowth = peak - before;
        System.out.printf("export of %d rows: %d ms, %d MB of CSV, peak live heap growth %d MB%n", ROWS, ms, bytes >> 20,
                peakGrowth >> 20);
        assertThat(lines).isEqualTo(ROWS + 1);
        // The CSV alone is 4 MB (twice that as Java strings) and the rows as objects several times that; a
        // streamed export keeps at most a batch of rows alive (1 to 3 MB measured).
        assertThat(peakGrowth).as("peak live heap growth in bytes").isLessThan(16L << 20);
    }

    private void insert(long eventId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into registration (id, event_id, status, name, email,"
                    + " email_normalized, active_email, affiliation, role, locale, consent_at, marketing_consent, created_at,"
                    + " confirmed_at) values (?, ?, 'CONFIRMED', ?, ?, ?, ?, '토스 Seoul', 'DEVELOPER', 'ko', ?, false, ?, ?)")) {
                Timestamp now = Timestamp.from(TestClock.now());
                for (int i = 0; i < ROWS; i++) {
                    String email = "bulk" + i + "@example.com";
                    ps.setLong(1, 10_000_000L + eventId * 1_000_000L + i);
                    ps.setLong(2, eventId);
                    ps.setString(3, "참가자 " + i);
                    ps.setString(4, email);
                    ps.setString(5, email);
                    ps.setString(6, email);
                    ps.setTimestamp(7, now);
                    ps.setTimestamp(8, now);
                    ps.setTimestamp(9, now);
                    ps.addBatch();
                    if (i % 5000 == 4999) ps.executeBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /** Heap in use right after a full collection: what is really kept alive. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
