package eventdesk.web;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one source of time: every "now" in eventdesk is {@code Instant.now(clock)} with this bean.
 * Production runs on the system clock; tests replace it with a clock they move.
 */
@Dependent
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock system() {
        return Clock.systemUTC();
    }
}
