package eventdesk.web;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Three migrations had their opening comment reworded after they shipped (V7, V8 and V11 named documents
 * outside this repository). Flyway keeps a checksum of each applied migration's text, comments included,
 * and refuses to start when it changes. Before Flyway validates, this brings the stored checksum of exactly
 * those three from the shipped text's value to the reworded text's, and touches nothing else: any other
 * difference is still refused.
 */
@Singleton
public class RewordedMigrations implements FlywayConfigurationCustomizer {

    /** Version → {checksum as shipped, checksum as reworded}. */
    static final Map<String, int[]> REWORDED = Map.of(
            "7", new int[]{-1956266257, -760536028},
            "8", new int[]{1455069673, -2021721713},
            "11", new int[]{-584826693, -2062381327});

    @Override
    public void customize(FluentConfiguration configuration) {
        String table = configuration.getTable();
        configuration.callbacks(new Callback() {
            @Override
            public boolean supports(Event event, Context context) {
                return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
            }

            @Override
            public boolean canHandleInTransaction(Event event, Context context) {
                return true;
            }

            @Override
            public void handle(Event event, Context context) {
                try {
                    realign(context.getConnection(), table);
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not bring reworded migrations' checksums up to date", e);
                }
            }

            @Override
            public String getCallbackName() {
                return "reworded-migrations";
            }
        });
    }

    /** Updates the three checksums where they still have their shipped value; returns how many rows changed. */
    static int realign(Connection connection, String table) throws SQLException {
        if (!exists(connection, table)) return 0;
        int changed = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "update \"" + table + "\" set \"checksum\" = ? where \"version\" = ? and \"checksum\" = ?")) {
            for (Map.Entry<String, int[]> e : REWORDED.entrySet()) {
                update.setInt(1, e.getValue()[1]);
                update.setString(2, e.getKey());
                update.setInt(3, e.getValue()[0]);
                changed += update.executeUpdate();
            }
        }
        return changed;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }
}
