package eventdesk.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks tests that need a real PostgreSQL server ({@code -Dtest.pg.url}, default
 * jdbc:postgresql://127.0.0.1:5432/eventdesk_test, user postgres). A missing database on a running
 * server is created. Without a server they are skipped with a line saying how to get one — except
 * under CI (CI=true), where they run and fail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PostgresServer.Available.class)
public @interface Postgres {

}
