package eventdesk.attendee;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link GuestsTest} on PostgreSQL: a guest takes a seat through the seat path, never over capacity. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class GuestsPostgresIT extends GuestsTest {
}
