package eventdesk.admin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * An organizer's form-login session, as every instance sees it. It is alive while it has not ended,
 * was used within the idle timeout, and began less than {@link #ABSOLUTE} ago; its account must be
 * ACTIVE too ({@link OrganizerSession}). {@code lastSeenAt} moves at most once per {@link #SEEN_EVERY}.
 */
@Entity
@Table(name = "organizer_session")
public class SessionRecord extends PanacheEntityBase {

    /** A session ends this long after sign-in, however busy. */
    static final Duration ABSOLUTE = Duration.ofHours(12);
    static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    @Id
    public String sessionId;
    public long accountId;
    public Instant startedAt;
    public Instant lastSeenAt;
    public Instant endedAt;

    static SessionRecord start(String sessionId, long accountId, Instant now) {
        SessionRecord s = new SessionRecord();
        s.sessionId = sessionId;
        s.accountId = accountId;
        s.startedAt = now;
        s.lastSeenAt = now;
        s.persist();
        return s;
    }

    boolean aliveAt(Instant now, Duration idleTimeout) {
        return endedAt == null && now.isBefore(lastSeenAt.plus(idleTimeout)) && now.isBefore(startedAt.plus(ABSOLUTE));
    }

    /** Notes a use at {@code now}, unless one was noted less than {@link #SEEN_EVERY} ago. */
    static void seen(String sessionId, Instant now) {
        update("lastSeenAt = ?1 where sessionId = ?2 and lastSeenAt < ?3", now, sessionId, now.minus(SEEN_EVERY));
    }

    static void end(String sessionId, Instant now) {
        update("endedAt = ?1 where sessionId = ?2 and endedAt is null", now, sessionId);
    }

    /** Ends every session of the account (it was disabled, or its access changed). */
    public static void endAll(long accountId, Instant now) {
        update("endedAt = ?1 where accountId = ?2 and endedAt is null", now, accountId);
    }

    /** Deletes sessions past their absolute end: without a row a cookie is refused anyway. */
    static long forgetOld(Instant now) {
        return delete("startedAt < ?1", now.minus(ABSOLUTE).minus(SEEN_EVERY));
    }
}
