package eventdesk.attendance;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link AttendanceRaceTest} on PostgreSQL: two jobs at the same instant send each mail once. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class AttendanceRacePostgresIT extends AttendanceRaceTest {
}
