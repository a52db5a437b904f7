package securechat.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import securechat.core.cli.ConfigException;

class GeneratedBlocksTest {
  private static final String PAGE =
      """
      # Performance

      Prose before.

      <!-- BEGIN GENERATED jmh (lab bench report) -->
      | old | table |
      <!-- END GENERATED jmh -->

      Prose after, kept.
      <!-- BEGIN GENERATED load (lab bench report) -->
      <!-- END GENERATED load -->
      """;

  @Test
  void onlyTheNamedBlockChangesAndTheProseStays() throws ConfigException {
    String page = GeneratedBlocks.replace(PAGE, "jmh", "| new | table |\n");

    assertThat(page)
        .isEqualTo(PAGE.replace("| old | table |", "| new | table |"))
        .contains("Prose before.", "Prose after, kept.");
  }

  @Test
  void anEmptyBlockIsFilledAndReplacingTwiceGivesTheSamePage() throws ConfigException {
    String once = GeneratedBlocks.replace(PAGE, "load", "figures");
    String twice = GeneratedBlocks.replace(once, "load", "figures");

    assertThat(once).contains("-->\nfigures\n<!-- END GENERATED load -->");
    assertThat(twice).isEqualTo(once);
  }

  @Test
  void aMissingBlockIsAnErrorThatSaysWhatToAdd() {
    assertThatThrownBy(() -> GeneratedBlocks.replace(PAGE, "compare", "x"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("<!-- BEGIN GENERATED compare (lab bench report) -->");
  }

  @Test
  void aBlockTwiceIsAnError() {
    assertThatThrownBy(() -> GeneratedBlocks.replace(PAGE + PAGE, "jmh", "x"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("twice");
  }
}
