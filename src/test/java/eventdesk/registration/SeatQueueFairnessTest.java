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
 * Events with sign-ups waiting take turns, a batch each: a crowd on as many events as the queue has workers does not
 * keep a quiet event's sign-up waiting until the crowds are through. Uses a stand-in for the database step that
 * records which event each batch was for.
 */
class SeatQueueFairnessTest {

    /** Which event each decided batch was for, in order; the first batches wait at a gate until the test opens it. */
    final List<String> order = new CopyOnWriteArrayList<>();
    final CountDownLatch busy = new CountDownLatch(SeatQueue.WORKERS);
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
    void aQuietEventIsDecidedAfterOneBatchOfEachCrowdedEventNotAfterTheCrowds() throws Exception {
        queue = SeatQueue.standalone(step(), System::nanoTime, 100_000, Duration.ofSeconds(60));
        List<CompletableFuture<Answer>> all = new ArrayList<>();
        // One crowd per worker: each worker holds its event's first batch at the gate ...
        for (int e = 0; e < SeatQueue.WORKERS; e++) all.add(signUp("crowd-" + e, 0));
        assertThat(busy.await(10, TimeUnit.SECONDS)).as("every worker is deciding a crowd's first batch").isTrue();
        // ... while four more batches of each crowd queue up behind it, and then one sign-up to a quiet event.
        for (int e = 0; e < SeatQueue.WORKERS; e++) {
            for (int i = 1; i <= 4 * SeatQueue.MAX_BATCH; i++) all.add(signUp("crowd-" + e, i));
        }
        CompletableFuture<Answer> quiet = signUp("quiet", 0);
        gate.countDown();

        assertThat(quiet.get(10, TimeUnit.SECONDS).status()).isEqualTo(RegistrationStatus.PENDING);
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        int quietTurn = order.indexOf("quiet");
        // Every crowd had 5 batches (21 batches in all). Taking turns, the quiet event's batch comes right after the
        // crowds' first ones; a worker that kept its event until the crowd was through would have made it the last.
        assertThat(order).hasSize(SeatQueue.WORKERS * 5 + 1);
        assertThat(quietTurn).as("batches decided before the quiet event's, in " + order).isLessThanOrEqualTo(2 * SeatQueue.WORKERS);
    }
}
