package eventdesk.web;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The production jar refuses to start, with one line that says what to set, without what it cannot
 * run safely without: the organizer account (a guessable default would open the attendee list), the
 * base URL of emailed links (a default would send every confirm link to a host nobody reaches, and
 * unconfirmed seats would expire) and the session key (without one Quarkus makes up a key per
 * process and logs it; sessions and forms then break across restarts and instances). Dev mode and
 * tests bring their own values.
 */
@ApplicationScoped
public class ProductionSettings {

    static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";
    static final int MIN_KEY_LENGTH = 32;

    @Inject
    EventdeskConfig config;

    void refuseToStartWithoutThem(@Observes StartupEvent start) {
        if (LaunchMode.current() != LaunchMode.NORMAL) return;
        List<String> missing = missing(config, ConfigProvider.getConfig().getOptionalValue(SESSION_KEY, String.class));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("eventdesk refuses to start: " + String.join("; ", missing) + ".");
        }
    }

    /** What a production start lacks, each as the sentence that says what to set; empty when nothing. */
    static List<String> missing(EventdeskConfig config, Optional<String> sessionKey) {
        List<String> missing = new ArrayList<>();
        if (blank(config.admin().username()) || blank(config.admin().password())) {
            missing.add("no organizer account, set EVENTDESK_ADMIN_USERNAME and EVENTDESK_ADMIN_PASSWORD");
        }
        if (blank(config.configuredBaseUrl())) {
            missing.add("no address for emailed links, set EVENTDESK_BASE_URL to the address people open "
                    + "(e.g. https://events.example.com)");
        } else if (!absoluteWebAddress(config.baseUrl())) {
            missing.add("EVENTDESK_BASE_URL must be an absolute http(s) address such as https://events.example.com");
        }
        if (sessionKey.map(String::strip).orElse("").length() < MIN_KEY_LENGTH) {
            missing.add("no session key, set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY to a random secret of "
                    + MIN_KEY_LENGTH + " or more characters, the same on every instance (e.g. from: openssl rand -base64 32)");
        }
        return missing;
    }

    static boolean absoluteWebAddress(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isEmpty();
    }
}
