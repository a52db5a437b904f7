package securechat.ecdhe.seed;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import securechat.core.channel.HandshakeException;
import securechat.core.protocol.ProtocolException;

/**
 * Seed 000's public-key message: a P-384 key as PEM SubjectPublicKeyInfo, written as Python's
 * {@code cryptography} writes it (RFC 7468 §13), byte for byte:
 *
 * <pre>
 *   -----BEGIN PUBLIC KEY-----\n                       27 bytes
 *   MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAE...\n  (64 columns)  65
 *   ...\n                                  (64 columns)  65
 *   ...\n                                  (32 columns)  33
 *   -----END PUBLIC KEY-----\n                         25
 *                                                     215 bytes: 120 bytes of DER in base64
 * </pre>
 *
 * <p>Reading is by lines up to the END line, so it does not matter how TCP cut the 215 bytes, and
 * never past it, so the bytes that follow stay in the stream for the next step.
 */
final class SeedPem {
  static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  static final String END = "-----END PUBLIC KEY-----";

  /** The size of a P-384 key in this format: what the seed sends and expects. */
  static final int P384_PEM_BYTES = 215;

  private static final int MAX_LINE_BYTES = 80;
  private static final int MAX_BASE64_LINES = 8;

  private SeedPem() {}

  /** The key's SubjectPublicKeyInfo as PEM with 64-column lines, each ending {@code \n}. */
  static byte[] encode(PublicKey key) {
    Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII));
    String body = mime.encodeToString(key.getEncoded());
    return (BEGIN + "\n" + body + "\n" + END + "\n").getBytes(US_ASCII);
  }

  /**
   * Reads one PEM public key from {@code in} and checks it is a point on P-384.
   *
   * @throws HandshakeException if what arrives is not that, with the offending line quoted
   */
  static ECPublicKey readP384(InputStream in) throws IOException, HandshakeException {
    String first = readLine(in, true);
    if (!first.equals(BEGIN)) {
      throw new HandshakeException(
          "the peer sent " + ProtocolException.quote(first) + " where seed 000 expects " + BEGIN);
    }
    StringBuilder base64 = new StringBuilder();
    for (String line = readLine(in, false); !line.equals(END); line = readLine(in, false)) {
      if (base64.length() > MAX_BASE64_LINES * 64) {
        throw new HandshakeException(
            "the peer's public key goes on past " + MAX_BASE64_LINES + " lines without " + END);
      }
      base64.append(line);
    }
    return parseP384(base64.toString());
  }

  private static ECPublicKey parseP384(String base64) throws HandshakeException {
    PublicKey key;
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new HandshakeException("the peer's PEM block does not hold an EC public key", e);
    }
    ECPublicKey ecKey = (ECPublicKey) key;
    if (!P384.isOnThisCurve(ecKey)) {
      throw new HandshakeException("the peer's public key is on another curve, not P-384");
    }
    return ecKey;
  }

  /** One line without its {@code \n} (and a {@code \r} before it, if any). */
  private static String readLine(InputStream in, boolean first)
      throws IOException, HandshakeException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new HandshakeException(
            first && line.size() == 0
                ? "the peer closed the connection before sending its public key"
                : "the peer closed the connection in the middle of its public key");
      }
      if (line.size() == MAX_LINE_BYTES) {
        throw new HandshakeException(
            "the peer sent "
                + ProtocolException.quote(line.toString(ISO_8859_1))
                + ", a line longer than "
                + MAX_LINE_BYTES
                + " bytes, where seed 000 expects a PEM public key");
      }
      line.write(b);
    }
    String text = line.toString(ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
