package eventdesk.event;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link PublicReadsTest} on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class PublicReadsPostgresIT extends PublicReadsTest {
}
