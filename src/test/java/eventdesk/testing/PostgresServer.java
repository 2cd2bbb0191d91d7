package eventdesk.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the PostgreSQL for tests is: -Dtest.pg.url / .username / .password. When the server runs but the
 * database does not exist yet, it is created, so the PostgreSQL tests simply run.
 */
public final class PostgresServer {

    /** PostgreSQL's error for a database that does not exist, and for one created by someone else meanwhile. */
    private static final String NO_SUCH_DATABASE = "3D000", DATABASE_EXISTS = "42P04",
            UNIQUE_VIOLATION = "23505";
    /** jdbc:postgresql://host:port/database?options: the database's name, and the rest around it. */
    private static final Pattern DATABASE = Pattern.compile("^(jdbc:postgresql://[^/]*/)([^/?]+)(\\?.*)?$");

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

    /**
     * Whether the database at {@code url} answers; when the server answers but the database does not exist,
     * it is created first (from the server's {@code postgres} database).
     */
    static boolean reachable(String url) {
        try (Connection c = DriverManager.getConnection(url, username(), password())) {
            return c.isValid(5);
        } catch (SQLException e) {
            if (!NO_SUCH_DATABASE.equals(e.getSQLState())) return false;
        }
        Matcher m = DATABASE.matcher(url);
        if (!m.matches()) return false;
        String admin = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
        try (Connection c = DriverManager.getConnection(admin, username(), password()); var st = c.createStatement()) {
            // From template0, which nobody connects to: copying template1 fails while another test creates a
            // database from it at the same moment ("source database is being accessed by other users").
            st.execute("CREATE DATABASE \"" + m.group(2).replace("\"", "\"\"") + "\" TEMPLATE template0");
            System.out.println("Created the test database " + m.group(2) + " at " + url);
        } catch (SQLException e) {
            // Someone else creating it at the same moment: "already exists" (42P04), or, when both
            // CREATE DATABASE statements ran at once, a unique violation (23505) on pg_database's name index.
            if (!DATABASE_EXISTS.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) return false;
        }
        // (A unique violation waits for the other CREATE DATABASE to commit, so the database is there now.)
        try (Connection c = DriverManager.getConnection(url, username(), password())) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    public static class Available implements ExecutionCondition {
        private static final Map<String, Boolean> reachable = new ConcurrentHashMap<>();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean up = reachable.computeIfAbsent(url(), PostgresServer::reachable);
            if (up) return ConditionEvaluationResult.enabled("PostgreSQL at " + url());
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI: PostgreSQL tests always run (and fail: nothing answers at " + url() + ")");
            }
            String line = "SKIPPED: no PostgreSQL at " + url() + " - start one (e.g. sudo pg_ctlcluster 15 main start; "
                    + "the test database is created when missing) or set -Dtest.pg.url=jdbc:postgresql://.../db; "
                    + "CI=true makes this a failure";
            System.out.println(line);
            return ConditionEvaluationResult.disabled(line);
        }
    }
}
