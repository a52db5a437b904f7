package securechat.app.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Stripping an executed notebook gives, byte for byte, what Jupyter's own library writes for the
 * same notebook without outputs ({@code src/test/resources/strip/README.md}).
 */
class OutputStripperTest {
  private static final Path EXECUTED = NotebooksCli.resource("strip/executed.ipynb");
  private static final Path REFERENCE = NotebooksCli.resource("strip/executed.stripped.ipynb");

  @Test
  void strippingAnExecutedNotebookGivesJupytersBytesWithoutOutputs() throws Exception {
    ObjectNode executed = NotebookJson.read(EXECUTED);

    String stripped = NotebookJson.write(OutputStripper.strip(executed));

    assertThat(stripped).isEqualTo(Files.readString(REFERENCE, StandardCharsets.UTF_8));
    assertThat(stripped).doesNotContain("outputs\": [\n", "image/png", "iopub", "25.0");
  }

  @Test
  void theExecutedNotebookHasOutputsAndTheReferenceHasNone() throws Exception {
    assertThat(OutputStripper.hasOutputs(NotebookJson.read(EXECUTED))).isTrue();
    assertThat(OutputStripper.hasOutputs(NotebookJson.read(REFERENCE))).isFalse();
  }

  @Test
  void stripLeavesItsInputAlone() throws Exception {
    ObjectNode executed = NotebookJson.read(EXECUTED);
    ObjectNode before = executed.deepCopy();

    OutputStripper.strip(executed);

    assertThat(executed).isEqualTo(before);
  }

  @Test
  void writingAJupyterFileBackGivesTheSameBytes() throws Exception {
    for (Path file : new Path[] {EXECUTED, REFERENCE}) {
      assertThat(NotebookJson.write(NotebookJson.read(file)))
          .as(file.getFileName().toString())
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
  }

  @Test
  void keysStayInTheirOrderAndOutputsStayInTheirPlace() throws Exception {
    String json =
        """
        {"nbformat": 4, "cells": [{"outputs": [{"text": "x"}], "cell_type": "code", \
        "source": "1", "execution_count": 3, "metadata": {"zeta": 1, "alpha": "é"}}]}""";
    ObjectNode notebook = (ObjectNode) new ObjectMapper().readTree(json);

    assertThat(NotebookJson.write(OutputStripper.strip(notebook)))
        .isEqualTo(
            """
            {
             "nbformat": 4,
             "cells": [
              {
               "outputs": [],
               "cell_type": "code",
               "source": "1",
               "execution_count": null,
               "metadata": {
                "zeta": 1,
                "alpha": "é"
               }
              }
             ]
            }
            """);
  }

  @Test
  void controlCharactersAreEscapedInLowerCaseAsPythonDoes() {
    ObjectNode node = new ObjectMapper().createObjectNode().put("ansi", "\u001b[0m\t\u007f");

    assertThat(NotebookJson.write(node)).isEqualTo("{\n \"ansi\": \"\\u001b[0m\\t\u007f\"\n}\n");
  }
}
