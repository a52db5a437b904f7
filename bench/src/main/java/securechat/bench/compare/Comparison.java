package securechat.bench.compare;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code lab bench compare}: a figure of ours beside the same figure of a real peer,
 * measured in the same run, and the ratio ours / peer against issue 11's target. When the peer
 * could not run (not installed, failed) the row is <em>skipped</em> and says why; our figure may
 * still be there.
 *
 * <pre>{@code
 * Comparison row = Comparison.of("fernet", "Fernet encrypt, 100 B", "tokens/s",
 *     new Measurement(343_296, "JMH FernetBenchmark.encrypt"), "Python cryptography",
 *     new Measurement(54_220, "python3 fernet_peer.py 5"), Target.atLeast(20));
 * row.ratio();    // 6.33
 * row.verdict();  // "missed"
 * }</pre>
 *
 * @param part the part of the comparison: fernet, tls, sniffer or speed ({@code --only})
 * @param figure what is measured, e.g. "Fernet encrypt, 100 B"
 * @param unit the unit of both rates, e.g. "tokens/s"
 * @param ours our figure, absent if we were not measured (the part was skipped)
 * @param peerName who we are compared with, e.g. "openssl s_server"
 * @param peer the peer's figure, absent when skipped
 * @param target what issue 11 asks of the ratio
 * @param skipped why the row has no ratio (with the install hint), absent when it has one
 */
public record Comparison(
    String part,
    String figure,
    String unit,
    Optional<Measurement> ours,
    String peerName,
    Optional<Measurement> peer,
    Target target,
    Optional<String> skipped) {
  public Comparison {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(ours, "ours");
    Objects.requireNonNull(peerName, "peerName");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(skipped, "skipped");
    if (skipped.isEmpty() && (ours.isEmpty() || peer.isEmpty())) {
      throw new IllegalArgumentException(figure + ": a row without both figures must say why");
    }
  }

  /** A row with both figures. */
  public static Comparison of(
      String part,
      String figure,
      String unit,
      Measurement ours,
      String peerName,
      Measurement peer,
      Target target) {
    return new Comparison(
        part,
        figure,
        unit,
        Optional.of(ours),
        peerName,
        Optional.of(peer),
        target,
        Optional.empty());
  }

  /** A row whose peer (or whose whole part) could not be measured, and why. */
  public static Comparison skipped(
      String part,
      String figure,
      String unit,
      Optional<Measurement> ours,
      String peerName,
      Target target,
      String reason) {
    return new Comparison(
        part, figure, unit, ours, peerName, Optional.empty(), target, Optional.of(reason));
  }

  /**
   * The same row with {@code from} replaced by {@code to} in both commands: a temporary folder
   * becomes a name the reader can follow.
   */
  public Comparison withCommandsReplacing(String from, String to) {
    return new Comparison(
        part,
        figure,
        unit,
        ours.map(m -> m.replacing(from, to)),
        peerName,
        peer.map(m -> m.replacing(from, to)),
        target,
        skipped);
  }

  /** Ours divided by the peer's, when both were measured. */
  public Optional<Double> ratio() {
    if (ours.isEmpty() || peer.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ours.get().perSecond() / peer.get().perSecond());
  }

  /** "met", "missed", "anchor", or "skipped: " and the reason. */
  public String verdict() {
    return ratio().map(target::verdict).orElseGet(() -> "skipped: " + skipped.orElseThrow());
  }
}
