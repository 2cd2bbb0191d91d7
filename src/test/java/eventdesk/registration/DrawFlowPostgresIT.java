package eventdesk.registration;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link DrawFlowTest} on PostgreSQL: among others, four draw runs released together draw once
 * (the row lock and the drawn-at check), as two instances' schedulers would on one database.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class DrawFlowPostgresIT extends DrawFlowTest {
}
