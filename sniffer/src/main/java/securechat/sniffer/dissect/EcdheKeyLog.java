package securechat.sniffer.dissect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import securechat.core.cli.ConfigException;
import securechat.ecdhe.Fernet;

/**
 * The session keys an ecdhe client or server wrote with {@code --keylog}, read so that the sniffer
 * can decrypt a capture's Fernet tokens. One line per session (docs/protocol.md, "The ecdhe
 * handshake"):
 *
 * <pre>
 * ECDHE_SESSION &lt;client nonce, hex&gt; &lt;client→server key&gt; &lt;server→client key&gt;
 * </pre>
 *
 * The keys are base64url Fernet keys. A session is found by the nonce of its {@code ECDHE-HELLO}
 * line, which the capture shows in base64. Blank lines and lines starting with {@code #} are
 * skipped. Anyone holding this file reads the traffic it names; errors never quote a key.
 */
public final class EcdheKeyLog {
  private static final String LABEL = "ECDHE_SESSION";

  private final Map<String, Session> sessionsByNonceHex;

  /** The two Fernet keys of one session. */
  public record Session(Fernet clientToServer, Fernet serverToClient) {}

  private EcdheKeyLog(Map<String, Session> sessionsByNonceHex) {
    this.sessionsByNonceHex = Map.copyOf(sessionsByNonceHex);
  }

  /** Reads the key log {@code file}. */
  public static EcdheKeyLog read(Path file) throws ConfigException {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("cannot read the key log " + file + ": " + e.getMessage(), null, e);
    }
  }

  /** Parses the lines of a key log; the first line is line 1 in errors. */
  public static EcdheKeyLog parse(List<String> untrustedLines) throws ConfigException {
    Map<String, Session> sessions = new HashMap<>();
    for (int i = 0; i < untrustedLines.size(); i++) {
      String line = untrustedLines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        parseLine(line, i + 1, sessions);
      }
    }
    return new EcdheKeyLog(sessions);
  }

  private static void parseLine(String line, int number, Map<String, Session> sessions)
      throws ConfigException {
    String[] fields = line.split("\\s+");
    if (fields.length != 4 || !fields[0].equals(LABEL)) {
      throw new ConfigException(
          "key log line " + number + " is not 'ECDHE_SESSION <nonce hex> <key> <key>'");
    }
    String nonceHex = fields[1].toLowerCase(java.util.Locale.ROOT);
    if (nonceHex.isEmpty() || !HexFormat.isHexDigit(nonceHex.charAt(0)) || !isHex(nonceHex)) {
      throw new ConfigException("key log line " + number + ": the nonce is not hex");
    }
    sessions.put(
        nonceHex,
        new Session(
            key(fields[2], "client→server", number), key(fields[3], "server→client", number)));
  }

  private static boolean isHex(String text) {
    return text.length() % 2 == 0 && text.chars().allMatch(HexFormat::isHexDigit);
  }

  private static Fernet key(String untrustedKey, String which, int number) throws ConfigException {
    try {
      return Fernet.fromBase64Url(untrustedKey);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "key log line " + number + ": the " + which + " key is not a 32-byte base64url key");
    }
  }

  /** Returns the keys of the session whose client sent {@code clientNonce}, if logged. */
  public Optional<Session> find(byte[] clientNonce) {
    return Optional.ofNullable(sessionsByNonceHex.get(HexFormat.of().formatHex(clientNonce)));
  }

  /** Returns how many sessions the log holds. */
  public int size() {
    return sessionsByNonceHex.size();
  }

  @Override
  public String toString() {
    return "EcdheKeyLog(" + sessionsByNonceHex.size() + " sessions)";
  }
}
