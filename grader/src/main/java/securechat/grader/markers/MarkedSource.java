package securechat.grader.markers;

import java.util.ArrayList;
import java.util.List;

/**
 * A source file's text and the marked regions found in it. Regions never nest or overlap, and every
 * BEGIN has its END: anything else is the author's mistake, reported with its line.
 */
public record MarkedSource(String fileName, String text, List<Region> regions) {
  public MarkedSource {
    regions = List.copyOf(regions);
  }

  /** Finds the regions of {@code text}, the contents of the file called {@code fileName}. */
  public static MarkedSource parse(String fileName, String text) throws MarkerException {
    List<Region> regions = new ArrayList<>();
    Marker open = null;
    int openLine = 0;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int number = i + 1;
      for (Marker marker : Marker.values()) {
        if (line.equals(marker.begin())) {
          if (open != null) {
            throw new MarkerException(
                fileName, number, marker.begin() + " inside the region opened at line " + openLine);
          }
          open = marker;
          openLine = number;
        } else if (line.equals(marker.end())) {
          if (open != marker) {
            throw new MarkerException(fileName, number, marker.end() + " without its BEGIN");
          }
          regions.add(new Region(marker, openLine, number));
          open = null;
        } else if (isMisspelt(line, marker)) {
          throw new MarkerException(
              fileName, number, "'" + line + "' looks like a marker but is not one");
        }
      }
    }
    if (open != null) {
      throw new MarkerException(fileName, openLine, open.begin() + " is never closed");
    }
    return new MarkedSource(fileName, text, regions);
  }

  /** The regions of one kind. */
  public List<Region> regions(Marker marker) {
    return regions.stream().filter(region -> region.marker() == marker).toList();
  }

  /** True when line {@code line} (1-based) is inside a region of {@code marker}. */
  public boolean inside(Marker marker, int line) {
    return regions(marker).stream().anyMatch(region -> region.contains(line));
  }

  // "// begin solution", "//BEGIN SOLUTION:": a marker the tool would silently not see.
  private static boolean isMisspelt(String line, Marker marker) {
    String squeezed = line.replaceAll("[\\s/:*]+", " ").strip().toUpperCase(java.util.Locale.ROOT);
    return line.startsWith("//")
        && (squeezed.equals(marker.begin().substring(3))
            || squeezed.equals(marker.end().substring(3)));
  }
}
