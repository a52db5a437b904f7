package securechat.ecdhe.seed;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import securechat.core.channel.RecordException;
import securechat.core.channel.RecordException.Reason;
import securechat.ecdhe.Fernet;

/**
 * A seed 000 connection after its handshake: each message is one Fernet token under the one key K,
 * framed as {@link SeedFraming} says. Made by {@link Seed000Handshake}.
 *
 * <p><b>Protects:</b> each message's content and integrity against anyone who does not hold K.
 *
 * <p><b>Does not protect:</b>
 *
 * <ul>
 *   <li>against replay, reordering or deletion: tokens carry no sequence number and the seed checks
 *       no time-to-live, so a token recorded earlier in this session is accepted again, as many
 *       times as it is sent, and a dropped token leaves no trace;
 *   <li>direction: both sides encrypt under the same K, so a token the server sent, reflected back
 *       to it, decrypts as if the client had written it;
 *   <li>the peer's identity: the handshake authenticates no one (see {@link Seed000Handshake}).
 * </ul>
 *
 * <p>{@link #send} and {@link #receive} may run on two threads at once; two senders are serialised.
 */
public final class Seed000Session implements Closeable {
  /**
   * The longest message {@link #send} takes, in UTF-8 bytes: its token stays under {@link
   * SeedFraming#MAX_TOKEN_BYTES}.
   */
  public static final int MAX_MESSAGE_BYTES = 32 * 1024;

  private final Socket socket;
  private final OutputStream out;
  private final SeedFraming framing;
  private final Fernet fernet;
  private final String keyFingerprint;
  private final TokenReader reader;
  private final ReentrantLock sendLock = new ReentrantLock();
  private volatile boolean closed;

  /**
   * @param in the socket's input, as buffered by the handshake: it may already hold tokens
   * @param key the Fernet key K, copied, never kept as bytes
   */
  Seed000Session(Socket socket, InputStream in, SeedFraming framing, byte[] key)
      throws IOException {
    this.socket = Objects.requireNonNull(socket, "socket");
    this.out = socket.getOutputStream();
    this.framing = Objects.requireNonNull(framing, "framing");
    this.fernet = new Fernet(key);
    this.keyFingerprint = fingerprintOf(key);
    this.reader = framing.newReader(in, this::isAuthentic);
  }

  /**
   * Encrypts {@code text} as UTF-8 into one token, dated now, and writes it in one write.
   *
   * @throws IllegalArgumentException if the text is over {@link #MAX_MESSAGE_BYTES}
   */
  public void send(String text) throws IOException {
    byte[] plaintext = text.getBytes(UTF_8);
    if (plaintext.length > MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException(
          "message is " + plaintext.length + " bytes; the maximum is " + MAX_MESSAGE_BYTES);
    }
    String token = fernet.encrypt(plaintext, Instant.now());
    sendLock.lock();
    try {
      framing.writeToken(out, token);
    } finally {
      sendLock.unlock();
    }
  }

  /**
   * The next message's text, or {@code null} once the peer has closed the connection. Like the
   * seed, no time-to-live is checked and no token is remembered: a replayed token is accepted (see
   * the class comment).
   *
   * @throws RecordException if a token fails (bad form, wrong key, changed in transit, dated over a
   *     minute ahead, not UTF-8): that message is lost, the session goes on
   * @throws IOException if the stream breaks or its framing cannot be followed: the session is over
   */
  public String receive() throws IOException, RecordException {
    String token = reader.readToken();
    if (token == null) {
      return null;
    }
    byte[] plaintext = fernet.decrypt(token, Instant.now(), Optional.empty());
    try {
      return UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(plaintext))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RecordException(Reason.MALFORMED, "an authentic token holds no UTF-8 text");
    }
  }

  /**
   * The first 8 bytes of SHA-256(K), in hex: compare it on both consoles to see whether both sides
   * hold the same key. The seed printed K itself; a fingerprint tells the same without handing K to
   * whoever reads the screen or the log.
   */
  public String keyFingerprint() {
    return keyFingerprint;
  }

  public SeedFraming framing() {
    return framing;
  }

  /** How many characters of token a message of {@code plaintextBytes} makes. */
  static int tokenChars(int plaintextBytes) {
    // Fernet spec, Token Format: 1 + 8 + 16 bytes, the ciphertext padded to whole 16-byte blocks
    // (PKCS #7 adds 1 to 16 bytes), 32 bytes of HMAC; then base64 with padding.
    int tokenBytes = 25 + (plaintextBytes / 16 + 1) * 16 + 32;
    return (tokenBytes + 2) / 3 * 4;
  }

  /** Tells the peer we will send nothing more; it can still send to us. */
  public void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  /** True once {@link #close} was called here; a read that fails after it is no news. */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    socket.close();
  }

  /** For the raw reader: is this complete text a token made with K? Its time does not matter. */
  private boolean isAuthentic(String token) {
    try {
      fernet.decrypt(token, Instant.now(), Optional.empty());
      return true;
    } catch (RecordException e) {
      return e.reason() == Reason.EXPIRED;
    }
  }

  private static String fingerprintOf(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
