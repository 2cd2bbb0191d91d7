package eventdesk.web;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where emailed links point, as application.properties sets it: dev mode at the port it serves (so
 * /dev/mail's links work on any port), tests at the address they read links with, and production at
 * nothing unless EVENTDESK_BASE_URL says (it then refuses to start, see {@link ProductionSettings}).
 */
class BaseUrlConfigTest {

    static Optional<String> baseUrl(String profile, Map<String, String> given) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withProfile(profile)
                .withSources(new PropertiesConfigSource(BaseUrlConfigTest.class.getResource("/application.properties"), 250))
                .withSources(new PropertiesConfigSource(given, "started with", 400))
                .build();
        return config.getOptionalValue("eventdesk.base-url", String.class);
    }

    @Test
    void devModeLinksToThePortItServes() throws IOException {
        assertThat(baseUrl("dev", Map.of("quarkus.http.port", "18088"))).contains("http://localhost:18088");
        assertThat(baseUrl("dev", Map.of())).contains("http://localhost:8080");
        assertThat(baseUrl("dev", Map.of("eventdesk.base-url", "https://events.example.com")))
                .contains("https://events.example.com");
    }

    @Test
    void productionHasNoDefaultAddressForLinks() throws IOException {
        assertThat(baseUrl("prod", Map.of())).isEmpty();
        assertThat(baseUrl("postgres", Map.of())).isEmpty();
        assertThat(baseUrl("prod", Map.of("eventdesk.base-url", "https://events.example.com")))
                .contains("https://events.example.com");
    }

    @Test
    void onlyAnAbsoluteWebAddressWillDo() {
        assertThat(ProductionSettings.absoluteWebAddress("https://events.example.com")).isTrue();
        assertThat(ProductionSettings.absoluteWebAddress("http://10.0.0.5:8080/eventdesk")).isTrue();
        assertThat(ProductionSettings.absoluteWebAddress("events.example.com")).isFalse();
        assertThat(ProductionSettings.absoluteWebAddress("ftp://events.example.com")).isFalse();
        assertThat(ProductionSettings.absoluteWebAddress("https://")).isFalse();
        assertThat(ProductionSettings.absoluteWebAddress("https://x.example.com/?a=b")).isFalse();
    }
}
