package eventdesk.registration;

import eventdesk.web.EventdeskConfig;
import eventdesk.web.Msg;
import eventdesk.web.Secrets;
import io.quarkus.logging.Log;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The notice a person agrees to when signing up (PIPA Art. 15 and 22): the purpose, the items, how long
 * they are kept ({@code eventdesk.retention}), the right to refuse and that refusing means no
 * registration; then, separately, the optional consent to news by email with its own short text. The
 * sign-up page shows it in the page's language; the API describes both languages.
 *
 * <p>Its version is the SHA-256 (hex) of {@link #document()}: the Korean and then the English text, line
 * by line as the page shows them, the retention filled in. So one version names one wording in both
 * languages, whichever language the person read and whether they signed up on the page or through the
 * API. Each registration stores the version it was made under; {@code src/main/resources/consent/<version>.txt}
 * keeps the text of every version the shipped settings produce ({@code ConsentOnRecordTest} writes the file
 * for a new wording and fails until it is committed). A deployment that sets another retention makes a
 * text of its own: it is logged with its version at start, to be kept with that deployment's records.
 */
@ApplicationScoped
public class ConsentNotice {

    /** Where the repository keeps each version's text, on the classpath: {@code consent/<version>.txt}. */
    public static final String FOLDER = "consent/";

    @Inject
    EventdeskConfig config;

    /** The notice in one language, each line as the sign-up page shows it. */
    public record Text(String title, String purpose, String items, String retention, String refuse, String agree,
                       String marketingTitle, String marketingTerms, String marketingAgree) {

        List<String> lines() {
            return List.of(title, purpose, items, retention, refuse, agree, marketingTitle, marketingTerms, marketingAgree);
        }
    }

    private volatile Versioned current;

    record Versioned(Text ko, Text en, String document, String version) {
    }

    public Text in(Locale locale) {
        return "en".equals(locale.getLanguage()) ? versioned().en() : versioned().ko();
    }

    /** The text the version is the hash of: Korean, then English, one line per sentence shown, ending in a newline. */
    public String document() {
        return versioned().document();
    }

    /** SHA-256 (hex) of {@link #document()}: what a registration stores as its consent version. */
    public String version() {
        return versioned().version();
    }

    private Versioned versioned() {
        Versioned v = current;
        if (v == null) current = v = make(config.retention());
        return v;
    }

    static Versioned make(Duration retention) {
        Text ko = text("ko", retention), en = text("en", retention);
        String document = document(ko, en);
        return new Versioned(ko, en, document, Secrets.sha256Hex(document));
    }

    static String document(Text ko, Text en) {
        StringBuilder b = new StringBuilder();
        for (Text t : List.of(ko, en)) {
            if (!b.isEmpty()) b.append('\n');
            for (String line : t.lines()) b.append(line).append('\n');
        }
        return b.toString();
    }

    private static Text text(String language, Duration retention) {
        Msg msg = MessageBundles.get(Msg.class, Localized.Literal.of(language));
        return new Text(msg.consent_title(), msg.consent_purpose(), msg.consent_items(),
                msg.consent_retention(period(retention, msg)), msg.consent_refuse(), msg.consent_label(),
                msg.marketing_title(), msg.marketing_terms(), msg.marketing_label());
    }

    /** A retention as people say it: whole years, else whole days, else hours. */
    static String period(Duration retention, Msg msg) {
        long days = retention.toDays();
        if (days > 0 && retention.equals(Duration.ofDays(days))) {
            if (days % 365 == 0) return days == 365 ? msg.consent_period_year() : msg.consent_period_years(days / 365);
            return msg.consent_period_days(days);
        }
        return msg.consent_period_hours(Math.max(1, (retention.toMinutes() + 59) / 60));
    }

    /** A version the repository does not keep (another retention than the shipped one) is logged whole, once, at start. */
    void checkKept(@Observes StartupEvent start) {
        String version = version();
        if (Thread.currentThread().getContextClassLoader().getResource(FOLDER + version + ".txt") == null) {
            Log.warnf("The sign-up consent notice in force (version %s, retention %s) is not among the texts kept in %s;"
                    + " keep this text with your records, registrations store its version:%n%s", version, config.retention(), FOLDER, document());
        }
    }
}
