package securechat.ecdhe;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineFramer;
import securechat.core.protocol.ProtocolException;
import securechat.core.terminal.TerminalText;
import securechat.ecdhe.HandshakeMessages.ClientHello;
import securechat.ecdhe.HandshakeMessages.Finished;
import securechat.ecdhe.HandshakeMessages.ServerHello;

/** Reads and checks the peer's handshake messages from the line framer. */
final class HandshakeReader {
  private final LineFramer framer;

  HandshakeReader(LineFramer framer) {
    this.framer = framer;
  }

  ClientHello clientHello(List<Curve> accepted) throws IOException, HandshakeException {
    String[] header = helloHeader("ECDHE-HELLO");
    Curve curve = curve(header[2], accepted);
    byte[] nonce = HandshakeMessages.unbase64(header[3], "nonce");
    return new ClientHello(curve, nonce, PemKeys.parse(pemBlock(), curve));
  }

  ServerHello serverHello(Curve expected) throws IOException, HandshakeException {
    String[] header = helloHeader("ECDHE-SERVER");
    Curve curve = curve(header[2], List.of(expected));
    byte[] salt = HandshakeMessages.unbase64(header[3], "salt");
    PublicKey ephemeral = PemKeys.parse(pemBlock(), curve);
    String[] identityLine = header("IDENTITY", 2);
    if (identityLine[1].equals("none")) {
      return new ServerHello(curve, salt, ephemeral, Optional.empty(), Optional.empty());
    }
    if (identityLine.length != 3 || !identityLine[1].equals("ed25519")) {
      throw new HandshakeException("the server's IDENTITY line names no ed25519 key");
    }
    PublicKey identity = ed25519(HandshakeMessages.unbase64(identityLine[2], "identity key"));
    byte[] signature = HandshakeMessages.unbase64(header("SIGNATURE", 2)[1], "signature");
    return new ServerHello(curve, salt, ephemeral, Optional.of(identity), Optional.of(signature));
  }

  Finished finished() throws IOException, HandshakeException {
    return new Finished(HandshakeMessages.unbase64(header("ECDHE-FINISHED", 2)[1], "MAC"));
  }

  private String[] header(String keyword, int minimumFields)
      throws IOException, HandshakeException {
    String line = nextLine();
    // -1: keep empty fields, so that a line of spaces still has a first field to quote.
    String[] fields = line.split(" ", -1);
    if (!fields[0].equals(keyword) || fields.length < minimumFields) {
      // Only the first word: the line may be a plain-stage /login with a password in it.
      throw new HandshakeException(
          "expected " + keyword + " from the peer, got a line starting '" + shown(fields[0]) + "'");
    }
    return fields;
  }

  /** A hello's header: its second field is the handshake version, which must be ours. */
  private String[] helloHeader(String keyword) throws IOException, HandshakeException {
    String[] fields = header(keyword, 4);
    if (!fields[1].equals(HandshakeMessages.VERSION)) {
      throw new HandshakeException("the peer speaks ecdhe handshake version " + shown(fields[1]));
    }
    return fields;
  }

  private List<String> pemBlock() throws IOException, HandshakeException {
    List<String> lines = new ArrayList<>();
    String line = nextLine();
    if (!line.equals(PemKeys.BEGIN)) {
      throw new HandshakeException(
          "expected a PEM public key, got a line starting '" + shown(line.split(" ", -1)[0]) + "'");
    }
    while (!line.equals(PemKeys.END)) {
      if (lines.size() > PemKeys.MAX_LINES) {
        throw new HandshakeException("the peer's PEM key has no END line");
      }
      lines.add(line);
      line = nextLine();
    }
    lines.add(line);
    return lines;
  }

  private String nextLine() throws IOException, HandshakeException {
    String line;
    try {
      line = framer.readLine();
    } catch (ProtocolException e) {
      throw new HandshakeException("the peer sent a bad handshake line: " + e.sentence());
    }
    if (line == null) {
      throw new HandshakeException("the peer closed the connection during the handshake");
    }
    return line;
  }

  private static Curve curve(String name, List<Curve> accepted) throws HandshakeException {
    Curve curve = Curve.find(name);
    if (curve == null || !accepted.contains(curve)) {
      List<String> names = accepted.stream().map(Curve::cliName).toList();
      throw new HandshakeException(
          "the peer wants curve '"
              + shown(name)
              + "'; this side accepts "
              + String.join(", ", names));
    }
    return curve;
  }

  private static PublicKey ed25519(byte[] der) throws HandshakeException {
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new HandshakeException("the server's identity key is not an Ed25519 key", e);
    }
  }

  private static String shown(String untrusted) {
    String cut = untrusted.length() > 40 ? untrusted.substring(0, 40) + "…" : untrusted;
    return TerminalText.sanitize(cut);
  }
}
