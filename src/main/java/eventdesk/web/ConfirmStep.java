package eventdesk.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/**
 * The confirm step of an irreversible action: what will happen and to whom, and a button that posts
 * the same form again with {@code confirmed=true}. Nothing changes until that second POST.
 */
public record ConfirmStep(String question, String consequence, List<String> people, String action,
                          List<Hidden> fields, String button, String back) {

    /** A form field the confirm step posts again as it came. */
    public record Hidden(String name, String value) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(ConfirmStep step, boolean organizer);
    }

    /** The page that asks (to be rendered in the organizer's language, {@link Lang#page}). */
    public TemplateInstance page() {
        return Templates.page(this, true);
    }

    /** The same page for a visitor (a person acting on their own data): without the organizer's menu. */
    public TemplateInstance publicPage() {
        return Templates.page(this, false);
    }
}
