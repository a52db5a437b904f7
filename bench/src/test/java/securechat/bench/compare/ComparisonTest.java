package securechat.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static final Measurement OURS = new Measurement(300, "ours");
  private static final Measurement PEER = new Measurement(100, "peer");

  @Test
  void ratioIsOursOverThePeers() {
    Comparison row = Comparison.of("tls", "handshakes", "/s", OURS, "openssl", PEER, Target.ANCHOR);

    assertThat(row.ratio()).hasValue(3.0);
  }

  @Test
  void verdictComparesTheRatioWithTheTarget() {
    assertThat(Comparison.of("p", "f", "u", OURS, "x", PEER, Target.atLeast(3)).verdict())
        .isEqualTo("met");
    assertThat(Comparison.of("p", "f", "u", OURS, "x", PEER, Target.atLeast(3.5)).verdict())
        .isEqualTo("missed");
    assertThat(Comparison.of("p", "f", "u", OURS, "x", PEER, Target.ANCHOR).verdict())
        .isEqualTo("anchor");
  }

  @Test
  void skippedRowSaysWhyAndHasNoRatio() {
    Comparison row =
        Comparison.skipped(
            "sniffer",
            "f",
            "u",
            Optional.of(OURS),
            "tshark",
            Target.atLeast(2),
            PeerTool.TSHARK.missing());

    assertThat(row.ratio()).isEmpty();
    assertThat(row.verdict())
        .isEqualTo(
            "skipped: tshark not found on PATH; install Wireshark's command line:"
                + " apt-get install tshark");
  }

  @Test
  void rowWithoutAFigureMustSayWhy() {
    assertThatThrownBy(
            () ->
                new Comparison(
                    "p",
                    "f",
                    "u",
                    Optional.of(OURS),
                    "x",
                    Optional.empty(),
                    Target.ANCHOR,
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must say why");
  }

  @Test
  void rateMustBePositive() {
    assertThatThrownBy(() -> new Measurement(0, "none"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a rate must be positive, not 0.0");
  }

  @Test
  void targetPrintsAsTheIssueWritesIt() {
    assertThat(Target.atLeast(20)).hasToString("≥ 20×");
    assertThat(Target.atLeast(0.8)).hasToString("≥ 0.80×");
    assertThat(Target.ANCHOR).hasToString("anchor");
  }
}
