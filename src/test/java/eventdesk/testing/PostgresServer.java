package eventdesk.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.DriverManager;

/** Where the PostgreSQL for tests is: -Dtest.pg.url / .username / .password. */
public final class PostgresServer {

    private PostgresServer() {
    }

    public static String url() {
        return System.getProperty("test.pg.url", "jdbc:postgresql://127.0.0.1:5432/eventdesk_test");
    }

    public static String username() {
        return System.getProperty("test.pg.username", "postgres");
    }

    public static String password() {
        return System.getProperty("test.pg.password", "");
    }

    public static class Available implements ExecutionCondition {
        private static Boolean reachable;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI: PostgreSQL tests always run");
            }
            if (reachable == null) {
                try (var c = DriverManager.getConnection(url(), username(), password())) {
                    reachable = c.isValid(5);
                } catch (Exception e) {
                    reachable = false;
                }
            }
            if (reachable) return ConditionEvaluationResult.enabled("PostgreSQL at " + url());
            String line = "SKIPPED: no PostgreSQL at " + url() + " - start one (e.g. sudo pg_ctlcluster 15 main start; "
                    + "createdb -h 127.0.0.1 -U postgres eventdesk_test) or set -Dtest.pg.url=jdbc:postgresql://.../db; CI=true makes this a failure";
            System.out.println(line);
            return ConditionEvaluationResult.disabled(line);
        }
    }
}
