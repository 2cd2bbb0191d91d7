package eventdesk.audit;

import eventdesk.web.EventdeskConfig;
import eventdesk.web.ShuttingDown;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.Set;
import java.util.EnumSet;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The access log: who looked at or changed what, append-only and tamper-evident. Each entry's hash
 * covers the previous entry's hash and its own content, so changing, removing or reordering any kept
 * entry breaks the chain from there on, and {@link #verify} names the first entry that does not fit.
 * Appends lock the one head row, so entries get gapless ids in chain order however many threads and
 * instances record at once. No route edits or deletes entries; only the nightly {@link #purge} deletes
 * the oldest, after {@code eventdesk.audit.retention}, keeping the last deleted entry's hash as the
 * anchor the kept ones verify from.
 */
@ApplicationScoped
public class AccessLog {

    /** Entries read per query while verifying. */
    static final int PAGE = 500;
    /** The most registrations one entry names by id (each id has at most 19 digits and a comma: they fit the column). */
    public static final int MAX_REGISTRATIONS = 1000;

    @Inject
    Clock clock;
    @Inject
    EventdeskConfig config;

    /**
     * What one entry says: who ({@code account}: an email, or {@code token:<id>}), from which client
     * address, did what, to which event, to which registrations (ids), or to how many rows by which filter,
     * and why.
     */
    public record Entry(String account, String address, AccessAction action, String event, List<Long> registrations,
                        String filter, Integer count, String reason) {

        public static Entry of(String account, String address, AccessAction action) {
            return new Entry(account, address, action, null, List.of(), null, null, null);
        }

        public Entry forEvent(String slug) {
            return new Entry(account, address, action, slug, registrations, filter, count, reason);
        }

        /**
         * The registrations acted on, by id; more than {@link #MAX_REGISTRATIONS} are named by their number
         * only (in {@code count}).
         */
        public Entry withRegistrations(List<Long> ids) {
            if (ids.size() > MAX_REGISTRATIONS) {
                return new Entry(account, address, action, event, List.of(), filter, ids.size(), reason);
            }
            return new Entry(account, address, action, event, List.copyOf(ids), filter, count, reason);
        }

        public Entry withFilter(String filter, int count) {
            return new Entry(account, address, action, event, registrations, filter, count, reason);
        }

        public Entry withCount(int count) {
            return new Entry(account, address, action, event, registrations, filter, count, reason);
        }

        public Entry because(String reason) {
            return new Entry(account, address, action, event, registrations, filter, count, reason);
        }
    }

    /** The outcome of a walk along the chain: {@code brokenAt} is the id of the first entry that does not fit. */
    public record Verification(boolean ok, long entries, Long brokenAt) {
    }

    /**
     * Appends one entry in a transaction of its own (it is kept whatever becomes of the caller's), after
     * the entry before it; returns its id.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long record(Entry entry) {
        return append(entry);
    }

    /**
     * Appends one entry in the caller's transaction, the one that makes the change the entry describes:
     * the entry is kept exactly when the change commits, and a refused or rolled-back change leaves none.
     * The change's own writes are flushed first, so the head row is the last lock the transaction takes
     * (held until its commit, which then only adds this entry): call it last, once the change is made.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long recordWithChange(Entry entry) {
        AccessLogEntry.getEntityManager().flush();
        return append(entry);
    }

    private long append(Entry entry) {
        AccessLogHead head = AccessLogHead.locked();
        AccessLogEntry e = new AccessLogEntry();
        e.id = head.lastId + 1;
        e.atMs = Instant.now(clock).toEpochMilli();
        e.account = cut(entry.account(), 254);
        e.address = cut(entry.address(), 64);
        e.action = entry.action();
        e.eventSlug = cut(entry.event(), 64);
        e.registrationIds = AccessLogEntry.joined(entry.registrations());
        e.filter = cut(entry.filter(), 1000);
        e.rowCount = entry.count();
        e.reason = cut(entry.reason(), 1000);
        e.hash = e.hashAfter(head.lastHash);
        e.persist();
        head.lastId = e.id;
        head.lastHash = e.hash;
        return e.id;
    }

    /**
     * Walks the kept chain from the anchor to the head. A purge that ran during the walk (the anchor
     * moved) makes it walk again.
     */
    public Verification verify() {
        Walk walk = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            walk = QuarkusTransaction.requiringNew().call(this::walk);
            if (walk.result().ok()) break;
            long anchorNow = QuarkusTransaction.requiringNew().call(() -> AccessLogHead.read().anchorId);
            if (anchorNow == walk.anchorId()) break;
        }
        return walk.result();
    }

    private record Walk(Verification result, long anchorId) {
    }

    private Walk walk() {
        AccessLogHead head = AccessLogHead.read();
        long entries = head.lastId - head.anchorId;
        String expected = head.anchorHash;
        long next = head.anchorId + 1;
        while (next <= head.lastId) {
            List<AccessLogEntry> page = AccessLogEntry.<AccessLogEntry>find("id >= ?1 and id <= ?2 order by id", next, head.lastId)
                    .page(0, PAGE).list();
            if (page.isEmpty()) return broken(head, entries, next);
            for (AccessLogEntry e : page) {
                if (e.id != next) return broken(head, entries, next);
                if (!e.hash.equals(e.hashAfter(expected))) return broken(head, entries, e.id);
                expected = e.hash;
                next++;
            }
            AccessLogEntry.getEntityManager().clear();
        }
        if (!expected.equals(head.lastHash)) return broken(head, entries, head.lastId);
        return new Walk(new Verification(true, entries, null), head.anchorId);
    }

    private static Walk broken(AccessLogHead head, long entries, long at) {
        return new Walk(new Verification(false, entries, at), head.anchorId);
    }

    /**
     * Deletes the entries older than the retention period (the oldest part of the chain, up to the last
     * entry recorded before the cut-off) and keeps the last deleted entry's id and hash as the anchor.
     * Runs every night; all instances may run it, the head lock puts them one after another.
     */
    @Scheduled(cron = "0 45 3 * * ?", timeZone = "Asia/Seoul", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ShuttingDown.class)
    void nightlyPurge() {
        long deleted = purge();
        if (deleted > 0) Log.infof("Deleted %d access log entries older than %s", deleted, config.audit().retention());
    }

    /**
     * See {@link #nightlyPurge}; returns how many entries were deleted. A record of a grant, a change or a
     * revocation of access (an invitation, a role change, a disabled account, a token made or revoked) is kept
     * at least {@link #GRANTS_KEPT}, whatever the retention: the purge stops before the oldest such entry still
     * that young, so that the chain stays whole (the entries after it wait for it).
     */
    @Transactional
    public long purge() {
        Instant now = Instant.now(clock);
        long cutOff = now.atZone(ZoneOffset.UTC).minus(config.audit().retention()).toInstant().toEpochMilli();
        long grantsCutOff = Math.min(cutOff, now.atZone(ZoneOffset.UTC).minus(GRANTS_KEPT).toInstant().toEpochMilli());
        AccessLogHead head = AccessLogHead.locked();
        AccessLogEntry keptGrant = AccessLogEntry.<AccessLogEntry>find("id > ?1 and action in ?2 and atMs >= ?3 order by id",
                head.anchorId, GRANTS, grantsCutOff).firstResult();
        long before = keptGrant == null ? Long.MAX_VALUE : keptGrant.id;
        AccessLogEntry last = AccessLogEntry.<AccessLogEntry>find("id > ?1 and id < ?2 and atMs < ?3 order by id desc",
                head.anchorId, before, cutOff).firstResult();
        if (last == null) return 0;
        head.anchorId = last.id;
        head.anchorHash = last.hash;
        return AccessLogEntry.delete("id <= ?1", last.id);
    }

    /** The actions that grant, change or revoke access, and how long their record is kept at least. */
    static final Set<AccessAction> GRANTS = EnumSet.of(AccessAction.MEMBER_INVITED, AccessAction.MEMBER_CHANGED,
            AccessAction.MEMBER_DISABLED, AccessAction.TOKEN_CREATED, AccessAction.TOKEN_REVOKED);
    static final Period GRANTS_KEPT = Period.ofYears(3);

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
