package securechat.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a student should read again when this test fails: shown in the score report in place of the
 * test's own code, which for a hidden test the student never sees. Name the rule, not the answer
 * ("RFC 5869 §2.2: no salt means HashLen zero bytes", not "use new byte[32]").
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Hint {
  /** One or two sentences. */
  String value();
}
