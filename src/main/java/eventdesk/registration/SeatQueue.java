package eventdesk.registration;

import eventdesk.mail.Outbox;
import eventdesk.registration.SignUpService.Answer;
import eventdesk.registration.SignUpService.Request;
import eventdesk.web.Busy;
import eventdesk.web.EventdeskConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.hibernate.exception.JDBCConnectionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Group commit for sign-ups. Requests queue per event; while a batch of an event is being decided,
 * the next arrivals wait and then go together as the next batch ({@link SignUpService#decideBatch}:
 * one lock, one commit). An idle event runs a batch of one at once, so light traffic waits for
 * nothing. Waiting costs no thread: a request is a queued future until its batch has committed.
 * Events are decided in parallel by a few workers; one event's batches run one after another, and events with
 * sign-ups waiting take turns, a batch each.
 *
 * <p>The queue has edges. Beyond {@code eventdesk.signup.max-waiting} waiting sign-ups a new one is refused at once
 * ({@link Busy}: 503 with Retry-After, nothing stored); a sign-up whose batch has not started within
 * {@code eventdesk.signup.max-wait} of joining the queue (elapsed time, not the wall clock: moving the clock does not
 * age a waiting sign-up) is refused then and never decided later.
 * A batch whose database cannot be reached is refused as a whole at once; a batch that fails for any other reason is
 * decided again one request at a time, so one bad request never fails the others. On shutdown the queue takes
 * nothing new, decides and answers everything already waiting (within {@link #SHUTDOWN_WAIT}), and refuses what is
 * left; then the database may close.
 */
@ApplicationScoped
public class SeatQueue {

    /** The most sign-ups decided in one transaction. */
    static final int MAX_BATCH = 250;
    /** With more sign-ups than this waiting (a crowd), the outbox relay pauses and leaves the database to the seats. */
    static final int CROWD = 50;
    static final int WORKERS = 4;
    /** How long shutdown waits for the queued batches to be decided and answered. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(8);
    /** Retry-After of a refusal: the crowd of a moment is answered within seconds. */
    static final long RETRY_AFTER_SECONDS = 5;

    @Inject
    SignUpService service;
    @Inject
    Outbox outbox;
    /** Elapsed time for the wait limit: System.nanoTime, or a test's own. */
    private LongSupplier ticker = System::nanoTime;
    @Inject
    EventdeskConfig config;

    private volatile int maxWaiting;
    private volatile Duration maxWait;
    private volatile boolean closing;

    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final AnswerTiming timing = new AnswerTiming();
    private final AtomicInteger waiting = new AtomicInteger();
    private ExecutorService workers;

    /** A request and when it joined the queue ({@link #ticker}, nanoseconds). */
    private record Queued(Request request, long at) {
    }

    /** The requests of one event waiting for a batch; present in {@link #lanes} exactly while a worker drains it. */
    private static final class Lane {
        final ArrayDeque<Queued> waiting = new ArrayDeque<>();
    }

    @PostConstruct
    void start() {
        limits(config.signup().maxWaiting(), config.signup().maxWait());
        startWorkers();
        outbox.pauseWhile(() -> waiting.get() > CROWD);
    }

    private void startWorkers() {
        startWorkers(WORKERS);
    }

    private void startWorkers(int count) {
        workers = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "seat-batch");
            t.setDaemon(true);
            return t;
        });
    }

    /** A queue outside the application, deciding with {@code service}, for tests of its edges. */
    static SeatQueue standalone(SignUpService service, LongSupplier ticker, int maxWaiting, Duration maxWait) {
        return standalone(service, ticker, maxWaiting, maxWait, WORKERS);
    }

    /** The same with {@code workerCount} workers (one makes the order of turns exact, whatever the scheduler does). */
    static SeatQueue standalone(SignUpService service, LongSupplier ticker, int maxWaiting, Duration maxWait, int workerCount) {
        SeatQueue q = new SeatQueue();
        q.service = service;
        q.ticker = ticker;
        q.limits(maxWaiting, maxWait);
        q.startWorkers(workerCount);
        return q;
    }

    /** The backlog limit and the wait limit (set from the configuration at start; tests set their own). */
    void limits(int maxWaiting, Duration maxWait) {
        this.maxWaiting = maxWaiting;
        this.maxWait = maxWait;
    }

    /**
     * Shutdown, before the database closes: take no new sign-up, let the workers decide and answer every batch
     * already queued, and refuse whatever is still waiting after {@link #SHUTDOWN_WAIT}.
     */
    void onStop(@Observes ShutdownEvent stopping) {
        stop();
    }

    void stop() {
        closing = true;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                Log.warnf("Sign-ups still being decided after %s of shutdown", SHUTDOWN_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lanes.keySet().forEach(slug -> refuseWaiting(slug, "the server is shutting down"));
    }

    CompletableFuture<Answer> submit(Request request) {
        if (closing) return refused(request, "the server is shutting down");
        if (waiting.get() >= maxWaiting) return refused(request, "too many sign-ups are waiting");
        boolean[] idle = {false};
        lanes.compute(request.slug(), (slug, lane) -> {
            if (lane == null) {
                lane = new Lane();
                idle[0] = true;
            }
            lane.waiting.add(new Queued(request, ticker.getAsLong()));
            return lane;
        });
        waiting.incrementAndGet();
        if (idle[0]) {
            try {
                workers.execute(() -> drain(request.slug()));
            } catch (RejectedExecutionException stopped) {
                refuseWaiting(request.slug(), "the server is shutting down");
            }
        }
        return request.answer();
    }

    private CompletableFuture<Answer> refused(Request request, String why) {
        request.answer().completeExceptionally(new Busy(why, RETRY_AFTER_SECONDS));
        return request.answer();
    }

    /** Refuses every request of the lane that no batch has taken. */
    private void refuseWaiting(String slug, String why) {
        List<Request> left = new ArrayList<>();
        lanes.computeIfPresent(slug, (s, lane) -> {
            lane.waiting.forEach(q -> left.add(q.request()));
            lane.waiting.clear();
            return lane;
        });
        waiting.addAndGet(-left.size());
        left.forEach(r -> r.answer().completeExceptionally(new Busy(why, RETRY_AFTER_SECONDS)));
    }

    /**
     * Decides the event's next batch, then puts the event at the back of the workers' line: the events waiting take
     * turns batch by batch (round-robin), so a crowd on one event, or on as many events as there are workers, never
     * keeps a quiet event waiting for more than one batch per busy event.
     */
    private void drain(String slug) {
        List<Request> batch = next(slug);
        if (batch.isEmpty()) return;
        try {
            decide(slug, batch);
        } catch (Throwable unexpected) {
            Log.errorf(unexpected, "Deciding sign-ups for %s failed", slug);
            batch.forEach(r -> r.answer().completeExceptionally(unexpected));
        }
        onWorker(() -> drain(slug));
    }

    /**
     * The next batch in arrival order; when none is waiting, the lane goes and the next arrival starts a drain.
     * A request that waited longer than the wait limit is refused here, before any batch decides it.
     */
    private List<Request> next(String slug) {
        List<Request> batch = new ArrayList<>();
        List<Request> late = new ArrayList<>();
        long oldest = ticker.getAsLong() - maxWait.toNanos();
        lanes.computeIfPresent(slug, (s, lane) -> {
            while (batch.size() < MAX_BATCH && !lane.waiting.isEmpty()) {
                Queued q = lane.waiting.poll();
                (q.at() - oldest < 0 ? late : batch).add(q.request());
            }
            return batch.isEmpty() && lane.waiting.isEmpty() ? null : lane;
        });
        waiting.addAndGet(-batch.size() - late.size());
        late.forEach(r -> r.answer().completeExceptionally(new Busy("it waited too long for its turn", RETRY_AFTER_SECONDS)));
        if (batch.isEmpty() && !late.isEmpty()) return next(slug);
        return batch;
    }

    /**
     * Decides a batch and answers each request after the commit. When the batch's transaction fails
     * (a database error), each request is retried alone, so one bad request never fails the others.
     * A batch of one that wrote nothing (a repeated sign-up) is held for as long as writing takes now
     * ({@link AnswerTiming}), so the answer's time does not tell who is registered.
     */
    private void decide(String slug, List<Request> batch) {
        SignUpService.Decisions decisions;
        long started = System.nanoTime();
        try {
            decisions = service.decideBatch(slug, batch);
            Log.debugf("Decided %d sign-ups for %s in %d ms", (Object) batch.size(), slug, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                Log.warnf(e, "The database could not be reached for %d sign-ups for %s; refusing them", batch.size(), slug);
                batch.forEach(r -> r.answer().completeExceptionally(new Busy("the database cannot be reached", RETRY_AFTER_SECONDS)));
            } else if (batch.size() > 1) {
                Log.warnf(e, "A batch of %d sign-ups for %s failed; deciding each alone", batch.size(), slug);
                batch.forEach(r -> decide(slug, List.of(r)));
            } else {
                batch.get(0).answer().completeExceptionally(e);
            }
            return;
        }
        long took = System.nanoTime() - started, delay = 0;
        if (batch.size() == 1) {
            if (decisions.wroteAny()) timing.wrote(took);
            else delay = timing.delayAfterQuiet(took);
        }
        if (delay == 0) {
            answer(batch, decisions.results());
            return;
        }
        long due = System.nanoTime() + delay;
        CompletableFuture.delayedExecutor(delay, TimeUnit.NANOSECONDS, this::onWorker).execute(() -> {
            timing.late(System.nanoTime() - due);
            answer(batch, decisions.results());
        });
    }

    /**
     * Whether a failure says the database cannot be reached (no connection, a closed pool or database), as
     * opposed to a problem with what was asked: then retrying each request alone would only make them wait.
     */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof JDBCConnectionException || t instanceof ConnectException) return true;
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) return true;
            String m = t.getMessage();
            if (m != null && (m.contains("acquisition timeout") || m.contains("pool is closed")
                    || m.contains("Database is already closed"))) return true;
        }
        return false;
    }

    /** Runs on a batch worker (this application's threads); while shutting down, right here. */
    private void onWorker(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException stopped) {
            task.run();
        }
    }

    private static void answer(List<Request> batch, List<Object> results) {
        for (int i = 0; i < batch.size(); i++) {
            Object result = results.get(i);
            if (result instanceof Answer answer) batch.get(i).answer().complete(answer);
            else batch.get(i).answer().completeExceptionally((Throwable) result);
        }
    }
}
