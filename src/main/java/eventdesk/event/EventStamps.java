package eventdesk.event;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What the caches of public answers ({@code web.RenderCache}) compare on every request: one plain query,
 * without a transaction or a Hibernate session. An event's stamp is its row's {@link Event#revision} and
 * seat counters (read by the unique slug index); the stamp of all events sums them over the table (a
 * handful of rows), with the number of events. The revision moves on with every change to what the public
 * sees; the counters are compared too, so even a seat taken by a plain SQL write shows at once.
 */
@ApplicationScoped
public class EventStamps {

    /** One event as of its last change; for the whole table, sums over every event. */
    public record Stamp(long events, long revision, long seatsTaken, long waitlisted, long applied) {
    }

    @Inject
    AgroalDataSource dataSource;

    /** The stamp of a public event; empty for an unknown slug and for a draft (drafts are not public). */
    public Optional<Stamp> of(String slug) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select revision, seats_taken, waitlisted, applied, status from event where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || EventStatus.draft.name().equals(r.getString(5))) return Optional.empty();
                return Optional.of(new Stamp(1, r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the event's revision failed", e);
        }
    }

    /** The stamp of every event at once (drafts too: publishing one changes its revision). */
    public Stamp all() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(*), coalesce(sum(revision), 0), "
                     + "coalesce(sum(seats_taken), 0), coalesce(sum(waitlisted), 0), coalesce(sum(applied), 0) from event");
             ResultSet r = s.executeQuery()) {
            r.next();
            return new Stamp(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the events' revisions failed", e);
        }
    }
}
