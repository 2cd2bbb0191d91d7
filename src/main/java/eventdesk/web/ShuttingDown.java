package eventdesk.web;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

/**
 * Whether the application is shutting down, for the background jobs. Every {@code @Scheduled} method names this
 * as its skip predicate, so from the first moment of shutdown no job starts, and a running job asks {@link #now()}
 * between its steps and stops. The scheduler itself keeps firing until the very end of shutdown, after the
 * database has closed, and would otherwise call a job's bean that shutdown has already destroyed: the container
 * makes it afresh, knowing nothing of the shutdown, and the job fails on the closed database.
 */
@Singleton
public class ShuttingDown implements Scheduled.SkipPredicate {

    private volatile boolean begun;

    /** Before any other shutdown step (the sign-up queue's draining, the mail relay's last batches). */
    void begin(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        begun = true;
    }

    /** True once shutdown has begun. */
    public boolean now() {
        return begun;
    }

    /** The scheduler skips a job once shutdown has begun. */
    @Override
    public boolean test(ScheduledExecution execution) {
        return begun;
    }
}
