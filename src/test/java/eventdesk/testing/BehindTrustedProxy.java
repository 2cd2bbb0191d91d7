package eventdesk.testing;

import eventdesk.web.EventdeskConfig;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.config.WithDefault;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * The app as shipped behind a reverse proxy: every sign-up limit at its default (the test profile turns
 * them off for all other tests, which sign many people up from one address), a second factor required of
 * every organizer signing in by the form (the test profile leaves it optional), and this test client trusted
 * as the proxy, with the proxy settings of docs/security.md, so it speaks for any client address through
 * X-Forwarded-For. One profile for every test that needs either, so they share one start of the app.
 */
public class BehindTrustedProxy implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> settings = new HashMap<>(Map.of(
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
                "eventdesk.admin.require-2fa", "true"));
        for (Method limit : EventdeskConfig.RateLimit.class.getDeclaredMethods()) {
            WithDefault shipped = limit.getAnnotation(WithDefault.class);
            String key = "eventdesk.rate-limit." + limit.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            if (shipped != null) settings.put(key, shipped.value());
        }
        return settings;
    }
}
