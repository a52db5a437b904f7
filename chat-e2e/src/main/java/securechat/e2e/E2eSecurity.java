package securechat.e2e;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import securechat.core.channel.ChannelInfo;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.channel.PeerIdentity;
import securechat.core.channel.UserDirectory;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.ProtocolException;

/**
 * The e2e stage: a transport (TLS by default, or plain), then the e2e login handshake ({@link
 * E2eHandshake}), then the chat with every message sealed end to end by the clients ({@link
 * E2eClientChannel}). The server keeps the {@link KeyDirectory} and routes envelopes it cannot
 * open.
 *
 * <p><b>Protects:</b> message and file content and their kind from the server and from the network,
 * sender authenticity, integrity and replays (checked by the recipient against the signed key
 * directory), the server's identity (pinned on first use).
 *
 * <p><b>Does not protect:</b> metadata (who writes to whom, when, how much: the server sees it, and
 * over {@code --transport plain} so does the network); a malicious server that signs a false key
 * for someone, unless the two users compare safety numbers; forward secrecy of message content (a
 * stolen identity key opens every recorded envelope sent to it).
 *
 * <p><b>What the sniffer sees:</b> over TLS, TLS records only. Over {@code --transport plain}: the
 * handshake lines (the public keys and signatures), {@code /login alice PASSWORD} (the password is
 * protected by the transport only, so plain shows it), {@code KEY} lines, and whispers whose text
 * is an envelope: sender, recipient, counter, time and sizes readable, content not.
 */
public final class E2eSecurity implements ChannelSecurity {
  private final ChannelSecurity transport;
  private final Optional<ServerIdentity> server;
  private final Optional<KeyDirectory> directory;
  private final Optional<E2eUser> user;
  private final SecureRandom random = new SecureRandom();

  private E2eSecurity(
      ChannelSecurity transport,
      Optional<ServerIdentity> server,
      Optional<KeyDirectory> directory,
      Optional<E2eUser> user) {
    this.transport = transport;
    this.server = server;
    this.directory = directory;
    this.user = user;
  }

  /** A server: proves itself with {@code identity} and binds accounts in {@code directory}. */
  public static E2eSecurity server(
      ChannelSecurity transport, ServerIdentity identity, KeyDirectory directory) {
    return new E2eSecurity(
        transport, Optional.of(identity), Optional.of(directory), Optional.empty());
  }

  /** A client for {@code user}, whose identity keys are already unlocked. */
  public static E2eSecurity client(ChannelSecurity transport, E2eUser user) {
    return new E2eSecurity(transport, Optional.empty(), Optional.empty(), Optional.of(user));
  }

  @Override
  public String stage() {
    return "e2e";
  }

  @Override
  public UserDirectory directory() {
    return directory.map(d -> (UserDirectory) d).orElse(UserDirectory.NONE);
  }

  @Override
  public LineChannel accept(Socket socket) throws IOException, HandshakeException {
    ServerIdentity identity = server.orElseThrow(() -> new IllegalStateException("a client"));
    LineChannel channel = transport.accept(socket);
    E2eHandshake.Hello hello = E2eHandshake.Hello.fresh(identity, random);
    channel.send(hello.encode());
    E2eHandshake.Identity client;
    try {
      client = E2eHandshake.Identity.parseAndVerify(receive(channel), hello);
    } catch (HandshakeException e) {
      channel.send("E2E-REFUSED " + e.getMessage());
      throw e;
    }
    try {
      channel.send(E2eHandshake.welcome(identity, hello, client));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the server cannot sign with its identity key", e);
    }
    return new ProvenChannel(channel, serverInfo(channel.info(), client));
  }

  @Override
  public LineChannel connect(Socket socket) throws IOException, HandshakeException {
    E2eUser me = user.orElseThrow(() -> new IllegalStateException("a server"));
    LineChannel channel = transport.connect(socket);
    E2eHandshake.Hello hello = E2eHandshake.Hello.parse(receive(channel));
    me.checkServerKey(hello.serverKey());
    E2eHandshake.Identity proof = E2eHandshake.Identity.prove(hello, me.name(), me.keys(), random);
    channel.send(proof.encode());
    E2eHandshake.verifyWelcome(receive(channel), hello, proof);
    return new E2eClientChannel(
        channel, clientInfo(channel.info(), me, hello), me, hello.serverKey());
  }

  /** A handshake line: a line too long or not UTF-8 fails the handshake. */
  private static String receive(LineChannel channel) throws IOException, HandshakeException {
    try {
      return channel.receive();
    } catch (ProtocolException e) {
      throw new HandshakeException("a bad line in the e2e handshake: " + e.sentence());
    }
  }

  private static ChannelInfo serverInfo(ChannelInfo transportInfo, E2eHandshake.Identity client) {
    PublicIdentity keys = client.keys();
    String proven = "e2e identity " + client.name() + " " + keys.fingerprint();
    return new ChannelInfo(
        "e2e",
        "end-to-end (HPKE + Ed25519) over " + transportInfo.stage(),
        transportInfo.details(),
        Optional.of(transportInfo.session().map(s -> s + "; ").orElse("") + proven),
        Optional.of(
            new PeerIdentity(
                client.name(), keys.signingKeyBase64() + " " + keys.encryptionKeyBase64())));
  }

  private static ChannelInfo clientInfo(
      ChannelInfo transportInfo, E2eUser me, E2eHandshake.Hello hello) {
    List<String> details = new ArrayList<>();
    details.add(
        "messages: sealed to each recipient with HPKE ("
            + me.aead().wireName()
            + "), signed with your Ed25519 key");
    details.add("your identity: " + me.keys().publicIdentity().fingerprint());
    details.add("server identity: " + ServerIdentity.fingerprint(hello.serverKey()) + " (pinned)");
    details.add("transport: " + transportInfo.stage() + ": " + transportInfo.protection());
    transportInfo.details().forEach(detail -> details.add("  " + detail));
    return new ChannelInfo(
        "e2e",
        "end to end: the server routes messages it cannot read",
        details,
        transportInfo.session());
  }
}
