package eventdesk.web;

import io.quarkus.qute.TemplateInstance;

import java.util.Optional;

/**
 * A feature's forms, shown again after an {@link InvalidInput} of that feature: with what was typed,
 * each error next to its field in the visitor's language. {@link InvalidInputs} asks every FormPage.
 */
public interface FormPage {

    /** The page with the refused form, or empty when {@code refused} is not one of this feature's forms. */
    Optional<TemplateInstance> formAgain(InvalidInput refused);
}
