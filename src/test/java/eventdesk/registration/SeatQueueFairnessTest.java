package eventdesk.registration;

import eventdesk.registration.SignUpService.Answer;
import eventdesk.registration.SignUpService.Decisions;
import eventdesk.registration.SignUpService.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events with sign-ups waiting take turns, a batch each: a crowd on one event does not keep another event's sign-ups
 * waiting until the crowd is through. With one worker (the order of turns is then exact, whatever the threads'
 * scheduling), a stand-in for the database step records which event each batch was for.
 */
class SeatQueueFairnessTest {

    /** Which event each decided batch was for, in order; the first batch waits at a gate until the test opens it. */
    final List<String> order = new CopyOnWriteArrayList<>();
    final CountDownLatch busy = new CountDownLatch(1);
    final CountDownLatch gate = new CountDownLatch(1);
    SeatQueue queue;

    @AfterEach
    void stop() {
        gate.countDown();
        if (queue != null) queue.stop();
    }

    SignUpService step() {
        return new SignUpService() {
            @Override
            Decisions decideBatch(String slug, List<Request> batch) {
                busy.countDown();
                try {
                    if (!gate.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("the test never opened the gate");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                order.add(slug);
                List<Object> answers = new ArrayList<>();
                batch.forEach(r -> answers.add(new Answer(RegistrationStatus.PENDING, 0, null)));
                return new Decisions(answers, true);
            }
        };
    }

    CompletableFuture<Answer> signUp(String slug, int n) {
        SignUp form = new SignUp();
        form.email = "person" + n + "@example.com";
        return queue.submit(new Request(slug, form, Instant.parse("2027-01-10T01:00:00Z"), new CompletableFuture<>()));
    }

    @Test
    void eventsWithSignUpsWaitingTakeTurnsABatchEach() throws Exception {
        queue = SeatQueue.standalone(step(), System::nanoTime, 100_000, Duration.ofSeconds(60), 1);
        List<CompletableFuture<Answer>> all = new ArrayList<>();
        // The worker holds the first crowd's first batch at the gate ...
        all.add(signUp("crowd-a", 0));
        assertThat(busy.await(10, TimeUnit.SECONDS)).as("the worker is deciding the first crowd's first batch").isTrue();
        // ... while four more batches of it queue up, then five batches of a second crowd, then one quiet sign-up.
        for (int i = 1; i <= 4 * SeatQueue.MAX_BATCH; i++) all.add(signUp("crowd-a", i));
        for (int i = 0; i < 5 * SeatQueue.MAX_BATCH; i++) all.add(signUp("crowd-b", i));
        CompletableFuture<Answer> quiet = signUp("quiet", 0);
        gate.countDown();

        assertThat(quiet.get(10, TimeUnit.SECONDS).status()).isEqualTo(RegistrationStatus.PENDING);
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        // Taking turns: a, b, quiet, then a and b alternating. A worker that kept an event until its crowd was
        // through would have decided all of a's five batches, then b's five, and the quiet one last.
        assertThat(order).containsExactly("crowd-a", "crowd-b", "quiet", "crowd-a", "crowd-b", "crowd-a", "crowd-b",
                "crowd-a", "crowd-b", "crowd-a", "crowd-b");
    }
}
