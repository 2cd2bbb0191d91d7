package eventdesk.attendee;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link AttendeeTableTest} on PostgreSQL: its collation sorts Hangul names, its nulls go last as on H2, bulk cancels free seats. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class AttendeeTablePostgresIT extends AttendeeTableTest {
}
