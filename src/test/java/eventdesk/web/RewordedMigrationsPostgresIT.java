package eventdesk.web;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link RewordedMigrationsTest} on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class RewordedMigrationsPostgresIT extends RewordedMigrationsTest {
}
