package securechat.grader.markers;

/**
 * One marked region of a source file, from its BEGIN line to its END line (1-based, both marker
 * lines included).
 */
public record Region(Marker marker, int beginLine, int endLine) {
  /** True when line {@code line} (1-based) lies inside this region, markers included. */
  public boolean contains(int line) {
    return line >= beginLine && line <= endLine;
  }
}
