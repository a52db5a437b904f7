package securechat.grader.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import securechat.grader.grade.Outcome.Failure;
import securechat.grader.grade.Outcome.Frame;
import securechat.grader.grade.Outcome.Verdict;

class ExplanationTest {
  private static final Frame STUDENT = new Frame("p.Fernet", "decrypt", "Fernet.java", 42);
  private static final Frame TEST =
      new Frame("p.FernetHiddenTest", "flips", "FernetHiddenTest.java", 7);
  private static final Frame JDK = new Frame("javax.crypto.Cipher", "doFinal", "Cipher.java", 1);

  private final Explanation explanation = new Explanation(Set.of("p.Fernet"));

  private static PlannedTest test(boolean hidden) {
    return new PlannedTest("p.FernetTest#t", "a token", 2, "Fernet spec, Verifying", hidden);
  }

  private String explain(boolean hidden, Verdict verdict, Failure failure) {
    return explanation.of(test(hidden), new Outcome(verdict, List.of(failure), "", ""));
  }

  @Test
  void aHiddenAssertionShowsNeitherItsMessageNorItsCode() {
    Failure failure =
        new Failure(
            "",
            "org.opentest4j.AssertionFailedError",
            "expected: <gAAAAAB…> but was: <x>",
            List.of(TEST));
    assertThat(explain(true, Verdict.FAILED, failure))
        .isEqualTo("a hidden check failed\nhint: Fernet spec, Verifying");
  }

  @Test
  void anExceptionTheStudentsCodeThrewIsShownWithTheirFramesOnly() {
    Failure failure =
        new Failure(
            "", "java.lang.IllegalStateException", "bad state", List.of(JDK, STUDENT, TEST));
    assertThat(explain(true, Verdict.FAILED, failure))
        .isEqualTo(
            "your code threw IllegalStateException: bad state\n"
                + "  at p.Fernet.decrypt(Fernet.java:42)\n"
                + "hint: Fernet spec, Verifying");
  }

  @Test
  void theStartersStubIsNamedEvenInsideAHiddenAssertion() {
    Failure failure =
        new Failure(
            "",
            "java.lang.AssertionError",
            "Expecting a RecordException but was:\n  java.lang.UnsupportedOperationException: not implemented yet: Fernet.decrypt (see README.md)",
            List.of(TEST));
    assertThat(explain(true, Verdict.FAILED, failure))
        .startsWith(
            "a hidden check failed: your code still says \"not implemented yet: Fernet.decrypt (see README.md)\"");
  }

  @Test
  void aPublicFailureShowsItsMessageWithoutTheQuotedStack() {
    Failure failure =
        new Failure(
            "[1] empty",
            "org.opentest4j.AssertionFailedError",
            "expected: 1\n\tat p.FernetTest.t(FernetTest.java:3)\n...(9 remaining lines not displayed)\nbut was: 2",
            List.of(TEST));
    assertThat(explain(false, Verdict.FAILED, failure))
        .isEqualTo("[1] empty: expected: 1\n  but was: 2\nhint: Fernet spec, Verifying");
  }

  @Test
  void anExitSaysWhoCalledIt() {
    Failure caller = new Failure("", "System.exit", "", List.of(JDK, STUDENT, TEST));
    Outcome outcome = new Outcome(Verdict.EXITED, List.of(caller), "", "System.exit(3) was called");
    assertThat(explanation.of(test(false), outcome))
        .isEqualTo(
            "System.exit(3) was called\n  called from p.Fernet.decrypt(Fernet.java:42)\nhint: Fernet spec, Verifying");
  }

  @Test
  void aPassSaysNothing() {
    assertThat(explanation.of(test(true), Outcome.passed(""))).isEmpty();
  }
}
