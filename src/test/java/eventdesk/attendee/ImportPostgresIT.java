package eventdesk.attendee;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ImportTest} on PostgreSQL: an imported list is seated through the seat path, never over capacity. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class ImportPostgresIT extends ImportTest {
}
