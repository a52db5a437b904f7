package securechat.grader.markers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts the marked regions out of a source file, as the student's release shows it.
 *
 * <ul>
 *   <li>A solution region inside a method body becomes one statement, {@code throw new
 *       UnsupportedOperationException("not implemented yet: Fernet.encrypt (see README.md)")}, so
 *       the starter compiles and every test says what is missing. The region must run to the end of
 *       its block: a statement after the throw would not compile.
 *   <li>Any other solution region (fields, helper methods, imports) and every hidden-tests region
 *       is removed.
 * </ul>
 *
 * A file left with no type declaration (a test file that was hidden whole) has no release version:
 * {@link #release} returns empty.
 */
public final class Cutter {
  private Cutter() {}

  /** The file as released, or empty when nothing of it is released. */
  public static Optional<String> release(MarkedSource source) throws MarkerException {
    if (source.regions().isEmpty()) {
      return Optional.of(source.text());
    }
    JavaOutline outline = JavaOutline.parse(source.fileName(), source.text());
    List<String> lines = source.text().lines().toList();
    List<String> out = new ArrayList<>();
    int next = 1;
    for (Region region : source.regions()) {
      out.addAll(lines.subList(next - 1, region.beginLine() - 1));
      stubFor(source, outline, region).ifPresent(out::add);
      next = region.endLine() + 1;
    }
    out.addAll(lines.subList(next - 1, lines.size()));
    String released = String.join("\n", out) + "\n";
    if (JavaOutline.parse(source.fileName(), released).typeCount() == 0) {
      return Optional.empty();
    }
    return Optional.of(released);
  }

  private static Optional<String> stubFor(MarkedSource source, JavaOutline outline, Region region)
      throws MarkerException {
    if (region.marker() != Marker.SOLUTION) {
      return Optional.empty();
    }
    Optional<JavaOutline.Body> body =
        outline.innermostBodyAround(region.beginLine(), region.endLine());
    if (body.isEmpty()) {
      return Optional.empty();
    }
    checkRunsToTheEnd(source, region, body.get());
    String marker = source.text().lines().skip(region.beginLine() - 1).findFirst().orElseThrow();
    String indent = marker.substring(0, marker.indexOf('/'));
    return Optional.of(
        indent
            + "throw new UnsupportedOperationException(\"not implemented yet: "
            + body.get().owner()
            + " (see README.md)\");");
  }

  // Between the END marker and the body's closing brace only blank lines and comments may stand.
  private static void checkRunsToTheEnd(MarkedSource source, Region region, JavaOutline.Body body)
      throws MarkerException {
    List<String> lines = source.text().lines().toList();
    for (int line = region.endLine() + 1; line < body.endLine(); line++) {
      String text = lines.get(line - 1).strip();
      if (!text.isEmpty() && !text.startsWith("//")) {
        throw new MarkerException(
            source.fileName(),
            region.beginLine(),
            "the solution region in "
                + body.owner()
                + " must run to the end of its block, but line "
                + line
                + " follows it; the release puts a throw in its place");
      }
    }
    String closing = lines.get(body.endLine() - 1).strip();
    if (body.endLine() > region.endLine() && !closing.startsWith("}")) {
      throw new MarkerException(
          source.fileName(),
          region.beginLine(),
          "the solution region in " + body.owner() + " must run to the end of its block");
    }
  }
}
