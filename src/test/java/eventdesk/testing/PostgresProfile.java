package eventdesk.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The app on PostgreSQL instead of H2, otherwise as in the test profile. The test database is emptied and
 * migrated afresh at each start: it is disposable, and a run of another branch may have left migrations or
 * rows in it that this code does not know.
 */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", PostgresServer.url(),
                "quarkus.datasource.username", PostgresServer.username(),
                "quarkus.datasource.password", PostgresServer.password(),
                "quarkus.datasource.jdbc.new-connection-sql", "SET lock_timeout = '20s'",
                "quarkus.datasource.jdbc.max-size", "20",
                "quarkus.flyway.clean-disabled", "false",
                "quarkus.flyway.clean-at-start", "true");
    }
}
