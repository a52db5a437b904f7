package securechat.bench.compare;

/**
 * What issue 11 asks of one ratio (ours / peer): at least {@code minimumRatio}, or nothing when the
 * peer is only an anchor (OpenSSL's X25519 says how fast the machine is, not how fast we must be).
 *
 * @param minimumRatio the smallest ratio that meets the target; 0 for an anchor
 */
public record Target(double minimumRatio) {
  /** No target: the peer shows what the machine can do. */
  public static final Target ANCHOR = new Target(0);

  public Target {
    if (minimumRatio < 0 || Double.isNaN(minimumRatio)) {
      throw new IllegalArgumentException("minimumRatio must be 0 or more, not " + minimumRatio);
    }
  }

  /** Ours must reach {@code minimumRatio} times the peer. */
  public static Target atLeast(double minimumRatio) {
    if (minimumRatio <= 0) {
      throw new IllegalArgumentException("a target ratio must be positive, not " + minimumRatio);
    }
    return new Target(minimumRatio);
  }

  public boolean isAnchor() {
    return minimumRatio == 0;
  }

  /** "met", "missed" or "anchor". */
  public String verdict(double ratio) {
    if (isAnchor()) {
      return "anchor";
    }
    return ratio >= minimumRatio ? "met" : "missed";
  }

  /** As the issue writes it: {@code ≥ 20×}, or {@code anchor}. */
  @Override
  public String toString() {
    return isAnchor() ? "anchor" : "≥ " + Figures.ratio(minimumRatio) + "×";
  }
}
