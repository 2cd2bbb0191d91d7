package eventdesk.registration;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link EventPageCacheTest} on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class EventPageCachePostgresIT extends EventPageCacheTest {
}
