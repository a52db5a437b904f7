package securechat.ecdhe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import securechat.core.channel.HandshakeException;
import securechat.core.identity.KnownHosts;
import securechat.core.identity.ServerIdentity;
import securechat.ecdhe.HandshakeMessages.ClientHello;
import securechat.ecdhe.HandshakeMessages.Finished;
import securechat.ecdhe.HandshakeMessages.ServerHello;

/**
 * The ecdhe handshake as message steps: each side takes the peer's message and returns its own. No
 * I/O here, so tests (and the MITM lab) can run both sides in one thread, or change a message
 * between them; {@link EcdheSecurity} drives the steps over a socket.
 *
 * <pre>{@code
 * EcdheHandshake.Client client = new EcdheHandshake.Client(Curve.X25519);
 * EcdheHandshake.Server server = new EcdheHandshake.Server(List.of(Curve.X25519), identity);
 * ServerHello serverHello = server.answer(client.hello());
 * Finished clientFinished = client.answer(serverHello);   // the client checks the server here
 * Finished serverFinished = server.confirm(clientFinished);
 * SessionKeys keys = client.confirm(serverFinished);
 * }</pre>
 */
final class EcdheHandshake {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] SIGNATURE_CONTEXT =
      "securechat-lab ecdhe server signature\n".getBytes(StandardCharsets.US_ASCII);

  private EcdheHandshake() {}

  /** The client's side. */
  static final class Client {
    private final EphemeralKeyPair ephemeral;
    private final ClientHello hello;
    private SessionKeys keys;
    private ServerHello serverHello;

    Client(Curve curve) {
      ephemeral = curve.generateKeyPair(RANDOM);
      hello = new ClientHello(curve, randomBytes(32), ephemeral.publicKey());
    }

    ClientHello hello() {
      return hello;
    }

    /**
     * Checks the server's signature when it sent an identity (pinning the key is the caller's
     * business: see {@link KnownHosts}), derives the keys and returns the client's Finished.
     *
     * @param requireIdentity false only for {@code --insecure-no-auth}
     */
    Finished answer(ServerHello untrustedHello, boolean requireIdentity) throws HandshakeException {
      byte[] transcript = transcript(hello, untrustedHello);
      if (untrustedHello.identity().isPresent()) {
        verifySignature(untrustedHello, transcript);
      } else if (requireIdentity) {
        throw new HandshakeException(
            "the server did not sign the handshake (it runs --insecure-no-auth, or someone in the"
                + " middle removed its identity); refusing an unauthenticated exchange",
            "run the server without --insecure-no-auth; only the man-in-the-middle lab's victim"
                + " connects with --insecure-no-auth",
            null);
      }
      serverHello = untrustedHello;
      byte[] secret = ephemeral.agree(untrustedHello.ephemeral());
      keys = SessionKeys.derive(secret, untrustedHello.salt(), transcript);
      return new Finished(mac(keys, "client finished"));
    }

    SessionKeys confirm(Finished untrustedFinished) throws HandshakeException {
      verifyMac(keys, "server finished", untrustedFinished, "server");
      return keys;
    }

    /** The server's identity key, if it sent one. */
    Optional<PublicKey> serverIdentity() {
      return serverHello.identity();
    }
  }

  /** The server's side. */
  static final class Server {
    private final List<Curve> accepted;
    private final Optional<ServerIdentity> identity;
    private SessionKeys keys;
    private ClientHello clientHello;

    /**
     * @param identity empty for {@code --insecure-no-auth}: nothing is signed
     */
    Server(List<Curve> accepted, Optional<ServerIdentity> identity) {
      this.accepted = List.copyOf(accepted);
      this.identity = identity;
    }

    List<Curve> accepted() {
      return accepted;
    }

    ServerHello answer(ClientHello untrustedHello)
        throws HandshakeException, GeneralSecurityException {
      clientHello = untrustedHello;
      Curve curve = untrustedHello.curve();
      EphemeralKeyPair ephemeral = curve.generateKeyPair(RANDOM);
      byte[] salt = randomBytes(32);
      ServerHello unsigned =
          new ServerHello(
              curve,
              salt,
              ephemeral.publicKey(),
              identity.map(ServerIdentity::publicKey),
              Optional.empty());
      byte[] transcript = transcript(untrustedHello, unsigned);
      Optional<byte[]> signature =
          identity.isPresent()
              ? Optional.of(identity.get().sign(signedBytes(transcript)))
              : Optional.empty();
      byte[] secret = ephemeral.agree(untrustedHello.ephemeral());
      keys = SessionKeys.derive(secret, salt, transcript);
      return new ServerHello(curve, salt, ephemeral.publicKey(), unsigned.identity(), signature);
    }

    /** Checks the client's Finished and returns the server's. */
    Finished confirm(Finished untrustedFinished) throws HandshakeException {
      verifyMac(keys, "client finished", untrustedFinished, "client");
      return new Finished(mac(keys, "server finished"));
    }

    SessionKeys keys() {
      return keys;
    }

    byte[] clientNonce() {
      return clientHello.nonce();
    }
  }

  /** SHA-256 over the client's hello and the server's signed lines, each ending in \n. */
  static byte[] transcript(ClientHello hello, ServerHello serverHello) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (String line : hello.toLines()) {
        sha256.update((line + "\n").getBytes(StandardCharsets.US_ASCII));
      }
      for (String line : serverHello.signedLines()) {
        sha256.update((line + "\n").getBytes(StandardCharsets.US_ASCII));
      }
      return sha256.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] signedBytes(byte[] transcript) {
    byte[] bytes = new byte[SIGNATURE_CONTEXT.length + transcript.length];
    System.arraycopy(SIGNATURE_CONTEXT, 0, bytes, 0, SIGNATURE_CONTEXT.length);
    System.arraycopy(transcript, 0, bytes, SIGNATURE_CONTEXT.length, transcript.length);
    return bytes;
  }

  private static void verifySignature(ServerHello hello, byte[] transcript)
      throws HandshakeException {
    if (!ServerIdentity.verify(
        hello.identity().orElseThrow(), signedBytes(transcript), hello.signature().orElseThrow())) {
      throw new HandshakeException(
          "the server's signature over the handshake does not verify: someone changed a message");
    }
  }

  private static byte[] mac(SessionKeys keys, String label) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(keys.confirm, "HmacSHA256"));
      hmac.update(label.getBytes(StandardCharsets.US_ASCII));
      return hmac.doFinal(keys.transcriptHash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  private static void verifyMac(SessionKeys keys, String label, Finished finished, String peer)
      throws HandshakeException {
    if (!MessageDigest.isEqual(mac(keys, label), finished.mac())) {
      throw new HandshakeException(
          "the "
              + peer
              + "'s key confirmation does not match: the two sides derived different"
              + " keys (someone in the middle, or a broken peer)");
    }
  }

  static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
