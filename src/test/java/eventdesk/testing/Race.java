package eventdesk.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Concurrency tests' start line: every task runs in its own thread, each thread waits at one start
 * barrier once it is ready, and one count-down releases them all together, so they truly race.
 */
public final class Race {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Race() {
    }

    /** Runs the tasks together; their results in the tasks' order (a task that failed fails the race). */
    public static <T> List<T> run(List<? extends Callable<T>> tasks) throws Exception {
        int threads = tasks.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> runs = new ArrayList<>(threads);
            for (Callable<T> task : tasks) {
                runs.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.call();
                }));
            }
            ready.await();
            start.countDown();
            List<T> results = new ArrayList<>(threads);
            for (Future<T> run : runs) results.add(run.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code threads} tasks together, the i-th made by {@code task.apply(i)}. */
    public static <T> List<T> run(int threads, IntFunction<Callable<T>> task) throws Exception {
        List<Callable<T>> tasks = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) tasks.add(task.apply(i));
        return run(tasks);
    }

    /** Sends the requests together; each answer as {@code "status body"}, in the requests' order. */
    public static List<String> send(List<HttpRequest> requests) throws Exception {
        return run(requests.size(), i -> () -> {
            HttpResponse<String> r = CLIENT.send(requests.get(i), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        });
    }

    /** A JSON POST that waits up to {@code timeout} for its answer (a rush queues on one lock). */
    public static HttpRequest postJson(URI uri, String json, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
