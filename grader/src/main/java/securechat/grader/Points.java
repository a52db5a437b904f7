package securechat.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many points a test of an assignment is worth; a test without it is worth one. A test earns
 * its points only when it passes as a whole, every case of a parameterized test included.
 *
 * <pre>{@code
 * @Test
 * @Points(3)
 * @Hint("Fernet spec, Verifying: check the HMAC before you decrypt anything")
 * void tokenWithAFlippedBitIsRejected() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
  /** The points, at least zero; halves are fine. */
  double value();
}
