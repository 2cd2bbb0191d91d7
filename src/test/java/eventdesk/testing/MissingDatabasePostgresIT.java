package eventdesk.testing;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a machine whose PostgreSQL server runs but has no test database yet, the PostgreSQL tests create it
 * and run, instead of saying there is no PostgreSQL.
 */
@Postgres
class MissingDatabasePostgresIT {

    @Test
    void aMissingTestDatabaseIsCreatedWhenTheServerIsReachable() throws Exception {
        String database = "eventdesk_fresh_" + Long.toString(System.nanoTime(), 36);
        String url = onServer(database);
        String configured = System.getProperty("test.pg.url");
        System.setProperty("test.pg.url", url);
        try {
            ConditionEvaluationResult result = new PostgresServer.Available().evaluateExecutionCondition(null);
            assertThat(result.isDisabled()).as(result.getReason().orElse("")).isFalse();
            try (Connection c = DriverManager.getConnection(url, PostgresServer.username(), PostgresServer.password())) {
                assertThat(c.isValid(5)).as("the new database answers").isTrue();
            }
        } finally {
            if (configured == null) System.clearProperty("test.pg.url");
            else System.setProperty("test.pg.url", configured);
            try (Connection c = DriverManager.getConnection(onServer("postgres"), PostgresServer.username(),
                    PostgresServer.password()); var st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @RepeatedTest(3)
    void twoTestsFindingTheDatabaseMissingAtOnceBothRun() throws Exception {
        String database = "eventdesk_fresh_" + Long.toString(System.nanoTime(), 36);
        String url = onServer(database);
        try {
            List<Boolean> found = Race.run(4, i -> () -> PostgresServer.reachable(url));
            assertThat(found).as("each of four tests creating %s at once finds it", database).containsOnly(true);
        } finally {
            try (Connection c = DriverManager.getConnection(onServer("postgres"), PostgresServer.username(),
                    PostgresServer.password()); var st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    /** The configured server's URL for another database. */
    private static String onServer(String database) {
        return PostgresServer.url().replaceFirst("/[^/?]+(\\?.*)?$", "/" + database);
    }
}
