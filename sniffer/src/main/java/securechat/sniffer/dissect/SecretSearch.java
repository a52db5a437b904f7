package securechat.sniffer.dissect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.TcpStream;

/**
 * The answer to "is my password in this capture?": every place a secret's UTF-8 bytes occur in the
 * reassembled streams, and, given an ecdhe key log, inside the lines the key log decrypts.
 *
 * <p>The match ignores ASCII case only ({@code A-Z} equals {@code a-z}); other letters must match
 * exactly. Occurrences that overlap are all reported. A secret split by a gap is not found.
 *
 * <pre>{@code
 * List<SecretSearch.Hit> hits = SecretSearch.find(streams, "correct-horse-1");
 * }</pre>
 */
public final class SecretSearch {
  private SecretSearch() {}

  /**
   * One occurrence of the secret.
   *
   * @param stream the stream's index
   * @param direction which way it travelled
   * @param offset where it starts in the direction's delivered bytes; for a decrypted one, where
   *     the token that carried it starts
   * @param frame the capture frame of that byte
   * @param decrypted whether it was found only by decrypting with a key log
   */
  public record Hit(int stream, Direction direction, long offset, long frame, boolean decrypted) {}

  /** Finds {@code secret} in the streams' bytes as captured. */
  public static List<Hit> find(List<TcpStream> streams, String secret) {
    return find(streams, secret, Optional.empty());
  }

  /** Finds {@code secret} as captured and, with {@code keyLog}, inside decrypted ecdhe tokens. */
  public static List<Hit> find(
      List<TcpStream> streams, String secret, Optional<EcdheKeyLog> keyLog) {
    Objects.requireNonNull(secret, "secret");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("the secret to search for must not be empty");
    }
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    List<Hit> hits = new ArrayList<>(find(streams, needle));
    EcdheDissector ecdhe = new EcdheDissector(keyLog);
    for (TcpStream stream : streams) {
      for (EcdheDissector.DecryptedLine line : ecdhe.decryptedLines(stream)) {
        if (!indexesOf(line.untrustedLine(), needle).isEmpty()) {
          Line token = line.token();
          hits.add(new Hit(stream.index(), token.direction(), token.offset(), token.frame(), true));
        }
      }
    }
    return hits;
  }

  /**
   * Finds {@code needle}, any bytes (a certificate's DER, a key), in the streams' bytes as
   * captured; ASCII letters match either case, like the text search.
   */
  public static List<Hit> find(List<TcpStream> streams, byte[] needle) {
    Objects.requireNonNull(needle, "needle");
    if (needle.length == 0) {
      throw new IllegalArgumentException("the bytes to search for must not be empty");
    }
    List<Hit> hits = new ArrayList<>();
    for (TcpStream stream : streams) {
      for (Direction direction : Direction.values()) {
        for (int at : indexesOf(stream.bytes(direction), needle)) {
          hits.add(
              new Hit(
                  stream.index(),
                  direction,
                  at,
                  LineSplitter.frameAt(stream, direction, at),
                  false));
        }
      }
    }
    return hits;
  }

  /** Returns every index where {@code needle} starts in {@code haystack}, ignoring ASCII case. */
  static List<Integer> indexesOf(byte[] haystack, byte[] needle) {
    List<Integer> found = new ArrayList<>();
    for (int start = 0; start + needle.length <= haystack.length; start++) {
      if (matchesAt(haystack, start, needle)) {
        found.add(start);
      }
    }
    return found;
  }

  private static boolean matchesAt(byte[] haystack, int start, byte[] needle) {
    for (int i = 0; i < needle.length; i++) {
      if (lowerAscii(haystack[start + i]) != lowerAscii(needle[i])) {
        return false;
      }
    }
    return true;
  }

  private static byte lowerAscii(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }
}
