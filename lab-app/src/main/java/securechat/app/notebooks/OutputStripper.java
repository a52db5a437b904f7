package securechat.app.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Removes from a notebook what running it adds, so that a committed notebook holds only what its
 * author wrote and a diff never shows a re-run:
 *
 * <ul>
 *   <li>every code cell's {@code outputs} (emptied) and {@code execution_count} (null);
 *   <li>the run's timestamps that nbclient and JupyterLab keep in a cell's {@code
 *       metadata.execution};
 *   <li>the kernel's {@code version} in the notebook's {@code metadata.language_info}: it names the
 *       JDK of whoever ran the notebook last.
 * </ul>
 *
 * Everything else stays as it was, in the same order: sources, cell ids, tags, markdown.
 */
final class OutputStripper {
  private OutputStripper() {}

  /** A stripped copy of the notebook; the notebook itself is left alone. */
  static ObjectNode strip(ObjectNode notebook) {
    ObjectNode copy = notebook.deepCopy();
    for (JsonNode cell : copy.path("cells")) {
      if (cell instanceof ObjectNode codeCell && "code".equals(cell.path("cell_type").asText())) {
        // put* on an existing key replaces the value where it is: the key order is kept.
        codeCell.putArray("outputs");
        codeCell.putNull("execution_count");
        if (codeCell.path("metadata") instanceof ObjectNode metadata) {
          metadata.remove("execution");
        }
      }
    }
    if (copy.path("metadata").path("language_info") instanceof ObjectNode languageInfo) {
      languageInfo.remove("version");
    }
    return copy;
  }

  /** Whether the notebook holds anything {@link #strip} would remove. */
  static boolean hasOutputs(ObjectNode notebook) {
    return !strip(notebook).equals(notebook);
  }
}
