package eventdesk.attendance;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link AttendanceTest} on PostgreSQL (the V10 columns, the jobs, the pages, the automatic release). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class AttendancePostgresIT extends AttendanceTest {
}
