package eventdesk.security;

import eventdesk.event.Event;
import eventdesk.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each route gets the Content-Security-Policy it can work under: the app's pages, API and assets the
 * strict one (nothing inline); Swagger UI its inline start-up script and styles; the dev mailbox
 * (a dev-mode route, absent here, but its answers carry the policy all the same) a mail's inline
 * styles and images and no script at all.
 */
@QuarkusTest
class ContentSecurityPolicyTest {

    static final String STRICT = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static String policy(String path) {
        List<String> all = given().redirects().follow(false).get(path).headers().getValues("Content-Security-Policy");
        assertThat(all).as("one policy on " + path).hasSize(1);
        return all.get(0);
    }

    @Test
    void theAppKeepsItsStrictPolicy() {
        Event event = TestEvents.create(5, true);
        for (String path : List.of("/", "/events/" + event.slug, "/admin/login", "/admin", "/api/events", "/style.css",
                "/no-such-page", "/q/openapi")) {
            assertThat(policy(path)).as(path).isEqualTo(STRICT);
        }
    }

    @Test
    void swaggerUiMayRunItsInlineStartUpScript() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        String policy = policy("/q/swagger-ui/");
        assertThat(directive(policy, "script-src")).contains("'self'", "'unsafe-inline'");
        assertThat(directive(policy, "style-src")).contains("'self'", "'unsafe-inline'");
        assertThat(directive(policy, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe-eval").doesNotContain("*");
    }

    @Test
    void theDevMailboxShowsAMailsStylesAndImagesButRunsNoScript() {
        for (String path : List.of("/dev/mail", "/dev/mail/1")) {
            String policy = policy(path);
            assertThat(directive(policy, "default-src")).as(path).isEqualTo("default-src 'none'");
            assertThat(directive(policy, "style-src")).contains("'unsafe-inline'");
            assertThat(directive(policy, "img-src")).contains("data:");
            assertThat(directive(policy, "script-src")).as("no script-src: default-src 'none' forbids scripts").isEmpty();
            assertThat(directive(policy, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
        }
    }

    static String directive(String policy, String name) {
        for (String d : policy.split(";")) if (d.strip().startsWith(name + " ")) return d.strip();
        return "";
    }
}
