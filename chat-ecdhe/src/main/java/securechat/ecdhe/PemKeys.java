package securechat.ecdhe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import securechat.core.channel.HandshakeException;

/**
 * Public keys as PEM SubjectPublicKeyInfo (RFC 7468 §13, RFC 5280 §4.1.2.7), the form the seed
 * exchanged: a BEGIN line, base64 in 64-column lines, an END line.
 */
final class PemKeys {
  static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  static final String END = "-----END PUBLIC KEY-----";

  /** A key block is a few lines; more means the peer is not sending one. */
  static final int MAX_LINES = 16;

  private PemKeys() {}

  static List<String> toLines(PublicKey key) {
    List<String> lines = new ArrayList<>();
    lines.add(BEGIN);
    String base64 = Base64.getEncoder().encodeToString(key.getEncoded());
    for (int i = 0; i < base64.length(); i += 64) {
      lines.add(base64.substring(i, Math.min(base64.length(), i + 64)));
    }
    lines.add(END);
    return lines;
  }

  /** Parses the lines between BEGIN and END as a public key on {@code curve}. */
  static PublicKey parse(List<String> peerLines, Curve curve) throws HandshakeException {
    StringBuilder base64 = new StringBuilder();
    for (String line : peerLines) {
      if (!line.equals(BEGIN) && !line.equals(END)) {
        base64.append(line);
      }
    }
    try {
      byte[] der =
          Base64.getDecoder().decode(base64.toString().getBytes(StandardCharsets.US_ASCII));
      PublicKey key =
          KeyFactory.getInstance(curve.keyFactory()).generatePublic(new X509EncodedKeySpec(der));
      if (curve == Curve.P384
          && ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize() != 384) {
        throw new HandshakeException("the peer's public key is on another curve, not P-384");
      }
      return key;
    } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
      throw new HandshakeException(
          "the peer's public key is not a valid " + curve.cliName() + " key", e);
    }
  }
}
