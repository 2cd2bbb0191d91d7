package eventdesk.team;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An organizer route that is reached before anybody is signed in: the sign-in pages, the second step, the
 * invitation link. It needs no role ({@link Needs} is the rule for every other organizer route).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BeforeSignIn {
}
