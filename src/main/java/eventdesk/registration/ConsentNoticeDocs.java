package eventdesk.registration;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Locale;

/**
 * The API description (/q/openapi) states the sign-up notice in force, both languages, with the
 * retention this instance is configured with and the version a sign-up through the API is recorded
 * under: a partner's form shows the person exactly what they agree to.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ConsentNoticeDocs implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) return;
        Schema signUp = openAPI.getComponents().getSchemas().get(SignUp.class.getSimpleName());
        if (signUp == null || signUp.getProperties() == null) return;
        ConsentNotice notice = Arc.container().instance(ConsentNotice.class).get();
        ConsentNotice.Text ko = notice.in(Locale.KOREAN), en = notice.in(Locale.ENGLISH);
        describe(signUp, "consent", "Must be true: the person agrees to the sign-up notice below, which your form shows"
                + " them (in their language). The registration records the time and the notice's version " + notice.version()
                + " (SHA-256 of the text below).\n\n" + required(en) + "\n\n" + required(ko));
        describe(signUp, "marketingConsent", "Optional, false unless the person ticks a separate, unticked box with this"
                + " text:\n\n" + marketing(en) + "\n\n" + marketing(ko));
    }

    private static void describe(Schema schema, String property, String description) {
        Schema p = schema.getProperties().get(property);
        if (p != null) p.setDescription(description);
    }

    private static String required(ConsentNotice.Text t) {
        return String.join("\n", t.title(), "- " + t.purpose(), "- " + t.items(), "- " + t.retention(), "- " + t.refuse(),
                "[ ] " + t.agree());
    }

    private static String marketing(ConsentNotice.Text t) {
        return String.join("\n", t.marketingTitle(), t.marketingTerms(), "[ ] " + t.marketingAgree());
    }
}
