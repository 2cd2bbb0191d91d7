package eventdesk.registration;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ConsentOnRecordTest} on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class ConsentOnRecordPostgresIT extends ConsentOnRecordTest {
}
