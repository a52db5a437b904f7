package securechat.ecdhe.seed;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Objects;
import securechat.core.channel.HandshakeException;
import securechat.core.protocol.ProtocolException;
import securechat.ecdhe.Fernet;
import securechat.ecdhe.Hkdf;

/**
 * Seed 000's handshake, as the original Python programs run it (seed-protocols.md, "Seed 000"):
 *
 * <pre>
 *   client                                         server
 *     |  1. client's P-384 public key, PEM (215 B)   |
 *     | -------------------------------------------> |
 *     |  2. server's P-384 public key, PEM (215 B)   |
 *     | <------------------------------------------- |
 *     |  3. "ACK" (3 B)                              |
 *     | -------------------------------------------> |
 *     |  4. salt (16 random bytes)                   |
 *     | <------------------------------------------- |
 *
 *   K = HKDF-SHA256(salt, IKM = ECDH x-coordinate (48 B), info = "HANDSHAKE_INFO", 32 B)
 *   K is the Fernet key for both directions.
 * </pre>
 *
 * <pre>{@code
 * socket.setSoTimeout(10_000);                        // the caller bounds the handshake
 * Seed000Session session = Seed000Handshake.client(socket, SeedFraming.LEN32);
 * socket.setSoTimeout(0);
 * session.send("hello");
 * }</pre>
 *
 * <p><b>Protects:</b> against a passive eavesdropper only, who sees two public keys and a salt and
 * cannot compute K from them.
 *
 * <p><b>Does not protect:</b> against a man in the middle. Neither key is authenticated, so an
 * attacker who relays the connection runs one handshake with each side, holds both keys and reads
 * and changes every message; nothing in the protocol can notice. Nor does it confirm the key: a
 * wrong key shows only when the first message fails to decrypt.
 */
public final class Seed000Handshake {
  static final byte[] ACK = "ACK".getBytes(US_ASCII);
  static final int SALT_BYTES = 16;
  static final byte[] HKDF_INFO = "HANDSHAKE_INFO".getBytes(US_ASCII);

  private static final SecureRandom RANDOM = new SecureRandom();

  private Seed000Handshake() {}

  /**
   * Runs the client's side on a connected socket. Every read waits at most the socket's timeout,
   * which the caller sets.
   *
   * @throws HandshakeException if the server breaks the protocol, stops half-way or times out
   */
  public static Seed000Session client(Socket socket, SeedFraming framing)
      throws IOException, HandshakeException {
    Objects.requireNonNull(framing, "framing");
    // One buffered stream for the handshake and the tokens after it, so that no byte read ahead
    // during the handshake is lost to the session.
    InputStream in = new BufferedInputStream(socket.getInputStream());
    OutputStream out = socket.getOutputStream();
    KeyPair ours = P384.newKeyPair();
    write(out, SeedPem.encode(ours.getPublic()));
    ECPublicKey serverKey = readPeerKey(in, socket);
    write(out, ACK);
    byte[] salt = readExactly(in, SALT_BYTES, "salt", socket);
    return openSession(socket, in, framing, deriveKey(ours, serverKey, salt));
  }

  /**
   * Runs the server's side on an accepted socket. Every read waits at most the socket's timeout,
   * which the caller sets.
   *
   * @throws HandshakeException if the client breaks the protocol, stops half-way or times out
   */
  public static Seed000Session server(Socket socket, SeedFraming framing)
      throws IOException, HandshakeException {
    Objects.requireNonNull(framing, "framing");
    InputStream in = new BufferedInputStream(socket.getInputStream());
    OutputStream out = socket.getOutputStream();
    ECPublicKey clientKey = readPeerKey(in, socket);
    KeyPair ours = P384.newKeyPair();
    write(out, SeedPem.encode(ours.getPublic()));
    checkAck(readExactly(in, ACK.length, "ACK", socket));
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    write(out, salt);
    return openSession(socket, in, framing, deriveKey(ours, clientKey, salt));
  }

  /** K = HKDF-SHA256(salt, ECDH x-coordinate, "HANDSHAKE_INFO", 32 bytes); the secret is wiped. */
  static byte[] deriveKey(KeyPair ours, ECPublicKey peerPublicKey, byte[] salt)
      throws HandshakeException {
    byte[] sharedSecret = P384.sharedSecret(ours.getPrivate(), peerPublicKey);
    try {
      return Hkdf.sha256(salt, sharedSecret, HKDF_INFO, Fernet.KEY_BYTES);
    } finally {
      Arrays.fill(sharedSecret, (byte) 0);
    }
  }

  private static Seed000Session openSession(
      Socket socket, InputStream in, SeedFraming framing, byte[] key) throws IOException {
    try {
      return new Seed000Session(socket, in, framing, key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The seed's server closes unless it reads exactly the three bytes {@code ACK}. */
  static void checkAck(byte[] untrustedAck) throws HandshakeException {
    if (!MessageDigest.isEqual(untrustedAck, ACK)) {
      String shown = ProtocolException.quote(new String(untrustedAck, ISO_8859_1));
      throw new HandshakeException("the peer sent " + shown + " where seed 000 expects ACK");
    }
  }

  private static ECPublicKey readPeerKey(InputStream in, Socket socket)
      throws IOException, HandshakeException {
    try {
      return SeedPem.readP384(in);
    } catch (SocketTimeoutException e) {
      throw timedOut("public key", socket, e);
    }
  }

  private static byte[] readExactly(InputStream in, int count, String what, Socket socket)
      throws IOException, HandshakeException {
    byte[] bytes;
    try {
      bytes = in.readNBytes(count);
    } catch (SocketTimeoutException e) {
      throw timedOut(what, socket, e);
    }
    if (bytes.length < count) {
      throw new HandshakeException(
          "the peer closed the connection after "
              + bytes.length
              + " of the "
              + count
              + " bytes of its "
              + what);
    }
    return bytes;
  }

  private static HandshakeException timedOut(String what, Socket socket, IOException cause)
      throws IOException {
    return new HandshakeException(
        "the peer did not send its "
            + what
            + " within "
            + socket.getSoTimeout()
            + " ms; is it a seed 000 program?",
        cause);
  }

  private static void write(OutputStream out, byte[] message) throws IOException {
    out.write(message);
    out.flush();
  }
}
