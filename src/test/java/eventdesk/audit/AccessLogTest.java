package eventdesk.audit;

import eventdesk.testing.RestoresTestClock;
import eventdesk.testing.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log's chain: it verifies as written, names the first entry changed or removed behind its
 * back, stays one unbroken chain when many threads record at once, and still verifies after the
 * oldest part is purged.
 */
@QuarkusTest
class AccessLogTest extends RestoresTestClock {

    @Inject
    AccessLog log;
    @Inject
    EntityManager em;

    static AccessLog.Entry entry(String who, int n) {
        return AccessLog.Entry.of(who, "192.0.2." + (n % 250), AccessAction.VIEW_ATTENDEES).forEvent("chain-test")
                .withRegistrations(List.of((long) n, n + 1L)).because("test " + n);
    }

    @Test
    void theChainVerifiesAndEachHashCoversThePreviousOne() {
        long first = log.record(entry("chain@example.com", 1));
        long second = log.record(AccessLog.Entry.of("chain@example.com", "192.0.2.1", AccessAction.EXPORT)
                .forEvent("chain-test").withFilter("status=CONFIRMED", 120).because("name tags"));
        assertThat(second).isEqualTo(first + 1);
        AccessLog.Verification v = log.verify();
        assertThat(v.ok()).isTrue();
        assertThat(v.brokenAt()).isNull();
        assertThat(v.entries()).isPositive();

        List<AccessLogEntry> two = QuarkusTransaction.requiringNew().call(() ->
                AccessLogEntry.<AccessLogEntry>list("id in ?1 order by id", List.of(first, second)));
        assertThat(two.get(1).hash).isEqualTo(two.get(1).hashAfter(two.get(0).hash)).hasSize(64);
        assertThat(two.get(0).registrations()).containsExactly(1L, 2L);
        assertThat(two.get(1).rowCount).isEqualTo(120);
        assertThat(two.get(1).filter).isEqualTo("status=CONFIRMED");
        assertThat(two.get(1).at()).isCloseTo(TestClock.now(), org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void anEntryChangedByHandIsNamed() {
        long id = log.record(entry("tamper@example.com", 7));
        log.record(entry("tamper@example.com", 8));
        try {
            sql("update access_log_entry set reason = 'nothing to see' where id = " + id);
            AccessLog.Verification v = log.verify();
            assertThat(v.ok()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(id);
        } finally {
            sql("update access_log_entry set reason = 'test 7' where id = " + id);
        }
        assertThat(log.verify().ok()).as("put back").isTrue();

        sql("update access_log_entry set registration_ids = '7' where id = " + id);
        try {
            assertThat(log.verify().brokenAt()).as("a registration taken out of the entry").isEqualTo(id);
        } finally {
            sql("update access_log_entry set registration_ids = '7,8' where id = " + id);
        }
    }

    @Test
    void aRemovedEntryIsNamed() {
        long id = log.record(entry("remove@example.com", 11));
        log.record(entry("remove@example.com", 12));
        AccessLogEntry kept = QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.<AccessLogEntry>findById(id));
        sql("delete from access_log_entry where id = " + id);
        try {
            AccessLog.Verification v = log.verify();
            assertThat(v.ok()).isFalse();
            assertThat(v.brokenAt()).isEqualTo(id);
        } finally {
            sql("insert into access_log_entry (id, at_ms, account, address, action, event_slug, registration_ids, filter, row_count, reason, hash)"
                    + " values (" + kept.id + ", " + kept.atMs + ", '" + kept.account + "', '" + kept.address + "', '" + kept.action
                    + "', '" + kept.eventSlug + "', '" + kept.registrationIds + "', null, null, '" + kept.reason + "', '" + kept.hash + "')");
        }
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void manyThreadsRecordingAtOnceMakeOneUnbrokenChain() throws Exception {
        int threads = 8, each = 25;
        long before = QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.count());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) ids.add(log.record(entry("thread-" + thread + "@example.com", i)));
                    return ids;
                }));
            }
            go.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<List<Long>> f : done) ids.addAll(f.get());
            assertThat(ids).doesNotHaveDuplicates().hasSize(threads * each);
            long min = ids.stream().mapToLong(Long::longValue).min().orElseThrow();
            assertThat(ids.stream().mapToLong(Long::longValue).max().orElseThrow() - min).as("gapless")
                    .isEqualTo(threads * each - 1L);
        } finally {
            pool.shutdownNow();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.count())).isEqualTo(before + threads * each);
        AccessLog.Verification v = log.verify();
        assertThat(v.ok()).as("verification " + v).isTrue();
    }

    @Test
    void afterThePurgeOfItsOldestPartTheChainStillVerifies() {
        log.record(entry("old@example.com", 1));
        long lastOld = log.record(entry("old@example.com", 2));
        String lastOldHash = QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.<AccessLogEntry>findById(lastOld).hash);

        // Past the retention, and past the three years a grant's record is kept (other tests record grants).
        TestClock.get().advance(Duration.ofDays(3 * 366 + 1));
        long kept = log.record(entry("new@example.com", 3));
        log.record(entry("new@example.com", 4));
        long deleted = log.purge();

        assertThat(deleted).isPositive();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.count("id <= ?1", lastOld))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.count("id >= ?1", kept))).isEqualTo(2);
        AccessLogHead head = QuarkusTransaction.requiringNew().call(AccessLogHead::read);
        assertThat(head.anchorId).isEqualTo(lastOld);
        assertThat(head.anchorHash).isEqualTo(lastOldHash);
        AccessLog.Verification v = log.verify();
        assertThat(v.ok()).isTrue();
        assertThat(v.entries()).isEqualTo(head.lastId - lastOld);
        assertThat(log.purge()).as("nothing more is old enough").isZero();

        long next = log.record(entry("new@example.com", 5));
        assertThat(next).isEqualTo(head.lastId + 1);
        assertThat(log.verify().ok()).isTrue();
    }

    @Test
    void aGrantOfAccessIsKeptThreeYearsWhateverTheRetention() {
        log.record(entry("before-grant@example.com", 1));
        long grant = log.record(AccessLog.Entry.of("owner@example.com", "192.0.2.7", AccessAction.MEMBER_CHANGED)
                .because("door@example.com: role DOOR, events [founders-day]"));
        long after = log.record(entry("after-grant@example.com", 2));
        TestClock.get().advance(Duration.ofDays(2 * 366)); // past the two years' retention
        log.purge();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.count("id >= ?1 and id <= ?2", grant, after)))
                .as("the grant and what was recorded after it").isEqualTo(2);
        assertThat(log.verify().ok()).as("the chain after a purge that stopped at the grant").isTrue();

        TestClock.get().advance(Duration.ofDays(366 + 1)); // three years after the grant
        log.purge();
        assertThat(QuarkusTransaction.requiringNew().call(() -> AccessLogEntry.count("id <= ?1", after))).isZero();
        assertThat(log.verify().ok()).isTrue();
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
