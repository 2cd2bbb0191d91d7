package eventdesk.registration;

import eventdesk.registration.SignUpService.Answer;
import eventdesk.registration.SignUpService.Decisions;
import eventdesk.registration.SignUpService.Request;
import eventdesk.web.Busy;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sign-up queue's edges, with a stand-in for the database step so each path can be forced: the backlog
 * limit, the wait limit (by moving the queue's ticker), a database that cannot be reached, one bad request in a batch,
 * an unexpected error, and shutdown. Every request is answered exactly once: decided, or refused with
 * {@link Busy}; none hangs, and none refused is decided later.
 */
class SeatQueueEdgesTest {

    /** The queue's elapsed-time ticker, moved by the test. */
    static final class Ticker implements java.util.function.LongSupplier {
        volatile long nanos = 1_000_000_000L;

        @Override
        public long getAsLong() {
            return nanos;
        }

        void advance(Duration d) {
            nanos += d.toNanos();
        }
    }

    /** Stands in for the seat step: records each batch, waits at a gate, then answers or fails as the test says. */
    static final class Step {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        volatile Function<List<Request>, RuntimeException> failure = batch -> null;
        volatile Error error;

        SignUpService service() {
            return new SignUpService() {
                @Override
                Decisions decideBatch(String slug, List<Request> batch) {
                    batches.add(batch.stream().map(r -> r.form().email).toList());
                    entered.countDown();
                    try {
                        if (!gate.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("the test never opened the gate");
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    if (error != null) throw error;
                    RuntimeException fail = failure.apply(batch);
                    if (fail != null) throw fail;
                    List<Object> answers = new ArrayList<>();
                    batch.forEach(r -> answers.add(new Answer(RegistrationStatus.PENDING, 0, null)));
                    return new Decisions(answers, true);
                }
            };
        }
    }

    final Ticker ticker = new Ticker();
    final Step step = new Step();
    SeatQueue queue;

    @AfterEach
    void stopQueue() {
        step.gate.countDown();
        if (queue != null) queue.stop();
    }

    CompletableFuture<Answer> signUp(String email) {
        SignUp form = new SignUp();
        form.email = email;
        return queue.submit(new Request("crowded", form, Instant.parse("2027-01-10T01:00:00Z"), new CompletableFuture<>()));
    }

    /** Starts a first sign-up and waits until its batch is being decided (held at the gate). */
    CompletableFuture<Answer> firstHeldAtTheGate() throws InterruptedException {
        CompletableFuture<Answer> first = signUp("first@example.com");
        assertThat(step.entered.await(10, TimeUnit.SECONDS)).as("the first batch started").isTrue();
        return first;
    }

    static Throwable failure(CompletableFuture<Answer> answer) throws InterruptedException {
        try {
            answer.get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a sign-up was never answered", e);
        }
    }

    @Test
    void beyondTheBacklogLimitASignUpIsRefusedAtOnceAndNeverDecided() throws Exception {
        queue = SeatQueue.standalone(step.service(), ticker, 3, Duration.ofSeconds(20));
        CompletableFuture<Answer> first = firstHeldAtTheGate();
        List<CompletableFuture<Answer>> waiting = List.of(signUp("a@example.com"), signUp("b@example.com"), signUp("c@example.com"));
        CompletableFuture<Answer> fourth = signUp("d@example.com");
        assertThat(fourth).as("refused before any batch").isCompletedExceptionally();
        assertThat(failure(fourth)).isInstanceOf(Busy.class);
        assertThat(((Busy) failure(fourth)).retryAfterSeconds).isPositive();

        step.gate.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(RegistrationStatus.PENDING);
        for (CompletableFuture<Answer> w : waiting) assertThat(failure(w)).isNull();
        assertThat(step.batches).containsExactly(List.of("first@example.com"), List.of("a@example.com", "b@example.com", "c@example.com"));
    }

    @Test
    void aSignUpWhoseBatchHasNotStartedWithinTheWaitLimitIsRefusedAndNeverDecided() throws Exception {
        queue = SeatQueue.standalone(step.service(), ticker, 100, Duration.ofSeconds(20));
        CompletableFuture<Answer> first = firstHeldAtTheGate();
        CompletableFuture<Answer> early = signUp("early@example.com");
        ticker.advance(Duration.ofSeconds(15));
        CompletableFuture<Answer> later = signUp("later@example.com");
        ticker.advance(Duration.ofSeconds(6));   // "early" has now waited 21 s, "later" 6 s

        step.gate.countDown();
        assertThat(failure(first)).isNull();
        assertThat(failure(early)).isInstanceOf(Busy.class).hasMessageContaining("waited too long");
        assertThat(failure(later)).isNull();
        assertThat(step.batches).containsExactly(List.of("first@example.com"), List.of("later@example.com"));
    }

    @Test
    void aBatchWhoseDatabaseCannotBeReachedIsRefusedAsAWholeAtOnce() throws Exception {
        queue = SeatQueue.standalone(step.service(), ticker, 100, Duration.ofSeconds(20));
        step.failure = batch -> new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Connection refused", "08001"));
        CompletableFuture<Answer> first = firstHeldAtTheGate();
        List<CompletableFuture<Answer>> waiting = List.of(signUp("a@example.com"), signUp("b@example.com"), signUp("c@example.com"));

        step.gate.countDown();
        assertThat(failure(first)).isInstanceOf(Busy.class).hasMessageContaining("database");
        for (CompletableFuture<Answer> w : waiting) assertThat(failure(w)).isInstanceOf(Busy.class);
        assertThat(step.batches).as("no request was tried again alone").hasSize(2);
    }

    @Test
    void oneBadRequestInABatchFailsAloneWhileTheOthersAreDecided() throws Exception {
        queue = SeatQueue.standalone(step.service(), ticker, 100, Duration.ofSeconds(20));
        step.failure = batch -> batch.stream().anyMatch(r -> r.form().email.startsWith("bad"))
                ? new IllegalStateException("value too long for column") : null;
        CompletableFuture<Answer> first = firstHeldAtTheGate();
        CompletableFuture<Answer> good1 = signUp("good1@example.com");
        CompletableFuture<Answer> bad = signUp("bad@example.com");
        CompletableFuture<Answer> good2 = signUp("good2@example.com");

        step.gate.countDown();
        assertThat(failure(first)).isNull();
        assertThat(failure(good1)).isNull();
        assertThat(failure(good2)).isNull();
        assertThat(failure(bad)).isInstanceOf(IllegalStateException.class);
        assertThat(step.batches).containsExactly(List.of("first@example.com"),
                List.of("good1@example.com", "bad@example.com", "good2@example.com"),
                List.of("good1@example.com"), List.of("bad@example.com"), List.of("good2@example.com"));
    }

    @Test
    void anUnexpectedErrorFailsItsBatchAndTheQueueGoesOn() throws Exception {
        queue = SeatQueue.standalone(step.service(), ticker, 100, Duration.ofSeconds(20));
        step.error = new AssertionError("unexpected");
        CompletableFuture<Answer> first = firstHeldAtTheGate();
        step.gate.countDown();
        assertThat(failure(first)).isInstanceOf(AssertionError.class);
        step.error = null;
        assertThat(failure(signUp("next@example.com"))).isNull();
    }

    @Test
    void onShutdownEverythingQueuedIsDecidedAndAnsweredAndNewSignUpsAreRefused() throws Exception {
        queue = SeatQueue.standalone(step.service(), ticker, 100, Duration.ofSeconds(20));
        CompletableFuture<Answer> first = firstHeldAtTheGate();
        List<CompletableFuture<Answer>> queued = List.of(signUp("a@example.com"), signUp("b@example.com"));
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(queue::stop);
        await().atMost(Duration.ofSeconds(10)).until(() -> signUp("probe@example.com").isCompletedExceptionally());
        CompletableFuture<Answer> late = signUp("late@example.com");
        assertThat(failure(late)).isInstanceOf(Busy.class).hasMessageContaining("shutting down");
        assertThat(stopping).as("shutdown waits for the queued batches").isNotDone();

        step.gate.countDown();
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(failure(first)).isNull();
        for (CompletableFuture<Answer> q : queued) assertThat(failure(q)).isNull();
        assertThat(step.batches).containsExactly(List.of("first@example.com"), List.of("a@example.com", "b@example.com"));
        queue = null;
    }
}
