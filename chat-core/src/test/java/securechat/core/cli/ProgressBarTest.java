package securechat.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void lineShowsBarPercentCountAndRate() {
    ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "keys", 1_000, false);

    String line = bar.line(500, System.nanoTime());

    assertThat(line)
        .startsWith("[##########..........]  50%  500 of 1,000 keys")
        .contains("keys/s");
  }

  @Test
  void withoutATerminalItPrintsAtMostOneLinePerTenthAndAFinalOne() {
    StringWriter out = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(out), "guesses", 100, false);

    for (int i = 0; i < 100; i++) {
      bar.advance(1);
    }
    bar.finish();

    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSizeBetween(10, 11);
    assertThat(lines[lines.length - 1]).contains("100%  100 of 100 guesses");
    assertThat(out.toString()).doesNotContain("\r");
  }

  @Test
  void onATerminalItRedrawsOneLine() {
    StringWriter out = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(out), "keys", 10, true);

    bar.advance(10);
    bar.finish();

    assertThat(out.toString()).startsWith("\r[").endsWith("\n");
    assertThat(out.toString().split("\n")).hasSize(1);
  }

  @Test
  void ratesAndDurationsReadLikeAPersonWouldSayThem() {
    assertThat(ProgressBar.rate(0.36)).isEqualTo("0.4");
    assertThat(ProgressBar.rate(812)).isEqualTo("812");
    assertThat(ProgressBar.rate(14_200)).isEqualTo("14.2 k");
    assertThat(ProgressBar.rate(2_100_000)).isEqualTo("2.1 M");
    assertThat(ProgressBar.duration(3.2)).isEqualTo("4 s");
    assertThat(ProgressBar.duration(600)).isEqualTo("10 min");
    assertThat(ProgressBar.duration(3 * 3_600)).isEqualTo("3.0 h");
    assertThat(ProgressBar.duration(10 * 86_400)).isEqualTo("10 days");
    assertThat(ProgressBar.duration(1e12)).isEqualTo("31,688 years");
  }

  @Test
  void aTotalOfNothingIsAProgrammingError() {
    assertThatThrownBy(() -> new ProgressBar(new PrintWriter(new StringWriter()), "keys", 0, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not 0");
  }
}
