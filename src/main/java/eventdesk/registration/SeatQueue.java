package eventdesk.registration;

import eventdesk.mail.Outbox;
import eventdesk.registration.SignUpService.Answer;
import eventdesk.registration.SignUpService.Request;
import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

/**
 * Group commit for sign-ups. Requests queue per event; while a batch of an event is being decided,
 * the next arrivals wait and then go together as the next batch ({@link SignUpService#decideBatch}:
 * one lock, one commit). An idle event runs a batch of one at once, so light traffic waits for
 * nothing. Waiting costs no thread: a request is a queued future until its batch has committed.
 * Events are decided in parallel by a few workers; one event's batches run one after another.
 */
@ApplicationScoped
public class SeatQueue {

    /** The most sign-ups decided in one transaction. */
    static final int MAX_BATCH = 250;
    /** With more sign-ups than this waiting (a crowd), the outbox relay pauses and leaves the database to the seats. */
    static final int CROWD = 50;
    static final int WORKERS = 4;

    @Inject
    SignUpService service;
    @Inject
    Outbox outbox;

    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final AnswerTiming timing = new AnswerTiming();
    private final AtomicInteger waiting = new AtomicInteger();
    private ExecutorService workers;

    /** The requests of one event waiting for a batch; present in {@link #lanes} exactly while a worker drains it. */
    private static final class Lane {
        final ArrayDeque<Request> waiting = new ArrayDeque<>();
    }

    @PostConstruct
    void start() {
        workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "seat-batch");
            t.setDaemon(true);
            return t;
        });
        outbox.pauseWhile(() -> waiting.get() > CROWD);
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    CompletableFuture<Answer> submit(Request request) {
        boolean[] idle = {false};
        lanes.compute(request.slug(), (slug, lane) -> {
            if (lane == null) {
                lane = new Lane();
                idle[0] = true;
            }
            lane.waiting.add(request);
            return lane;
        });
        waiting.incrementAndGet();
        if (idle[0]) workers.execute(() -> drain(request.slug()));
        return request.answer();
    }

    private void drain(String slug) {
        for (List<Request> batch = next(slug); !batch.isEmpty(); batch = next(slug)) {
            try {
                decide(slug, batch);
            } catch (Throwable unexpected) {
                Log.errorf(unexpected, "Deciding sign-ups for %s failed", slug);
                batch.forEach(r -> r.answer().completeExceptionally(unexpected));
            }
        }
    }

    /** The next batch in arrival order; when none is waiting, the lane goes and the next arrival starts a drain. */
    private List<Request> next(String slug) {
        List<Request> batch = new ArrayList<>();
        lanes.computeIfPresent(slug, (s, lane) -> {
            while (batch.size() < MAX_BATCH && !lane.waiting.isEmpty()) batch.add(lane.waiting.poll());
            return batch.isEmpty() ? null : lane;
        });
        waiting.addAndGet(-batch.size());
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
            if (batch.size() > 1) {
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
