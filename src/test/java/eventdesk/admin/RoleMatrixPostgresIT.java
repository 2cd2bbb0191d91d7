package eventdesk.admin;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link RoleMatrixTest} on PostgreSQL: every organizer route answered as it declares, refusals changing nothing. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class RoleMatrixPostgresIT extends RoleMatrixTest {
}
