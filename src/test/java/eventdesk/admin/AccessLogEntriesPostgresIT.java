package eventdesk.admin;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link AccessLogEntriesTest} on PostgreSQL: each organizer action writes one entry in its change's transaction there too. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class AccessLogEntriesPostgresIT extends AccessLogEntriesTest {
}
