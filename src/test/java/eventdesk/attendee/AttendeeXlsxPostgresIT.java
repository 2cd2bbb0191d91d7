package eventdesk.attendee;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link AttendeeXlsxTest} on PostgreSQL: the export reads its rows in pages through the same index there. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class AttendeeXlsxPostgresIT extends AttendeeXlsxTest {
}
