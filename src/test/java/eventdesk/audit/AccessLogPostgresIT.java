package eventdesk.audit;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link AccessLogTest} on PostgreSQL: the head row's lock keeps one chain there too. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class AccessLogPostgresIT extends AccessLogTest {
}
