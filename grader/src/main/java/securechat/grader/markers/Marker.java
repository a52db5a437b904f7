package securechat.grader.markers;

/**
 * The two kinds of marked region, written as comments alone on their line:
 *
 * <pre>
 *   // BEGIN SOLUTION          // BEGIN HIDDEN TESTS
 *   ...the answer...           ...tests the student never sees...
 *   // END SOLUTION            // END HIDDEN TESTS
 * </pre>
 *
 * nbgrader's words, so instructors who know it know these.
 */
public enum Marker {
  SOLUTION("SOLUTION"),
  HIDDEN_TESTS("HIDDEN TESTS");

  private final String words;

  Marker(String words) {
    this.words = words;
  }

  /** The comment that opens a region: {@code // BEGIN SOLUTION}. */
  public String begin() {
    return "// BEGIN " + words;
  }

  /** The comment that closes a region: {@code // END SOLUTION}. */
  public String end() {
    return "// END " + words;
  }
}
