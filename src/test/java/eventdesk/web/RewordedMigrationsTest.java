package eventdesk.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database migrated before three migrations' comments were reworded still starts: Flyway finds the
 * shipped checksums brought up to date before it validates. Any other change to a migration is still refused.
 */
@QuarkusTest
class RewordedMigrationsTest {

    static final String TABLE = "flyway_schema_history";

    @Inject
    Flyway flyway;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void theRewordedChecksumsAreTheOnesFlywayComputesNow() throws Exception {
        for (Map.Entry<String, int[]> e : RewordedMigrations.REWORDED.entrySet()) {
            assertThat(checksum(e.getKey())).as("V" + e.getKey()).isEqualTo(e.getValue()[1]);
        }
    }

    @Test
    void aDatabaseMigratedWithTheShippedTextsValidatesAndOtherChangesAreStillRefused() throws Exception {
        for (Map.Entry<String, int[]> e : RewordedMigrations.REWORDED.entrySet()) setChecksum(e.getKey(), e.getValue()[0]);
        flyway.validate();
        for (Map.Entry<String, int[]> e : RewordedMigrations.REWORDED.entrySet()) {
            assertThat(checksum(e.getKey())).as("V" + e.getKey()).isEqualTo(e.getValue()[1]);
        }

        setChecksum("7", 12345);
        try {
            assertThatThrownBy(flyway::validate).isInstanceOf(FlywayValidateException.class);
        } finally {
            setChecksum("7", RewordedMigrations.REWORDED.get("7")[1]);
        }
        flyway.validate();
    }

    private int checksum(String version) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select \"checksum\" from \"" + TABLE + "\" where \"version\" = ?")) {
            s.setString(1, version);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getInt(1);
            }
        }
    }

    private void setChecksum(String version, int checksum) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update \"" + TABLE + "\" set \"checksum\" = ? where \"version\" = ?")) {
            s.setInt(1, checksum);
            s.setString(2, version);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
