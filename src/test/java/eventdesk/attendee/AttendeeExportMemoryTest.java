package eventdesk.attendee;

import eventdesk.event.Event;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.testing.TestQuestions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exports stream: an event of 100,000 registrations (inserted once for both formats by INSERT …
 * SELECT, deleted afterwards so later tests in the same database never see them) downloads completely as
 * CSV and as Excel while the heap grows far less than the rows would take as objects (about 1 KB each with
 * their persistence-context bookkeeping: some 100 MB). The peak is the live heap (used right after a full
 * collection, which takes about half a second here with the rows in the in-memory database). The CSV is
 * sampled when the answer starts and at every fifth of the lines received, so each sample falls while the
 * server is in the middle of writing. The workbook only goes out once every row is written (to a temporary
 * file), so it is sampled from a thread of its own while the server works; after each collection that thread
 * waits four times as long as the collection took (at least a second), so collecting never takes more than a
 * fifth of the time. Collecting every 100 ms regardless left the server no time to run between collections:
 * the download crawled for many minutes. Once the workbook is out, its temporary files are gone and the
 * heap is back where it was.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendeeExportMemoryTest {

    static final int ROWS = 100_000;
    static final int SAMPLE_EVERY = ROWS / 5;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    Event event;

    /** Once for the class (before the first test, when the application answers HTTP). */
    @BeforeEach
    void insertTheRows() throws Exception {
        if (event != null) return;
        event = TestEvents.create(ROWS, true);
        TestQuestions.set(event, """
                [{"key":"company","type":"TEXT","label":"Company","labelKo":"회사","required":false}]""");
        long start = System.nanoTime();
        insert(event.id);
        System.out.printf("inserted %d rows in %d ms%n", ROWS, (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    void deleteTheRows() throws Exception {
        if (event == null) return;
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("delete from registration where event_id = ? and id between ? and ?")) {
                ps.setLong(1, event.id);
                for (long from = firstId(event.id) + 1; from <= firstId(event.id) + ROWS; from += CHUNK) {
                    ps.setLong(2, from);
                    ps.setLong(3, from + CHUNK - 1);
                    ps.executeUpdate();
                }
            }
            for (String table : new String[]{"registration", "question"}) {
                try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where event_id = ?")) {
                    ps.setLong(1, event.id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("delete from event where id = ?")) {
                ps.setLong(1, event.id);
                ps.executeUpdate();
            }
        }
        System.out.printf("deleted %d rows in %d ms%n", ROWS, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void exportsOneHundredThousandRegistrationsAsCsvWithBoundedMemory() throws Exception {
        long before = liveHeap();
        long start = System.nanoTime();
        long lines = 0;
        long bytes = 0;
        HttpResponse<InputStream> response = get("csv");
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
        System.out.printf("CSV export of %d rows: %d ms, %d MB of CSV, peak live heap growth %d MB%n", ROWS, ms, bytes >> 20,
                peakGrowth >> 20);
        assertThat(lines).isEqualTo(ROWS + 1);
        // The CSV alone is 14 MB (twice that as Java strings) and the rows as objects several times that; a
        // streamed export keeps at most a batch of rows alive (1 to 3 MB measured).
        assertThat(peakGrowth).as("peak live heap growth in bytes").isLessThan(16L << 20);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void exportsOneHundredThousandRegistrationsAsExcelWithBoundedMemory() throws Exception {
        Set<String> tempFiles = poiTempFiles();
        long before = liveHeap();
        long start = System.nanoTime();
        long rows;
        long bytes;
        long peak;
        int samples;
        try (HeapSampler sampler = new HeapSampler(before)) {
            HttpResponse<InputStream> response = get("xlsx");
            assertThat(response.statusCode()).isEqualTo(200);
            try (CountingStream in = new CountingStream(response.body())) {
                rows = rowsOfFirstSheet(in);
                in.transferTo(OutputStream.nullOutputStream());
                bytes = in.count;
            }
            peak = sampler.peak();
            samples = sampler.samples();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long peakGrowth = peak - before;
        System.out.printf("Excel export of %d rows: %d ms, %d MB of xlsx, peak live heap growth %d MB (%d samples)%n", ROWS, ms,
                bytes >> 20, peakGrowth >> 20, samples);
        assertThat(rows).as("header and data rows").isEqualTo(ROWS + 1);
        // The workbook as objects (POI's XSSFWorkbook) would take hundreds of MB; the streaming workbook keeps
        // its last 100 rows and writes the rest to a temporary file.
        assertThat(peakGrowth).as("peak live heap growth in bytes").isLessThan(64L << 20);
        // The server deletes them when it closes the workbook, just after the last byte went out; then nothing of it stays.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(poiTempFiles()).as("temporary files of the workbook left behind").isSubsetOf(tempFiles));
        assertThat(liveHeap() - before).as("live heap growth after the download").isLessThan(16L << 20);
    }

    /** The streaming workbook's temporary files (POI keeps them in {@code poifiles} under the JVM's temporary directory). */
    private static Set<String> poiTempFiles() {
        String[] names = new File(System.getProperty("java.io.tmpdir"), "poifiles").list((dir, name) -> name.startsWith("poi-sxssf"));
        return names == null ? Set.of() : Set.of(names);
    }

    private HttpResponse<InputStream> get(String format) throws IOException, InterruptedException, URISyntaxException {
        // HTTP/1.1, as a browser or a proxy speaks to eventdesk over plain http (HTTP/2 cleartext only from tools).
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        base.toURI().resolve("admin/events/" + event.slug + "/attendees." + format + "?reason=memory%20test"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .header("Accept-Language", "ko").build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The rows ({@code <row} elements) of the workbook's first sheet, read as a stream: nothing is kept. */
    private static long rowsOfFirstSheet(InputStream xlsx) throws IOException {
        ZipArchiveInputStream zip = new ZipArchiveInputStream(xlsx);
        byte[] pattern = "<row ".getBytes(StandardCharsets.US_ASCII);
        for (ZipArchiveEntry entry; (entry = zip.getNextEntry()) != null; ) {
            if (!entry.getName().equals("xl/worksheets/sheet1.xml")) continue;
            long found = 0;
            int matched = 0;
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = zip.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    matched = buf[i] == pattern[matched] ? matched + 1 : buf[i] == pattern[0] ? 1 : 0;
                    if (matched == pattern.length) {
                        found++;
                        matched = 0;
                    }
                }
            }
            return found;
        }
        throw new AssertionError("no first sheet in the workbook");
    }

    /** Rows per INSERT … SELECT and per DELETE, each its own transaction (one of all 100,000 rows took a sixth longer). */
    static final int CHUNK = 10_000;

    /** INSERT … SELECT over H2's SYSTEM_RANGE: the database makes the rows itself, without a round trip per row. */
    private void insert(long eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into registration (id, event_id, status, name, email,"
                     + " email_normalized, active_email, affiliation, role, locale, consent_at, marketing_consent, created_at,"
                     + " confirmed_at, answers) select ? + x, ?, 'CONFIRMED', '참가자 ' || x, 'bulk' || x || '@example.com',"
                     + " 'bulk' || x || '@example.com', 'bulk' || x || '@example.com', '토스 Seoul', 'DEVELOPER', 'ko', ?, false, ?, ?,"
                     + " '{\"company\":\"회사 ' || x || '\"}' from system_range(?, ?)")) {
            Timestamp now = Timestamp.from(TestClock.now());
            ps.setLong(1, firstId(eventId));
            ps.setLong(2, eventId);
            ps.setTimestamp(3, now);
            ps.setTimestamp(4, now);
            ps.setTimestamp(5, now);
            int inserted = 0;
            for (int from = 1; from <= ROWS; from += CHUNK) {
                ps.setInt(6, from);
                ps.setInt(7, Math.min(ROWS, from + CHUNK - 1));
                inserted += ps.executeUpdate();
            }
            assertThat(inserted).isEqualTo(ROWS);
        }
    }

    /** The id of the row before this event's bulk rows (they take the next {@link #ROWS} ids). */
    private static long firstId(long eventId) {
        return 10_000_000L + eventId * 1_000_000L;
    }

    /**
     * Heap in use right after a full collection: what is really kept alive. Read from the heap pools' usage
     * as the collection left them, not from the heap's usage a moment later: the server allocates while the
     * collection returns, and under load that read up to 250 MB more than the live objects (a class
     * histogram taken then showed the same objects as before the export).
     */
    static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getCollectionUsage).filter(Objects::nonNull).mapToLong(MemoryUsage::getUsed).sum();
    }

    /** Samples {@link #liveHeap} on a thread of its own, pausing four times as long as each collection took (at least a second). */
    static final class HeapSampler implements AutoCloseable {
        private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong peak;
        private volatile int samples;

        HeapSampler(long start) {
            peak = new AtomicLong(start);
            thread.execute(this::sample);
        }

        private void sample() {
            long start = System.nanoTime();
            peak.accumulateAndGet(liveHeap(), Math::max);
            samples++;
            long took = (System.nanoTime() - start) / 1_000_000;
            try {
                thread.schedule(this::sample, Math.max(1000, 4 * took), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                // the download is done
            }
        }

        long peak() {
            return peak.get();
        }

        int samples() {
            return samples;
        }

        @Override
        public void close() throws InterruptedException {
            thread.shutdownNow();
            thread.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** Counts the bytes read through it. */
    static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
