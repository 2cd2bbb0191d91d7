package eventdesk.mydata;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link MyDataTest} on PostgreSQL: links used once by a conditional update, sessions and erasure there too. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class MyDataPostgresIT extends MyDataTest {
}
