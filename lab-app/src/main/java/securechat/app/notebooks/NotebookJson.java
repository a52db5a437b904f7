package securechat.app.notebooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import securechat.core.cli.ConfigException;

/**
 * Notebook files ({@code .ipynb}, nbformat 4) read and written the way Jupyter writes them, so that
 * a notebook saved by Jupyter and the same notebook written here are the same bytes, and a diff
 * shows only what a person changed.
 *
 * <p>Jupyter's writer ({@code nbformat.write}) is Python's {@code json.dumps(notebook, indent=1,
 * ensure_ascii=False)} plus a final newline: one space of indent per level, {@code "key": value},
 * empty containers as {@code []} and {@code {}}, non-ASCII text as is, control characters as
 * six-character escapes with lower-case hex digits. Keys stay in the order of the file (Jupyter
 * sorts them when it saves; we do not reorder anything a person wrote).
 */
final class NotebookJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE).build();

  private NotebookJson() {}

  /** Reads a notebook; a file that is not an nbformat 4 notebook is a one-line error. */
  static ObjectNode read(Path file) throws ConfigException, IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          file + " is not valid JSON: " + e.getOriginalMessage() + " " + location(e));
    }
    if (!(root instanceof ObjectNode notebook) || !root.path("cells").isArray()) {
      throw new ConfigException(file + " is not a Jupyter notebook (no \"cells\" list)");
    }
    if (root.path("nbformat").asInt() != 4) {
      throw new ConfigException(
          file + " is nbformat " + root.path("nbformat") + "; only nbformat 4 is supported",
          "open it in Jupyter and save it again: Jupyter converts it");
    }
    return notebook;
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : "(line " + e.getLocation().getLineNr() + ")";
  }

  /** The text Jupyter would write for this JSON, final newline included. */
  static String write(JsonNode json) {
    try {
      return MAPPER.writer(jupyterPrinter()).writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree always serialises", e);
    }
  }

  private static DefaultPrettyPrinter jupyterPrinter() {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultIndenter oneSpace = new DefaultIndenter(" ", "\n");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(oneSpace)
        .withArrayIndenter(oneSpace);
  }
}
