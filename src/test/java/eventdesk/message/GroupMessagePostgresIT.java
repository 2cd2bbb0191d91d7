package eventdesk.message;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link GroupMessageTest} on PostgreSQL: one send per idempotency key under concurrent submits there too. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class GroupMessagePostgresIT extends GroupMessageTest {
}
