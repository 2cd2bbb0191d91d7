package eventdesk.security;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import eventdesk.testing.TestClock;

/** JSON written by hand, so that any string (lone surrogates included) goes over the wire as \\u escapes. */
final class Json {

    private Json() {
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            else b.append(c);
        }
        return b.append('"').toString();
    }

    /** Values that are Strings are quoted; anything else (numbers, true, raw JSON via {@link Raw}) goes in as is. */
    static String object(Map<String, ?> fields) {
        StringBuilder b = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (b.length() > 1) b.append(',');
            b.append(string(k)).append(':').append(v instanceof String s ? string(s) : String.valueOf(v));
        });
        return b.append('}').toString();
    }

    /** Raw JSON text for a value. */
    record Raw(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    static Map<String, Object> signUp(String email) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Hostile Tester");
        m.put("email", email);
        m.put("affiliation", "Acme");
        m.put("role", "OTHER");
        m.put("locale", "en");
        m.put("consent", true);
        m.put("marketingConsent", false);
        return m;
    }

    static String newSlug() {
        return "sec-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A valid event for POST /api/admin/events, starting in 40 days by the test clock. */
    static Map<String, Object> event(String slug) {
        Instant start = TestClock.now().plus(Duration.ofDays(40));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slug", slug);
        m.put("title", "Security Meetup");
        m.put("titleKo", "보안 밋업");
        m.put("description", "Line one.\nLine two.");
        m.put("descriptionKo", "설명");
        m.put("venue", "Hall");
        m.put("address", "1 Test-ro, Seoul");
        m.put("startsAt", start.atOffset(ZoneOffset.ofHours(9)).toString());
        m.put("endsAt", start.plus(Duration.ofHours(2)).atOffset(ZoneOffset.ofHours(9)).toString());
        m.put("capacity", 10);
        m.put("waitlistEnabled", true);
        return m;
    }
}
