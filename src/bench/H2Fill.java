import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills an event with confirmed registrations straight into a stopped app's H2 file, for the export
 * benchmark. Run with the app's own H2 jar:
 *   java -cp com.h2database.h2-*.jar src/bench/H2Fill.java JDBC_URL SLUG ROWS
 * One INSERT ... SELECT FROM SYSTEM_RANGE; ids start at 10,000,001, far above registration_seq.
 * Tolerant of later migrations: columns it does not know are left to their default when nullable or
 * defaulted, and otherwise get a neutral value of their type (printed, so a brittle guess shows).
 */
public class H2Fill {
    public static void main(String[] args) throws Exception {
        String url = args[0], slug = args[1];
        long rows = Long.parseLong(args[2]);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            long eventId;
            try (PreparedStatement ps = c.prepareStatement("select id from event where slug = ?")) {
                ps.setString(1, slug);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new IllegalStateException("no event " + slug);
                    eventId = rs.getLong(1);
                }
            }
            Map<String, String> known = new LinkedHashMap<>();
            known.put("ID", "10000000 + X");
            known.put("EVENT_ID", Long.toString(eventId));
            known.put("STATUS", "'CONFIRMED'");
            known.put("NAME", "CASE WHEN MOD(X, 2) = 0 THEN '김서연 ' || X ELSE 'Export Person ' || X END");
            known.put("EMAIL", "'export-' || X || '@example.com'");
            known.put("EMAIL_NORMALIZED", "'export-' || X || '@example.com'");
            known.put("ACTIVE_EMAIL", "'export-' || X || '@example.com'");
            known.put("AFFILIATION", "CASE WHEN MOD(X, 3) = 0 THEN '+82 10-1234-' || X ELSE 'Bench Co, Seoul' END");
            known.put("ROLE", "'DEVELOPER'");
            known.put("LOCALE", "CASE WHEN MOD(X, 2) = 0 THEN 'ko' ELSE 'en' END");
            known.put("CONSENT_AT", "CURRENT_TIMESTAMP");
            known.put("MARKETING_CONSENT", "FALSE");
            known.put("CREATED_AT", "CURRENT_TIMESTAMP");
            known.put("CONFIRMED_AT", "CURRENT_TIMESTAMP");

            List<String> cols = new ArrayList<>(), values = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select column_name, is_nullable, column_default, data_type, is_identity"
                         + " from information_schema.columns where table_schema = 'PUBLIC' and table_name = 'REGISTRATION'"
                         + " order by ordinal_position")) {
                while (rs.next()) {
                    String col = rs.getString(1).toUpperCase();
                    boolean required = "NO".equals(rs.getString(2)) && rs.getString(3) == null
                            && !"YES".equals(rs.getString(5));
                    String type = rs.getString(4).toUpperCase();
                    if (known.containsKey(col)) {
                        cols.add(col);
                        values.add(known.get(col));
                    } else if (required) {
                        String v = neutral(type);
                        System.err.println("H2Fill: unknown NOT NULL column " + col + " (" + type + ") <- " + v);
                        cols.add(col);
                        values.add(v);
                    }
                }
            }
            if (cols.isEmpty()) throw new IllegalStateException("no table REGISTRATION");
            String sql = "insert into registration (" + String.join(", ", cols) + ") select "
                    + String.join(", ", values) + " from system_range(1, " + rows + ")";
            long t = System.nanoTime();
            try (Statement st = c.createStatement()) {
                int n = st.executeUpdate(sql);
                System.err.printf("H2Fill: inserted %d rows in %.1f s%n", n, (System.nanoTime() - t) / 1e9);
            }
        }
    }

    static String neutral(String type) {
        if (type.contains("CHAR") || type.contains("CLOB")) return "'x'";
        if (type.contains("INT") || type.contains("NUMERIC") || type.contains("DECIMAL") || type.contains("DOUBLE")
                || type.contains("REAL") || type.contains("FLOAT")) return "0";
        if (type.contains("BOOL")) return "FALSE";
        if (type.contains("TIMESTAMP")) return "CURRENT_TIMESTAMP";
        if (type.contains("DATE")) return "CURRENT_DATE";
        if (type.contains("TIME")) return "CURRENT_TIME";
        if (type.contains("UUID")) return "RANDOM_UUID()";
        return "NULL";
    }
}
