package eventdesk.web;

import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Public answers rendered once and served to every visitor until what they show changes. Each request
 * asks the database for the stamp of what its answer shows (one indexed query, never a cache of its own:
 * an event row's revision and seat counters, or the same summed over the table) and gets the kept answer
 * only when that answer was rendered for the same stamp and the clock is still between the two instants
 * at which the answer changes by time alone (registration opens or closes, the event ends…). Otherwise
 * it renders the answer again, while requests for the same key wait for it instead of rendering too.
 *
 * <p>Exact across instances: any instance's change commits a new stamp, and the next request on any
 * instance reads it. The renderer reads its data after the stamp it renders for, so an answer is never
 * older than its stamp; stamps never repeat (the revision only grows), so a kept answer never comes
 * back for a later state.
 *
 * @param <K> what the answer is for (an event's slug, a language)
 * @param <S> the stamp, compared with {@code equals}
 * @param <V> the rendered answer
 */
public final class RenderCache<K, S, V> {

    /** What a renderer returns: the answer, and the instants at which it changes by the clock alone. */
    public record Rendered<V>(V value, Collection<Instant> changesAt) {
    }

    private record Entry<S, V>(S stamp, Instant from, Instant until, V value) {
        boolean fits(S current, Instant now) {
            return stamp.equals(current) && !now.isBefore(from) && now.isBefore(until);
        }
    }

    /** Keys are events that exist (or languages): a bound only against an unusual number of events. */
    private static final int MAX_KEYS = 4096;

    private final ConcurrentHashMap<K, Entry<S, V>> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, Object> renders = new ConcurrentHashMap<>();

    /**
     * The answer for {@code key} as of the stamp the database gives now.
     *
     * @param stamp  reads the stamp from the database (may throw, e.g. 404 for an unknown event)
     * @param render renders the answer from data read after the stamp it is given
     */
    public V get(K key, Supplier<S> stamp, Instant now, Function<S, Rendered<V>> render) {
        S current = stamp.get();
        Entry<S, V> kept = entries.get(key);
        if (kept != null && kept.fits(current, now)) return kept.value();
        synchronized (renders.computeIfAbsent(key, k -> new Object())) {
            // Another request may have rendered it meanwhile, for a stamp as new as the database's now.
            current = stamp.get();
            kept = entries.get(key);
            if (kept != null && kept.fits(current, now)) return kept.value();
            Rendered<V> fresh = render.apply(current);
            if (entries.size() >= MAX_KEYS) {
                entries.clear();
                renders.clear();
            }
            entries.put(key, new Entry<>(current, from(fresh.changesAt(), now), until(fresh.changesAt(), now), fresh.value()));
            return fresh.value();
        }
    }

    /** The latest instant of {@code changes} not after {@code now}: the answer was the same since then. */
    static Instant from(Collection<Instant> changes, Instant now) {
        Instant from = Instant.MIN;
        for (Instant c : changes) if (!c.isAfter(now) && c.isAfter(from)) from = c;
        return from;
    }

    /** The first instant of {@code changes} after {@code now}: the answer may differ from then on. */
    static Instant until(Collection<Instant> changes, Instant now) {
        Instant until = Instant.MAX;
        for (Instant c : changes) if (c.isAfter(now) && c.isBefore(until)) until = c;
        return until;
    }
}
