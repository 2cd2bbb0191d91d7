package eventdesk.registration;

import eventdesk.testing.Postgres;
import eventdesk.testing.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link QuestionAnswersTest} on PostgreSQL: the questions migration, the answers column and the checks. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Postgres
class QuestionAnswersPostgresIT extends QuestionAnswersTest {
}
