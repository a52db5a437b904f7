package securechat.sniffer.dissect;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import securechat.sniffer.stream.TcpStream;

/**
 * Picks the dissector for a stream: the stage the user named ({@code --stage}), else the stage
 * whose protocol the stream's first bytes show, else the stage of the server's well-known port,
 * else {@link RawDissector}.
 *
 * <pre>{@code
 * Dissector dissector = Dissectors.choose(stream, Optional.empty());
 * dissector.dissect(stream).forEach(message -> System.out.println(message.summary()));
 * }</pre>
 */
public final class Dissectors {
  private Dissectors() {}

  /** Chooses a dissector without a key log: ecdhe tokens stay opaque. */
  public static Dissector choose(TcpStream stream, Optional<String> stageHint) {
    return choose(stream, stageHint, Optional.empty());
  }

  /**
   * Chooses a dissector; the ecdhe one decrypts with {@code keyLog} if given.
   *
   * @throws IllegalArgumentException if {@code stageHint} names no stage the sniffer reads
   */
  public static Dissector choose(
      TcpStream stream, Optional<String> stageHint, Optional<EcdheKeyLog> keyLog) {
    Objects.requireNonNull(stream, "stream");
    List<Dissector> all = all(keyLog);
    if (stageHint.isPresent()) {
      String stage = stageHint.get().toLowerCase(Locale.ROOT);
      return all.stream()
          .filter(dissector -> dissector.stage().equals(stage))
          .findFirst()
          .orElseThrow(() -> unknownStage(stageHint.get()));
    }
    for (Dissector dissector : all) {
      if (dissector.recognises(stream)) {
        return dissector;
      }
    }
    return switch (stream.server().port()) {
      case 7001 -> all.get(0);
      case 7002 -> all.get(1);
      case 7003 -> all.get(2);
      default -> all.get(3);
    };
  }

  /** Returns one dissector per stage the sniffer reads: plain, tls, ecdhe, raw, in that order. */
  public static List<Dissector> all(Optional<EcdheKeyLog> keyLog) {
    return List.of(
        new PlainDissector(), new TlsDissector(), new EcdheDissector(keyLog), new RawDissector());
  }

  private static IllegalArgumentException unknownStage(String untrustedStage) {
    String shown = securechat.core.terminal.TerminalText.sanitize(untrustedStage);
    return new IllegalArgumentException(
        "unknown stage '" + shown + "'; the sniffer reads plain, tls, ecdhe or raw");
  }
}
