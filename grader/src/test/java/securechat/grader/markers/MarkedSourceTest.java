package securechat.grader.markers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MarkedSourceTest {
  @Test
  void regionsAreFoundWithTheirLines() throws Exception {
    MarkedSource source =
        MarkedSource.parse(
            "A.java",
            """
            class A {
              int f() {
                // BEGIN SOLUTION
                return 1;
                // END SOLUTION
              }
              // BEGIN HIDDEN TESTS
              void g() {}
              // END HIDDEN TESTS
            }
            """);
    assertThat(source.regions())
        .containsExactly(new Region(Marker.SOLUTION, 3, 5), new Region(Marker.HIDDEN_TESTS, 7, 9));
    assertThat(source.inside(Marker.HIDDEN_TESTS, 8)).isTrue();
    assertThat(source.inside(Marker.HIDDEN_TESTS, 4)).isFalse();
  }

  @Test
  void anEndWithoutItsBeginNamesTheLine() {
    assertThatThrownBy(() -> MarkedSource.parse("A.java", "class A {\n// END SOLUTION\n}\n"))
        .isInstanceOf(MarkerException.class)
        .hasMessage("A.java:2: // END SOLUTION without its BEGIN");
  }

  @Test
  void aRegionThatNeverEndsIsRefused() {
    assertThatThrownBy(() -> MarkedSource.parse("A.java", "// BEGIN SOLUTION\nclass A {}\n"))
        .hasMessage("A.java:1: // BEGIN SOLUTION is never closed");
  }

  @Test
  void regionsDoNotNest() {
    String text =
        "// BEGIN SOLUTION\n// BEGIN HIDDEN TESTS\n// END HIDDEN TESTS\n// END SOLUTION\n";
    assertThatThrownBy(() -> MarkedSource.parse("A.java", text))
        .hasMessage("A.java:2: // BEGIN HIDDEN TESTS inside the region opened at line 1");
  }

  @Test
  void aMisspeltMarkerIsRefusedRatherThanIgnored() {
    assertThatThrownBy(() -> MarkedSource.parse("A.java", "class A {\n  // begin solution\n}\n"))
        .hasMessage("A.java:2: '// begin solution' looks like a marker but is not one");
  }
}
