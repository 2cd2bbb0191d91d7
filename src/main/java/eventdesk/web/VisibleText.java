package eventdesk.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A required text that has a character that shows ({@link PlainText#hasVisible}): one made only of
 * invisible characters counts as not filled in. Null passes (pair it with {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = VisibleText.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface VisibleText {

    String message() default "required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<VisibleText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || PlainText.hasVisible(value);
        }
    }
}
