package eventdesk.admin;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link SignInTest} on PostgreSQL: codes taken once and sessions ended by conditional updates there too. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class SignInPostgresIT extends SignInTest {
}
