package securechat.grader.markers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CutterTest {
  @Test
  void aRegionEndingAMethodBodyBecomesAThrowNamingTheMethod() throws Exception {
    String released =
        release(
            """
            package p;

            final class Fernet {
              String encrypt(byte[] plaintext) {
                byte[] key = new byte[16];
                // BEGIN SOLUTION
                return new String(plaintext);
                // END SOLUTION
              }
            }
            """);
    assertThat(released)
        .contains("    byte[] key = new byte[16];\n")
        .contains(
            "    throw new UnsupportedOperationException(\"not implemented yet: Fernet.encrypt"
                + " (see README.md)\");\n  }")
        .doesNotContain("new String(plaintext)")
        .doesNotContain("SOLUTION");
  }

  @Test
  void aConstructorIsNamedAsOne() throws Exception {
    String released =
        release(
            "class K {\n  final int n;\n  K() {\n    // BEGIN SOLUTION\n    n = 1;\n"
                + "    // END SOLUTION\n  }\n}\n");
    assertThat(released).contains("not implemented yet: K constructor (see README.md)");
  }

  @Test
  void aRegionInTheClassBodyIsRemoved() throws Exception {
    String released =
        release(
            """
            class A {
              // BEGIN SOLUTION
              private static int helper() {
                return 42;
              }
              // END SOLUTION
              int f() {
                return 0;
              }
            }
            """);
    assertThat(released).doesNotContain("helper").doesNotContain("throw").contains("int f()");
  }

  @Test
  void aRegionFollowedByAStatementIsTheAuthorsError() {
    String text =
        """
        class A {
          int f() {
            int x;
            // BEGIN SOLUTION
            x = 1;
            // END SOLUTION
            return x;
          }
        }
        """;
    assertThatThrownBy(() -> release(text))
        .isInstanceOf(MarkerException.class)
        .hasMessageContaining("A.java:4: the solution region in A.f must run to the end")
        .hasMessageContaining("line 7 follows it");
  }

  @Test
  void hiddenTestsAreRemovedAndTheRestKept() throws Exception {
    String released =
        release(
            """
            class ATest {
              void shown() {}

              // BEGIN HIDDEN TESTS
              void secret() {}
              // END HIDDEN TESTS
            }
            """);
    assertThat(released).contains("shown").doesNotContain("secret");
  }

  @Test
  void aFileHiddenWholeHasNoReleaseAtAll() throws Exception {
    MarkedSource source =
        MarkedSource.parse(
            "HiddenTest.java",
            "// BEGIN HIDDEN TESTS\npackage p;\n\nclass HiddenTest {}\n// END HIDDEN TESTS\n");
    assertThat(Cutter.release(source)).isEmpty();
  }

  @Test
  void aFileWithoutMarkersIsReleasedAsItIs() throws Exception {
    String text = "class A {}\n";
    assertThat(Cutter.release(MarkedSource.parse("A.java", text))).contains(text);
  }

  private static String release(String text) throws Exception {
    return Cutter.release(MarkedSource.parse("A.java", text)).orElseThrow();
  }
}
