package securechat.ecdhe;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import securechat.core.channel.ChannelInfo;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.channel.LineFramer;
import securechat.core.channel.SealedLineChannel;
import securechat.core.identity.KnownHosts;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Limits;
import securechat.ecdhe.HandshakeMessages.ClientHello;
import securechat.ecdhe.HandshakeMessages.Finished;
import securechat.ecdhe.HandshakeMessages.ServerHello;

/**
 * The ecdhe stage: a handshake of ephemeral ECDH keys (X25519 by default, P-384 on request) signed
 * by the server's pinned Ed25519 identity, HKDF-SHA256 to a key per direction, key confirmation,
 * then each chat line as one numbered Fernet token.
 *
 * <p><b>Protects:</b> confidentiality and integrity of every line after the handshake, their order
 * (no replay, drop, reorder or reflection goes unnoticed), and the server's identity once pinned.
 * Ephemeral keys give forward secrecy: the identity key cannot decrypt old captures.
 *
 * <p><b>Does not protect:</b> the first connection to a server (trust on first use); sizes and
 * timing of lines; the Fernet timestamp (visible in every token) and who connects when. With {@code
 * --insecure-no-auth} nothing authenticates the exchange, and a man in the middle who runs two
 * exchanges reads and changes everything: the seed's design.
 *
 * <p><b>What the sniffer sees:</b> the handshake in clear text (curves, nonces, the two PEM public
 * keys, the identity key and signature), then lines of Fernet tokens: base64url starting {@code
 * gAAAAA}, whose version byte, timestamp and IV are readable and the rest is not.
 */
public final class EcdheSecurity implements ChannelSecurity {
  private final Curve curve;
  private final List<Curve> accepted;
  private final Optional<ServerIdentity> identity;
  private final Optional<KnownHosts> knownHosts;
  private final String serverName;
  private final Limits limits;
  private final Clock clock;
  private final Optional<EcdheKeyLog> keyLog;

  private EcdheSecurity(
      Curve curve,
      List<Curve> accepted,
      Optional<ServerIdentity> identity,
      Optional<KnownHosts> knownHosts,
      String serverName,
      Limits limits,
      Clock clock,
      Optional<Path> keyLog)
      throws IOException {
    this.curve = curve;
    this.accepted = List.copyOf(accepted);
    this.identity = identity;
    this.knownHosts = knownHosts;
    this.serverName = serverName;
    this.limits = limits;
    this.clock = clock;
    this.keyLog =
        keyLog.isPresent() ? Optional.of(new EcdheKeyLog(keyLog.get())) : Optional.empty();
  }

  /**
   * A server: signs with {@code identity} (empty: {@code --insecure-no-auth}) and accepts the
   * curves listed; appends each session's keys to {@code keyLog} if given.
   */
  public static EcdheSecurity server(
      Optional<ServerIdentity> identity,
      List<Curve> accepted,
      Limits limits,
      Clock clock,
      Optional<Path> keyLog)
      throws IOException {
    return new EcdheSecurity(
        Curve.X25519, accepted, identity, Optional.empty(), "", limits, clock, keyLog);
  }

  /**
   * A client on {@code curve} that checks the server against {@code knownHosts} under the name
   * {@code serverName} ({@code host:port}); empty known hosts: {@code --insecure-no-auth}.
   */
  public static EcdheSecurity client(
      Curve curve,
      Optional<KnownHosts> knownHosts,
      String serverName,
      Limits limits,
      Clock clock,
      Optional<Path> keyLog)
      throws IOException {
    return new EcdheSecurity(
        curve, List.of(curve), Optional.empty(), knownHosts, serverName, limits, clock, keyLog);
  }

  @Override
  public String stage() {
    return "ecdhe";
  }

  @Override
  public LineChannel accept(Socket socket) throws IOException, HandshakeException {
    LineFramer framer =
        new LineFramer(socket.getInputStream(), FernetSealer.maxRecordBytes(limits.maxLineBytes()));
    HandshakeReader reader = new HandshakeReader(framer);
    EcdheHandshake.Server server = new EcdheHandshake.Server(accepted, identity);
    ClientHello hello = reader.clientHello(accepted);
    try {
      write(socket, server.answer(hello).toLines());
    } catch (GeneralSecurityException e) {
      throw new HandshakeException("cannot answer the handshake: " + e.getMessage(), e);
    }
    write(socket, server.confirm(reader.finished()).toLines());
    SessionKeys keys = server.keys();
    logKeys(hello.nonce(), keys);
    return new SealedLineChannel(
        socket,
        framer,
        sealer(keys.serverToClient),
        sealer(keys.clientToServer),
        limits.maxLineBytes(),
        info(
            hello.curve(),
            keys,
            identity.isPresent()
                ? "signed with this server's identity"
                : "NOT authenticated (--insecure-no-auth)"));
  }

  @Override
  public LineChannel connect(Socket socket) throws IOException, HandshakeException {
    int maxServerLine = limits.maxServerLineBytes();
    LineFramer framer =
        new LineFramer(socket.getInputStream(), FernetSealer.maxRecordBytes(maxServerLine));
    HandshakeReader reader = new HandshakeReader(framer);
    EcdheHandshake.Client client = new EcdheHandshake.Client(curve);
    write(socket, client.hello().toLines());
    ServerHello serverHello = reader.serverHello(curve);
    Finished finished = client.answer(serverHello, knownHosts.isPresent());
    if (knownHosts.isPresent()) {
      knownHosts.get().check(serverName, serverHello.identity().orElseThrow());
    }
    write(socket, finished.toLines());
    SessionKeys keys = client.confirm(reader.finished());
    logKeys(client.hello().nonce(), keys);
    String authenticity =
        knownHosts.isPresent()
            ? "server identity "
                + ServerIdentity.fingerprint(serverHello.identity().get())
                + ", pinned"
            : "server NOT authenticated (--insecure-no-auth): a man in the middle reads all";
    return new SealedLineChannel(
        socket,
        framer,
        sealer(keys.clientToServer),
        sealer(keys.serverToClient),
        maxServerLine,
        info(curve, keys, authenticity));
  }

  private FernetSealer sealer(byte[] key) {
    return new FernetSealer(new Fernet(key), clock, Optional.empty());
  }

  private void logKeys(byte[] clientNonce, SessionKeys keys) throws IOException {
    if (keyLog.isPresent()) {
      keyLog.get().append(clientNonce, keys);
    }
  }

  private static ChannelInfo info(Curve curve, SessionKeys keys, String authenticity) {
    List<String> details = new ArrayList<>();
    details.add(
        "key exchange: ephemeral " + curve.cliName() + ", HKDF-SHA256, a key per direction");
    details.add("session fingerprint: " + keys.fingerprint() + " (the same on both ends)");
    details.add("authenticity: " + authenticity);
    details.add("lines: one Fernet token each (AES-128-CBC + HMAC-SHA256), numbered");
    return new ChannelInfo(
        "ecdhe",
        "ECDHE + Fernet: lines encrypted, authenticated and numbered",
        details,
        Optional.of("ecdhe session " + keys.fingerprint() + " (" + curve.cliName() + ")"));
  }

  private static void write(Socket socket, List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    OutputStream out = socket.getOutputStream();
    out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
