package securechat.sniffer.dissect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import securechat.ecdhe.Fernet;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.TcpStream;

/**
 * The ecdhe stage's dissector: the handshake lines in clear (curves, nonce, salt, the ephemeral
 * public keys and the server's identity, as fingerprints), then one Fernet token per chat line,
 * {@link Flag#OPAQUE}: its time, IV and length show, its content does not. Given an {@link
 * EcdheKeyLog} holding the session's keys, each token is decrypted and its line shown as the plain
 * dissector shows it, flagged {@link Flag#DECRYPTED}.
 *
 * <pre>
 * client ECDHE-HELLO 1 x25519 NONCE, PEM key        server ECDHE-SERVER 1 x25519 SALT, PEM key,
 * client ECDHE-FINISHED MAC                                IDENTITY …, SIGNATURE …, ECDHE-FINISHED MAC
 * then each line a token, both ways
 * </pre>
 */
public final class EcdheDissector implements Dissector {
  private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String PEM_END = "-----END PUBLIC KEY-----";

  private final Optional<EcdheKeyLog> keyLog;

  /** A dissector that decrypts with {@code keyLog} if given. */
  public EcdheDissector(Optional<EcdheKeyLog> keyLog) {
    this.keyLog = Objects.requireNonNull(keyLog, "keyLog");
  }

  @Override
  public String stage() {
    return "ecdhe";
  }

  /** Recognises a client whose first line is an {@code ECDHE-HELLO}. */
  @Override
  public boolean recognises(TcpStream stream) {
    byte[] start = stream.bytes(Direction.CLIENT_TO_SERVER, 12);
    String first = new String(start, StandardCharsets.US_ASCII);
    return first.equals("ECDHE-HELLO ");
  }

  @Override
  public List<WireMessage> dissect(TcpStream stream) {
    Optional<EcdheKeyLog.Session> session = session(stream);
    List<WireMessage> messages = new ArrayList<>();
    for (Direction direction : Direction.values()) {
      Optional<Fernet> key =
          session.map(
              keys ->
                  direction == Direction.CLIENT_TO_SERVER
                      ? keys.clientToServer()
                      : keys.serverToClient());
      messages.addAll(dissect(stream, direction, key));
    }
    messages.sort(PlainDissector.captureOrder());
    return messages;
  }

  /** Returns the lines inside the stream's tokens that the key log decrypts, for a search. */
  List<DecryptedLine> decryptedLines(TcpStream stream) {
    Optional<EcdheKeyLog.Session> session = session(stream);
    List<DecryptedLine> found = new ArrayList<>();
    if (session.isEmpty()) {
      return found;
    }
    for (Direction direction : Direction.values()) {
      Fernet key =
          direction == Direction.CLIENT_TO_SERVER
              ? session.get().clientToServer()
              : session.get().serverToClient();
      for (Line line : LineSplitter.lines(stream, direction)) {
        FernetTokenReading.open(key, line.rawText())
            .ifPresent(opened -> found.add(new DecryptedLine(line, opened.untrustedLine())));
      }
    }
    return found;
  }

  /** A chat line recovered from a token, and the token line that carried it. */
  record DecryptedLine(Line token, byte[] untrustedLine) {}

  private Optional<EcdheKeyLog.Session> session(TcpStream stream) {
    if (keyLog.isEmpty()) {
      return Optional.empty();
    }
    List<Line> clientLines = LineSplitter.lines(stream, Direction.CLIENT_TO_SERVER);
    return clientLines.isEmpty()
        ? Optional.empty()
        : EcdheHandshakeReading.clientNonce(clientLines.get(0).rawText())
            .flatMap(nonce -> keyLog.get().find(nonce));
  }

  private static List<WireMessage> dissect(
      TcpStream stream, Direction direction, Optional<Fernet> key) {
    WireMessages out = new WireMessages(stream, direction);
    List<Line> lines = LineSplitter.lines(stream, direction);
    boolean finished = false;
    int i = 0;
    while (i < lines.size()) {
      Line line = lines.get(i);
      if (!finished && line.rawText().equals(PEM_BEGIN)) {
        int end = pemEnd(lines, i);
        out.add(line.offset(), spanLength(lines, i, end), pemReading(lines, i, end));
        i = end + 1;
        continue;
      }
      Reading reading =
          finished
              ? FernetTokenReading.read(line.rawText(), direction, key)
              : EcdheHandshakeReading.line(line.rawText());
      out.add(line.offset(), line.length(), withFraming(reading, line));
      finished |= line.rawText().startsWith("ECDHE-FINISHED ");
      i++;
    }
    return out.messages();
  }

  /** Returns the index of the PEM block's END line, or the last line if it never ends. */
  private static int pemEnd(List<Line> lines, int begin) {
    for (int i = begin + 1; i < lines.size(); i++) {
      if (lines.get(i).rawText().equals(PEM_END)) {
        return i;
      }
    }
    return lines.size() - 1;
  }

  private static int spanLength(List<Line> lines, int first, int last) {
    Line end = lines.get(last);
    return (int) (end.offset() + end.length() - lines.get(first).offset());
  }

  private static Reading pemReading(List<Line> lines, int begin, int end) {
    if (end == begin || !lines.get(end).rawText().equals(PEM_END)) {
      return new Reading(
          "PUBLIC KEY",
          "PEM public key without its END line",
          List.of(),
          EnumSet.of(Flag.HANDSHAKE, Flag.MALFORMED));
    }
    StringBuilder body = new StringBuilder();
    for (int i = begin + 1; i < end; i++) {
      body.append(lines.get(i).rawText());
    }
    return EcdheHandshakeReading.publicKey(body.toString());
  }

  private static Reading withFraming(Reading reading, Line line) {
    if (line.wellFormed()) {
      return reading;
    }
    Set<Flag> flags = EnumSet.noneOf(Flag.class);
    flags.addAll(reading.flags());
    flags.add(Flag.MALFORMED);
    return new Reading(reading.kind(), reading.summary(), reading.details(), flags);
  }
}
