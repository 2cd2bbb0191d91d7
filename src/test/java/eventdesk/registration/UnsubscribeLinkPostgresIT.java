package eventdesk.registration;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link UnsubscribeLinkTest} on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class UnsubscribeLinkPostgresIT extends UnsubscribeLinkTest {
}
