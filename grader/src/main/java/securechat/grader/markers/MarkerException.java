package securechat.grader.markers;

import securechat.core.cli.ConfigException;

/**
 * A marker an author put where the tool cannot cut it: an END without a BEGIN, a region that never
 * ends, a solution region followed by statements. The message names the file and line.
 */
public final class MarkerException extends ConfigException {
  private static final long serialVersionUID = 1L;

  MarkerException(String fileName, int line, String problem) {
    super(
        fileName + ":" + line + ": " + problem,
        "see assignments/README.md, \"Markers\": regions are cut by a tool, so they follow rules");
  }
}
