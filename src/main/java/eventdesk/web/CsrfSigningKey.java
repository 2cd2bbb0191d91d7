package eventdesk.web;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Makes the CSRF cookie a signed value: {@code quarkus.rest-csrf.token-signature-key}, unless set
 * explicitly, is derived from {@code quarkus.http.auth.session.encryption-key} (so every instance
 * that shares the login key also accepts each other's forms), or is random per process when that is
 * not set either. With a key the cookie holds HMAC-SHA256(token) and the form field the token, so
 * a cookie and field an attacker chose to be equal no longer pass.
 */
public class CsrfSigningKey implements ConfigSourceFactory {

    static final String KEY = "quarkus.rest-csrf.token-signature-key";
    static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue explicit = context.getValue(KEY);
        if (explicit != null && explicit.getValue() != null && !explicit.getValue().isBlank()) return List.of();
        ConfigValue session = context.getValue(SESSION_KEY);
        String key = session != null && session.getValue() != null && !session.getValue().isBlank()
                ? derive(session.getValue()) : random();
        // ordinal below application.properties (250): an explicit setting anywhere wins
        return List.of(new PropertiesConfigSource(Map.of(KEY, key), "eventdesk-csrf-signing-key", 120));
    }

    static String derive(String sessionKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("eventdesk CSRF token signature".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
