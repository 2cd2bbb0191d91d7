package eventdesk.registration;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ApplicationsPageTest} on PostgreSQL: filters, "all matching" and its changed-set check. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class ApplicationsPagePostgresIT extends ApplicationsPageTest {
}
