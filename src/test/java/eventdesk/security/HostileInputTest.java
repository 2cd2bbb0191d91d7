package eventdesk.security;

import eventdesk.event.Event;
import eventdesk.registration.Registration;
import eventdesk.registration.RegistrationStatus;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import eventdesk.web.EmailAddress;
import eventdesk.web.Kst;
import eventdesk.web.PlainText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form and API field, every route, gets hostile input. For each request:
 * never a 5xx, an answer before the hang deadline, nothing stored for input that must be refused, and whatever
 * is stored is clean text; echoed markup is escaped. The log gets no ERROR. Figures per route are
 * printed and written to target/hostile-input-summary.txt.
 * <p>
 * The requests go out {@value #SENDERS} at a time: each field (or route) is one {@link Case} with an event
 * of its own, whose requests run one after another, so "nothing stored" still compares that event before and
 * after each request.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.MethodName.class)
class HostileInputTest {

    static final String ADMIN = "Authorization: Basic YWRtaW46YWRtaW4=";

    /** Values every text field gets. */
    static final List<String> HOSTILE = List.of(
            "\u0000", "a\u0001b", "\u001b[31mred", "a\u007fb", "\u0085", "x\u009by", "a\u2028b", "a\u2029b",
            "\uD800", "x\uDFFFy", "a\u202Eevil", "\uFEFFbom", "\uFFFF",
            "x".repeat(100_000), "가".repeat(34_000),
            "{inject:csrf.token}", "{#include layout /}", "${7*7}", "#{7*7}", "{{7*7}}",
            "' OR '1'='1", "'; DROP TABLE registration;--", "\\' OR 1=1 --",
            "a\r\nBcc: evil@example.com", "a\nb", "a\rb", "%0d%0aSet-Cookie: x=y",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "ａｄｍｉｎ", "Кim Мin", "pаypal.com", "👩‍💻", "", "   ", "=1+2", "@SUM(A1)");

    /** JSON values of the wrong type, for API fields (the empty string is among the hostile strings). */
    static final List<String> WRONG_TYPES = List.of("1", "1.5", "true", "null", "[]", "{}", "-1e309");

    static final List<String> MALFORMED_JSON = List.of("", "{", "}", "[", "{\"name\":}", "{\"name\":\"a\"", "nul", "\"str\"",
            "[1,2]", "{\"a\":1,,}", "{'name':'single'}", "{\"name\":\"\\ud800\"}", "\u0000{}", "{\"name\":\"a\"} trailing",
            "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "{\"name\":\"a\",\"name\":\"b\"}");

    static final List<String> ODD_PATH = List.of("%00", "%ff%fe", "..%2f..%2fetc%2fpasswd", "%2e%2e", ";", ",", "a;b=c", "a,b",
            "%0d%0aX-Injected:%20yes", "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", "{x}", "|", "^", "`", "[", "]",
            "%E2%80%A8", "%ED%A0%80", "%C0%AF", "~", "!$&'()*+=", "@:", "%25", "%", "x".repeat(6000), "한글", "\\", "*",
            "%2F", "..", ".", "%u0041");

    static final List<String> CONTENT_TYPES = List.of("", "text/plain", "APPLICATION/X-WWW-FORM-URLENCODED",
            "application/x-www-form-urlencoded; charset=utf-16", "multipart/form-data; boundary=x", "application/json",
            "APPLICATION/JSON", "application/json; charset=ISO-8859-1", "application/xml", ";;;", "a/b/c",
            "application/x-www-form-urlencoded, application/json");

    static final Map<String, AtomicInteger> TRIED = new ConcurrentSkipListMap<>();
    static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
    static final AtomicInteger HANGS = new AtomicInteger();
    static Fixtures.ErrorLog log;

    @BeforeAll
    static void watchLog() {
        log = new Fixtures.ErrorLog();
    }

    @AfterAll
    static void report() throws IOException {
        StringBuilder b = new StringBuilder("Hostile inputs per route:\n");
        TRIED.forEach((route, n) -> b.append(String.format("  %5d  %s%n", n.get(), route)));
        int total = TRIED.values().stream().mapToInt(AtomicInteger::get).sum();
        b.append(String.format("  %5d  in all; 5xx: %d; hangs (no answer within %d ms): %d; ERROR log lines: %d%n",
                total, SERVER_ERRORS.get(), RawHttp.DEADLINE_MS, HANGS.get(), log.errors.size()));
        System.out.print(b);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/hostile-input-summary.txt"), b.toString());
        log.close();
    }

    static final int SENDERS = 4;

    /** Requests and checks that depend on nothing another case does. */
    interface Case {
        void run() throws Exception;
    }

    /** Runs the cases {@link #SENDERS} at a time; the first failure, in the cases' order, fails the test. */
    static void inParallel(Stream<Case> cases) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> running = cases.<Future<?>>map(c -> pool.submit(() -> {
                c.run();
                return null;
            })).toList();
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) throw error;
                    throw (Exception) e.getCause();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends, counts, and checks the answer came in time without a 5xx. */
    static RawHttp.Answer hit(String route, String method, String target, List<String> headers, byte[] body) {
        RawHttp.Answer a = RawHttp.send(method, target, headers, body, false);
        TRIED.computeIfAbsent(route, k -> new AtomicInteger()).incrementAndGet();
        if (a.hung()) HANGS.incrementAndGet();
        if (a.status() >= 500) SERVER_ERRORS.incrementAndGet();
        String sent = body == null ? "" : " with " + abbreviate(new String(body, StandardCharsets.UTF_8));
        assertThat(a.hung()).as(method + " " + abbreviate(target) + sent + " answered within the deadline").isFalse();
        assertThat(a.status()).as(method + " " + abbreviate(target) + ": " + abbreviate(a.body())).isBetween(100, 499);
        assertThat(a.millis()).isLessThan(RawHttp.DEADLINE_MS);
        return a;
    }

    static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Percent-encodes as a browser would; a lone surrogate goes out as its (invalid) 3-byte form. */
    static String formEncode(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                b.append(c);
                continue;
            }
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[]{(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte x : bytes) b.append('%').append(HEX[(x >> 4) & 0xf]).append(HEX[x & 0xf]);
        }
        return b.toString();
    }

    static byte[] form(Map<String, String> fields, String csrfField) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(k).append('=').append(formEncode(v)));
        if (csrfField != null) b.append("&csrf-token=").append(formEncode(csrfField));
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static List<String> formHeaders(Fixtures.CsrfSession s, boolean admin) {
        List<String> h = new ArrayList<>(List.of("Content-Type: application/x-www-form-urlencoded", "Accept-Language: en",
                "Cookie: csrf-token=" + s.cookie()));
        if (admin) h.add(ADMIN);
        return h;
    }

    static List<String> jsonHeaders(boolean admin) {
        List<String> h = new ArrayList<>(List.of("Content-Type: application/json"));
        if (admin) h.add(ADMIN);
        return h;
    }

    static boolean hasSurrogate(String s) {
        return s.chars().anyMatch(c -> Character.isSurrogate((char) c));
    }

    /** Input that no text field may keep: control or separator characters (lone surrogates only where JSON can carry them). */
    static boolean mustRefuseText(String v, int max, boolean multiLine, boolean json) {
        if (v.length() > max) return true;
        if (!json && hasSurrogate(v)) return false; // a form cannot carry one; the server sees U+FFFD
        return PlainText.hasForbidden(v, multiLine);
    }

    static void assertClean(String what, String stored, int max) {
        if (stored == null) return;
        assertThat(PlainText.hasForbidden(stored, false)).as(what + " stored clean: " + abbreviate(stored)).isFalse();
        assertThat(stored.length()).as(what).isLessThanOrEqualTo(max);
    }

    static void assertEscaped(String value, String html) {
        if (value.contains("<script>") || value.contains("<img")) {
            assertThat(html).as("echoed markup escaped").doesNotContain(value);
        }
    }

    // Sign-up: HTML form and JSON API

    static final List<String> SIGNUP_FIELDS = List.of("name", "email", "affiliation", "role", "locale", "consent", "marketingConsent");

    static boolean signUpMustBeRefused(String field, String v, boolean json) {
        String s = v.strip();
        return switch (field) {
            case "name", "affiliation" -> s.isEmpty() || s.contains("<") || s.contains(">") || mustRefuseText(s, 100, false, json);
            case "email" -> !EmailAddress.isValid(s);
            case "role" -> !s.matches("FOUNDER|DEVELOPER|INVESTOR|STUDENT|OTHER");
            case "locale" -> !s.matches("ko|en");
            case "consent" -> json || !v.equals("true");
            case "marketingConsent" -> json;
            default -> false;
        };
    }

    @Test
    void signUpFormFields() throws Exception {
        inParallel(SIGNUP_FIELDS.stream().map(field -> () -> {
            Event event = TestEvents.create(100_000, true);
            Fixtures.CsrfSession s = Fixtures.csrf("/events/" + event.slug, false);
            for (String v : HOSTILE) {
                String email = "h-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
                Map<String, String> fields = new LinkedHashMap<>(Fixtures.person(email));
                fields.put(field, v);
                int before = TestEvents.registrations(event).size();
                RawHttp.Answer a = hit("POST /events/{slug}/registrations (form)", "POST", "/events/" + event.slug + "/registrations",
                        formHeaders(s, false), form(fields, s.field()));
                assertEscaped(v, a.body());
                int after = TestEvents.registrations(event).size();
                if (signUpMustBeRefused(field, v, false)) {
                    assertThat(a.status()).as(field + "=" + abbreviate(v)).isIn(400, 413, 415, 422);
                    assertThat(after).as("nothing stored for " + field + "=" + abbreviate(v)).isEqualTo(before);
                }
                if (a.status() == 303) checkStored(event, field.equals("email") ? v.strip() : email);
            }
        }));
    }

    @Test
    void signUpApiFields() throws Exception {
        inParallel(Stream.concat(SIGNUP_FIELDS.stream().map(field -> () -> {
            Event event = TestEvents.create(100_000, true);
            String target = "/api/events/" + event.slug + "/registrations";
            List<Object> values = new ArrayList<>(HOSTILE);
            WRONG_TYPES.forEach(t -> values.add(new Json.Raw(t)));
            for (Object v : values) {
                String email = "h-" + UUID.randomUUID().toString().substring(0, 10) + "@example.com";
                Map<String, Object> body = Json.signUp(email);
                body.put(field, v);
                int before = TestEvents.registrations(event).size();
                RawHttp.Answer a = hit("POST /api/events/{slug}/registrations", "POST", target, jsonHeaders(false),
                        Json.object(body).getBytes(StandardCharsets.UTF_8));
                int after = TestEvents.registrations(event).size();
                boolean refuse = v instanceof String str ? signUpMustBeRefused(field, str, true)
                        : !((field.equals("marketingConsent") || field.equals("consent")) && v.toString().equals("true"))
                        && !(field.equals("locale") && v.toString().equals("null"));
                if (refuse) {
                    assertThat(a.status()).as(field + "=" + abbreviate(v.toString())).isIn(400, 413);
                    if (a.status() == 400) assertThat(a.header("Content-Type")).contains("application/problem+json");
                    assertThat(after).as("nothing stored for " + field + "=" + abbreviate(v.toString())).isEqualTo(before);
                }
                if (a.status() == 202) {
                    assertThat(TestEvents.byEmail(event, field.equals("email") ? v.toString().strip() : email))
                            .as("accepted " + field + "=" + abbreviate(v.toString())).isNotNull();
                    checkStored(event, field.equals("email") ? v.toString().strip() : email);
                }
            }
        }), Stream.of(() -> {
            Event event = TestEvents.create(100_000, true);
            String target = "/api/events/" + event.slug + "/registrations";
            for (String bad : MALFORMED_JSON) {
                int before = TestEvents.registrations(event).size();
                RawHttp.Answer a = hit("POST /api/events/{slug}/registrations", "POST", target, jsonHeaders(false),
                        bad.getBytes(StandardCharsets.UTF_8));
                assertThat(a.status()).as(abbreviate(bad)).isIn(400, 413);
                assertThat(TestEvents.registrations(event)).hasSize(before);
            }
        })));
    }

    static void checkStored(Event event, String email) {
        Registration r = TestEvents.byEmail(event, email);
        assertThat(r).as("registration of " + email).isNotNull();
        assertClean("name", r.name, 100);
        assertClean("affiliation", r.affiliation, 100);
        assertThat(EmailAddress.isValid(r.email)).as("stored email " + r.email).isTrue();
    }

    @Test
    void storedValuesAreEscapedInPagesAndCsvAndMailGoesOnlyToTheRegistrant() {
        Event event = TestEvents.create(100, true);
        String name = "Kim \"the\" O'Neil & {inject:csrf.token} ${7*7} ' OR '1'='1";
        String affiliation = "=HYPERLINK(\"http://evil\") & {msg:admin_title}";
        String email = "esc-" + event.slug + "@example.com";
        Map<String, Object> body = Json.signUp(email);
        body.put("name", name);
        body.put("affiliation", affiliation);
        hit("POST /api/events/{slug}/registrations", "POST", "/api/events/" + event.slug + "/registrations", jsonHeaders(false),
                Json.object(body).getBytes(StandardCharsets.UTF_8));
        Registration r = TestEvents.byEmail(event, email);
        assertThat(r.name).isEqualTo(name);
        String page = hit("GET /admin/events/{slug}", "GET", "/admin/events/" + event.slug, List.of(ADMIN, "Accept-Language: en"), null).body();
        assertThat(page).contains("Kim &quot;the&quot; O&#39;Neil &amp; {inject:csrf.token} ${7*7}")
                .contains("=HYPERLINK(&quot;http://evil&quot;) &amp; {msg:admin_title}")
                .doesNotContain("\"the\"");
        String checkin = hit("GET /admin/checkin", "GET", "/admin/checkin?q=O%27Neil", List.of(ADMIN, "Accept-Language: en"), null).body();
        assertThat(checkin).contains("Kim &quot;the&quot; O&#39;Neil");
        String csv = hit("GET /admin/events/{slug}/attendees.csv", "GET", "/admin/events/" + event.slug + "/attendees.csv?reason=escaping",
                List.of(ADMIN), null).body();
        assertThat(csv).contains("\"Kim \"\"the\"\" O'Neil & {inject:csrf.token} ${7*7} ' OR '1'='1\"")
                .contains("\"'=HYPERLINK(\"\"http://evil\"\") & {msg:admin_title}\"");
        List<String> recipients = QuarkusTransaction.requiringNew().call(() ->
                eventdesk.mail.OutboxMessage.forOwner(r.id).stream().map(m -> m.recipient).toList());
        assertThat(recipients).isNotEmpty().allMatch(email::equalsIgnoreCase);
    }

    // Organizer: event form, event API, check-in

    static final Map<String, Integer> EVENT_TEXT = Map.of("title", 200, "titleKo", 200, "description", 4000,
            "descriptionKo", 4000, "venue", 200, "address", 300);
    static final List<String> EVENT_FIELDS = List.of("slug", "title", "titleKo", "description", "descriptionKo", "venue", "address",
            "startsAt", "endsAt", "capacity", "waitlistEnabled", "registrationOpensAt", "registrationClosesAt", "status");

    static Map<String, String> eventForm(String slug) {
        String start = Kst.input(TestClock.now().plus(Duration.ofDays(60)));
        String end = Kst.input(TestClock.now().plus(Duration.ofDays(60)).plus(Duration.ofHours(3)));
        Map<String, String> m = new LinkedHashMap<>();
        if (slug != null) m.put("slug", slug);
        m.putAll(Map.of("title", "Hostile Event", "titleKo", "행사", "description", "d", "descriptionKo", "설명", "venue", "Hall",
                "address", "Seoul", "startsAt", start, "endsAt", end, "capacity", "50"));
        m.put("waitlistEnabled", "true");
        m.put("status", "published");
        return m;
    }

    static boolean eventMustBeRefused(String field, String v, boolean json) {
        String s = v.strip();
        if (EVENT_TEXT.containsKey(field)) {
            boolean multi = field.startsWith("description");
            if ((field.equals("venue") || field.equals("address")) && s.isEmpty()) return true;
            return mustRefuseText(v, EVENT_TEXT.get(field), multi, json);
        }
        return switch (field) {
            case "slug" -> !s.matches("[a-z0-9]+(-[a-z0-9]+)*");
            case "startsAt", "endsAt", "capacity" -> true;
            case "registrationOpensAt", "registrationClosesAt" -> json || !s.isEmpty();
            case "status" -> json ? !s.matches("draft|published|cancelled") && !s.isEmpty() : !s.isEmpty() && !s.matches("draft|published|cancelled");
            case "waitlistEnabled" -> json;
            default -> false;
        };
    }

    static boolean exists(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).isPresent());
    }

    static long idOf(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Event.bySlug(slug).orElseThrow().id);
    }

    static Event load(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(id));
    }

    static void assertEventClean(Event e) {
        assertClean("title", e.title, 200);
        assertClean("titleKo", e.titleKo, 200);
        assertClean("venue", e.venue, 200);
        assertClean("address", e.address, 300);
        assertThat(PlainText.hasForbidden(e.description, true)).isFalse();
        assertThat(PlainText.hasForbidden(e.descriptionKo, true)).isFalse();
        assertThat(e.startsAt.atZone(Kst.ZONE).getYear()).isBetween(2000, 2200);
    }

    @Test
    void organizerEventFormFields() throws Exception {
        Fixtures.CsrfSession create = Fixtures.csrf("/admin/events/new", true);
        inParallel(EVENT_FIELDS.stream().map(field -> () -> {
            Event existing = TestEvents.create(10, true);
            Fixtures.CsrfSession edit = Fixtures.csrf("/admin/events/" + existing.slug + "/edit", true);
            for (String v : HOSTILE) {
                String slug = Json.newSlug();
                Map<String, String> fields = eventForm(slug);
                fields.put(field, v);
                RawHttp.Answer a = hit("POST /admin/events (form)", "POST", "/admin/events", formHeaders(create, true),
                        form(fields, create.field()));
                assertEscaped(v, a.body());
                if (eventMustBeRefused(field, v, false)) {
                    assertThat(a.status()).as(field + "=" + abbreviate(v)).isIn(400, 413, 422);
                    assertThat(exists(slug)).as("no event for " + field + "=" + abbreviate(v)).isFalse();
                }
                if (a.status() == 303 && !field.equals("slug")) assertEventClean(load(idOf(slug)));
                if (field.equals("slug")) continue;
                Map<String, String> update = eventForm(null);
                update.put(field, v);
                Event before = load(existing.id);
                RawHttp.Answer u = hit("POST /admin/events/{slug} (form)", "POST", "/admin/events/" + existing.slug,
                        formHeaders(edit, true), form(update, edit.field()));
                assertEscaped(v, u.body());
                Event after = load(existing.id);
                if (eventMustBeRefused(field, v, false)) {
                    assertThat(u.status()).as("update " + field + "=" + abbreviate(v)).isIn(400, 413, 422);
                    assertThat(after.title).isEqualTo(before.title);
                    assertThat(after.venue).isEqualTo(before.venue);
                    assertThat(after.startsAt).isEqualTo(before.startsAt);
                }
                assertEventClean(after);
            }
        }));
    }

    /** An event made through the API, as the organizer's scripts make them; its slug. */
    static String apiEvent() {
        String slug = Json.newSlug();
        hit("POST /api/admin/events", "POST", "/api/admin/events", jsonHeaders(true),
                Json.object(Json.event(slug)).getBytes(StandardCharsets.UTF_8));
        return slug;
    }

    @Test
    void organizerEventApiFields() throws Exception {
        inParallel(Stream.concat(EVENT_FIELDS.stream().map(field -> () -> {
            String existing = apiEvent();
            long id = idOf(existing);
            List<Object> values = new ArrayList<>(HOSTILE);
            WRONG_TYPES.forEach(t -> values.add(new Json.Raw(t)));
            for (Object v : values) {
                String slug = Json.newSlug();
                Map<String, Object> body = Json.event(slug);
                body.put(field, v);
                RawHttp.Answer a = hit("POST /api/admin/events", "POST", "/api/admin/events", jsonHeaders(true),
                        Json.object(body).getBytes(StandardCharsets.UTF_8));
                if (v instanceof String s && eventMustBeRefused(field, s, true)) {
                    assertThat(a.status()).as(field + "=" + abbreviate(s)).isIn(400, 413);
                    assertThat(exists(slug)).isFalse();
                }
                if (a.status() == 201) assertEventClean(load(idOf(slug)));
                if (field.equals("slug")) continue;
                Event before = load(id);
                Map<String, Object> change = new LinkedHashMap<>();
                change.put(field, v);
                RawHttp.Answer u = hit("PUT /api/admin/events/{slug}", "PUT", "/api/admin/events/" + existing, jsonHeaders(true),
                        Json.object(change).getBytes(StandardCharsets.UTF_8));
                Event after = load(id);
                if (v instanceof String s && eventMustBeRefused(field, s, true)) {
                    assertThat(u.status()).as("update " + field + "=" + abbreviate(s)).isIn(400, 413);
                    assertThat(after.title).isEqualTo(before.title);
                }
                assertEventClean(after);
            }
        }), Stream.of(() -> {
            String existing = apiEvent();
            for (String bad : MALFORMED_JSON) {
                hit("POST /api/admin/events", "POST", "/api/admin/events", jsonHeaders(true), bad.getBytes(StandardCharsets.UTF_8));
                hit("PUT /api/admin/events/{slug}", "PUT", "/api/admin/events/" + existing, jsonHeaders(true),
                        bad.getBytes(StandardCharsets.UTF_8));
            }
        })));
    }

    @Test
    void checkInAndEmailedLinkForms() throws Exception {
        Event event = TestEvents.create(10, true);
        long door = TestEvents.insert(event, "Door", "hdoor-" + event.slug + "@example.com", "A", RegistrationStatus.PENDING);
        Fixtures.CsrfSession s = Fixtures.csrf("/admin/checkin", true);
        inParallel(Stream.of("code", "event", "registration").map(field -> () -> {
            for (String v : HOSTILE) {
                Map<String, String> fields = new LinkedHashMap<>(Map.of("code", "x", "event", event.slug));
                fields.put(field, v);
                RawHttp.Answer a = hit("POST /admin/checkin (form)", "POST", "/admin/checkin", formHeaders(s, true), form(fields, s.field()));
                assertEscaped(v, a.body());
            }
        }));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>findById(door).checkedInAt)).isNull();
        Fixtures.CsrfSession pub = Fixtures.csrf("/events/" + event.slug, false);
        inParallel(ODD_PATH.stream().map(token -> () -> {
            hit("POST /confirm/{token}", "POST", "/confirm/" + token, formHeaders(pub, false), form(Map.of(), pub.field()));
            hit("POST /manage/{token}/cancel", "POST", "/manage/" + token + "/cancel", formHeaders(pub, false), form(Map.of(), pub.field()));
        }));
    }

    // Every route: odd characters in paths and queries

    @Test
    void oddUrlCharactersOnEveryRoute() throws Exception {
        Event event = TestEvents.create(10, true);
        List<String> routes = List.of("/{x}", "/events/{x}", "/events/{x}/thanks", "/events/" + event.slug + "/thanks?position={x}",
                "/events/{x}/registrations", "/confirm/{x}", "/manage/{x}", "/manage/{x}/event.ics", "/api/events/{x}",
                "/api/events?{x}", "/?lang={x}", "/events/" + event.slug + "?lang={x}", "/admin/login?error={x}", "/admin/{x}",
                "/admin/events/{x}", "/admin/events/{x}/edit", "/admin/events/{x}/attendees.csv",
                "/admin/events/" + event.slug + "/attendees.csv?status={x}",
                "/admin/events/" + event.slug + "/attendees.csv?status={x}&ticketType={x}&reason={x}",
                "/admin/events/" + event.slug + "?q={x}&status={x}&page={x}",
                "/admin/events/" + event.slug + "?done={x}", "/admin/checkin?q={x}&event={x}", "/admin/checkin/{x}",
                "/api/admin/events/{x}/registrations", "/q/health/{x}", "/q/openapi?{x}", "/style.css?{x}");
        inParallel(routes.stream().map(route -> () -> {
            for (boolean admin : new boolean[]{false, true}) {
                if (admin && !route.startsWith("/admin") && !route.startsWith("/api/admin")) continue;
                for (String x : ODD_PATH) {
                    List<String> headers = admin ? List.of(ADMIN) : List.of();
                    RawHttp.Answer a = hit("GET " + route + (admin ? " (organizer)" : ""), "GET", route.replace("{x}", x), headers, null);
                    assertThat(a.headers()).doesNotContainKey("x-injected");
                    assertThat(a.body()).doesNotContain("<script>alert(1)</script>");
                }
            }
        }));
    }

    // Every POST route: content types and body sizes

    @Test
    void wrongContentTypesAndOversizedBodiesOnEveryPostRoute() throws Exception {
        Event event = TestEvents.create(10, true);
        long reg = TestEvents.insert(event, "Ct", "ct-" + event.slug + "@example.com", "A", RegistrationStatus.CONFIRMED);
        List<String[]> posts = List.of(
                new String[]{"POST", "/events/" + event.slug + "/registrations", ""},
                new String[]{"POST", "/confirm/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ""},
                new String[]{"POST", "/manage/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/cancel", ""},
                new String[]{"POST", "/admin/events", ADMIN}, new String[]{"POST", "/admin/events/" + event.slug, ADMIN},
                new String[]{"POST", "/admin/registrations/" + reg + "/cancel", ADMIN},
                new String[]{"POST", "/admin/registrations/" + reg + "/resend", ADMIN}, new String[]{"POST", "/admin/checkin", ADMIN},
                new String[]{"POST", "/admin/logout", ADMIN}, new String[]{"POST", "/j_security_check", ""},
                new String[]{"POST", "/api/events/" + event.slug + "/registrations", ""},
                new String[]{"POST", "/api/admin/events", ADMIN}, new String[]{"PUT", "/api/admin/events/" + event.slug, ADMIN});
        byte[] small = Json.object(Json.signUp("ct-body@example.com")).getBytes(StandardCharsets.UTF_8);
        byte[] big = ("{\"name\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.US_ASCII);
        inParallel(posts.stream().map(p -> () -> {
            String route = p[0] + " " + p[1].replaceAll("test-[0-9a-f-]+", "{slug}").replaceAll("/\\d+/", "/{id}/") + " (types, sizes)";
            for (String type : CONTENT_TYPES) {
                List<String> headers = new ArrayList<>();
                if (!type.isEmpty()) headers.add("Content-Type: " + type);
                if (!p[2].isEmpty()) headers.add(p[2]);
                hit(route, p[0], p[1], headers, small);
                hit(route, p[0], p[1], headers, big);
                RawHttp.Answer chunked = RawHttp.send(p[0], p[1], headers, big, true);
                TRIED.get(route).incrementAndGet();
                assertThat(chunked.hung()).isFalse();
                assertThat(chunked.status()).as(route + " chunked " + type).isBetween(100, 499);
            }
        }));
        assertThat(Fixtures.status(reg)).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void zzNothingWasLoggedAsAnError() {
        assertThat(log.messages()).as("ERROR log lines during the hostile suite").isEmpty();
    }
}
