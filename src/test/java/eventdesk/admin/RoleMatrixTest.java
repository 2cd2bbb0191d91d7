package eventdesk.admin;

import eventdesk.event.Event;
import eventdesk.registration.Registration;
import eventdesk.team.Account;
import eventdesk.team.ApiToken;
import eventdesk.team.BeforeSignIn;
import eventdesk.team.Needs;
import eventdesk.team.Role;
import eventdesk.testing.TestClock;
import eventdesk.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix, generated from the application's own list of organizer routes: every route under
 * /admin and /api/admin declares its rule, and every route × OWNER / MANAGER / DOOR × its event in or out of
 * the caller's scope is answered as the declaration says: 403 and nothing changed when the role or the event
 * does not fit, never 401 or 403 when it does. Pages are asked with the sign-in cookie, the API with an API
 * token; a token never opens a page and the cookie never opens the API.
 */
@QuarkusTest
class RoleMatrixTest {

    /** One organizer route as the application declares it. */
    record Route(String verb, String template, Method method, Class<?> type) {
        Needs needs() {
            return RouteGuard.declared(method, type, Needs.class);
        }

        boolean beforeSignIn() {
            return RouteGuard.declared(method, type, BeforeSignIn.class) != null;
        }

        boolean api() {
            return template.startsWith("/api/");
        }

        @Override
        public String toString() {
            return verb + " " + template;
        }
    }

    /** Who asks: a role given one event (an OWNER has all), with a signed-in cookie and an API token. */
    record Caller(Role role, String cookie, String token) {
    }

    @Inject
    EntityManager em;

    static List<Route> organizerRoutes() throws IOException {
        List<Route> routes = new ArrayList<>();
        java.nio.file.Path classes = Paths.get("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("eventdesk"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, RoleMatrixTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                Path base = type.getAnnotation(Path.class);
                if (base == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) continue;
                for (Method m : type.getDeclaredMethods()) {
                    String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                            : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                    if (verb == null) continue;
                    Path sub = m.getAnnotation(Path.class);
                    String template = ("/" + base.value() + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/");
                    if (template.length() > 1 && template.endsWith("/")) template = template.substring(0, template.length() - 1);
                    if (RouteGuard.organizer(template)) routes.add(new Route(verb, template, m, type));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::toString));
        return routes;
    }

    @Test
    void everyOrganizerRouteDeclaresItsRule() throws IOException {
        List<Route> routes = organizerRoutes();
        assertThat(routes).as("organizer routes found").hasSizeGreaterThan(40);
        assertThat(routes.stream().map(Route::toString)).as("adding people by hand and mailing codes are in the matrix")
                .contains("GET /admin/events/{slug}/guests", "POST /admin/events/{slug}/guests", "GET /admin/events/{slug}/import",
                        "POST /admin/events/{slug}/import", "POST /admin/events/{slug}/import/confirm",
                        "POST /api/admin/events/{slug}/registrations", "POST /api/admin/events/{slug}/codes");
        assertThat(routes.stream().filter(r -> r.needs() == null && !r.beforeSignIn()).map(Route::toString))
                .as("routes that declare neither the role they need nor that they come before sign-in").isEmpty();
        assertThat(routes.stream().filter(r -> r.needs() != null && r.beforeSignIn()).map(Route::toString))
                .as("routes that declare both").isEmpty();
    }

    @Test
    void everyRoleIsAnsweredAsItsRouteDeclaresAndARefusalChangesNothing() throws IOException {
        Event mine = TestEvents.named(TestEvents.create(10, true));
        Event other = TestEvents.named(TestEvents.create(10, true));
        Map<String, Long> registrations = Map.of(mine.slug, signUp(mine), other.slug, signUp(other));
        List<Caller> callers = List.of(caller(Role.OWNER, null), caller(Role.MANAGER, Set.of(mine.slug)), caller(Role.DOOR, Set.of(mine.slug)));
        long spareAccount = Organizers.create(Role.DOOR, null, false).id;
        long spareToken = QuarkusTransaction.requiringNew().call(() -> ApiToken.issue("spare", Role.DOOR, null, null, null, TestClock.now()).token().id);

        record Ask(Route route, Caller caller, boolean inScope, String url, boolean allowed) {
        }
        List<Ask> asks = new ArrayList<>();
        for (Route route : organizerRoutes()) {
            if (route.beforeSignIn()) continue;
            for (Caller caller : callers) {
                for (boolean inScope : new boolean[]{true, false}) {
                    String slug = inScope ? mine.slug : other.slug;
                    String url = route.template().replace("{slug}", slug).replace("{key}", "no-such-question")
                            .replace("{code}", "no-such-code").replace("{token}", "no-such-token")
                            .replace("{id}", String.valueOf(idFor(route, registrations.get(slug), spareAccount, spareToken)));
                    asks.add(new Ask(route, caller, inScope, url, expected(route, caller.role(), inScope)));
                }
            }
        }
        assertThat(asks.stream().filter(a -> !a.allowed())).as("the matrix refuses something").isNotEmpty();
        System.out.printf("role matrix: %d routes with a role x %d callers x 2 scopes = %d requests, %d of them refused%n",
                asks.size() / (callers.size() * 2), callers.size(), asks.size(), asks.stream().filter(a -> !a.allowed()).count());

        String before = snapshot(mine, other, spareAccount);
        List<String> wrong = new ArrayList<>();
        for (Ask a : asks.stream().filter(a -> !a.allowed()).toList()) {
            int status = send(a.route(), a.caller(), a.url());
            if (status != 403) wrong.add(a.route() + " as " + a.caller().role() + (a.inScope() ? " (its event)" : " (another event)") + ": " + status + ", expected 403");
        }
        assertThat(snapshot(mine, other, spareAccount)).as("what the refused requests left").isEqualTo(before);

        // Allowed ones last (they may change things); signing out last of all, as it ends the session.
        List<Ask> allowed = new ArrayList<>(asks.stream().filter(Ask::allowed).toList());
        allowed.sort(Comparator.comparing(a -> a.route().template().endsWith("/logout")));
        for (Ask a : allowed) {
            int status = send(a.route(), a.caller(), a.url());
            if (status == 401 || status == 403) wrong.add(a.route() + " as " + a.caller().role() + ": " + status + ", expected it to be let through");
        }
        assertThat(wrong).as("answers unlike the declarations (%d asks)", asks.size()).isEmpty();
    }

    @Test
    void aTokenNeverOpensAPageAndTheCookieNeverOpensTheApi() {
        Caller owner = caller(Role.OWNER, null);
        given().redirects().follow(false).header("Authorization", "Bearer " + owner.token()).get("/admin")
                .then().statusCode(org.hamcrest.Matchers.oneOf(401, 403));
        given().redirects().follow(false).cookie("quarkus-credential", owner.cookie()).get("/api/admin/members")
                .then().statusCode(401);
        given().redirects().follow(false).cookie("quarkus-credential", owner.cookie()).get("/admin").then().statusCode(200);
        given().header("Authorization", "Bearer " + owner.token()).get("/api/admin/members").then().statusCode(200);
    }

    /** What the declaration says: the role must include the needed one, and the event be one of the caller's. */
    static boolean expected(Route route, Role role, boolean inScope) {
        Needs needs = route.needs();
        if (!role.includes(needs.value())) return false;
        boolean allEvents = role == Role.OWNER;
        return switch (needs.event()) {
            case SLUG -> allEvents || inScope || !route.template().contains("{slug}");
            case REGISTRATION -> allEvents || inScope;
            case NEW -> allEvents;
            case NONE -> true;
        };
    }

    private static long idFor(Route route, long registration, long account, long token) {
        if (route.template().contains("/members/")) return account;
        if (route.template().contains("/tokens/")) return token;
        if (route.template().contains("/registrations/{id}")) return registration;
        return 999_999_999L;
    }

    private static int send(Route route, Caller caller, String url) {
        RequestSpecification r = given().redirects().follow(false).header("Accept-Language", "en");
        r = route.api() ? r.header("Authorization", "Bearer " + caller.token()).contentType("application/json").body("{}")
                : multipart(route) ? r.cookie("quarkus-credential", caller.cookie()).multiPart("x", "y")
                : r.cookie("quarkus-credential", caller.cookie()).contentType("application/x-www-form-urlencoded").formParam("x", "y");
        if (route.verb().equals("GET") || route.verb().equals("DELETE")) {
            r = given().redirects().follow(false).header("Accept-Language", "en");
            r = route.api() ? r.header("Authorization", "Bearer " + caller.token()) : r.cookie("quarkus-credential", caller.cookie());
        }
        return r.request(route.verb(), url).statusCode();
    }

    /** A page route that takes a file (the list import's upload): it is sent as multipart/form-data, as a browser sends it. */
    private static boolean multipart(Route route) {
        Consumes consumes = route.method().getAnnotation(Consumes.class);
        return consumes != null && List.of(consumes.value()).contains(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA);
    }

    private Caller caller(Role role, Set<String> events) {
        Account account = Organizers.create(role, events, false);
        String cookie = Organizers.password(account.email, Organizers.PASSWORD).getCookie("quarkus-credential");
        assertThat(cookie).as("signed in as " + role).isNotNull();
        String token = QuarkusTransaction.requiringNew().call(() -> ApiToken.issue("matrix " + role, role, events, null, null, TestClock.now()).secret());
        return new Caller(role, cookie, token);
    }

    private static long signUp(Event event) {
        String email = "matrix-" + java.util.UUID.randomUUID() + "@example.com";
        given().contentType("application/json").body(Map.of("name", "Matrix Person", "email", email, "affiliation", "KAIST",
                "role", "STUDENT", "locale", "en", "consent", true)).post("/api/events/" + event.slug + "/registrations").then().statusCode(202);
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>find("email", email).firstResult().id);
    }

    /** What a refused request must not change: the two events and their people, codes, questions, messages and mail, the team. */
    private String snapshot(Event mine, Event other, long spareAccount) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder s = new StringBuilder();
            for (String sql : List.of(
                    "select * from event where slug in (?1, ?2) order by id",
                    "select r.* from registration r join event e on e.id = r.event_id where e.slug in (?1, ?2) order by r.id",
                    "select q.* from question q join event e on e.id = q.event_id where e.slug in (?1, ?2) order by q.id",
                    "select c.* from invitation_code c join event e on e.id = c.event_id where e.slug in (?1, ?2) order by c.id",
                    "select count(*) from group_message",
                    "select count(*) from outbox_message",
                    "select count(*) from event",
                    "select id, email, role, status, all_events, totp_secret from account order by id",
                    "select id, role, all_events, revoked_at from api_token order by id",
                    "select count(*) from invitation")) {
                var q = em.createNativeQuery(sql);
                if (sql.contains("?1")) q.setParameter(1, mine.slug).setParameter(2, other.slug);
                for (Object row : q.getResultList()) s.append(row instanceof Object[] a ? java.util.Arrays.deepToString(a) : String.valueOf(row)).append('\n');
            }
            return s.toString();
        });
    }
}
