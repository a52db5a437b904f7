package securechat.ecdhe;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import securechat.core.channel.HandshakeException;

/**
 * The handshake's three messages, each a few lines of ASCII text so that a capture reads like the
 * protocol (docs/protocol.md, "The ecdhe handshake"):
 *
 * <pre>
 * ECDHE-HELLO 1 CURVE CLIENT-NONCE        client → server, then the client's ephemeral key (PEM)
 * ECDHE-SERVER 1 CURVE SALT               server → client, then the server's ephemeral key (PEM),
 * IDENTITY ed25519 KEY | IDENTITY none      its long-term identity key (or none: --insecure-no-auth)
 * SIGNATURE SIG                             and its signature over the transcript (with a key only)
 * ECDHE-FINISHED MAC                      each side, client first: proof it derived the same keys
 * </pre>
 */
final class HandshakeMessages {
  static final String VERSION = "1";

  private HandshakeMessages() {}

  /** What the client sends first. */
  record ClientHello(Curve curve, byte[] nonce, PublicKey ephemeral) {
    List<String> toLines() {
      List<String> lines = new ArrayList<>();
      lines.add("ECDHE-HELLO " + VERSION + " " + curve.cliName() + " " + base64(nonce));
      lines.addAll(PemKeys.toLines(ephemeral));
      return lines;
    }
  }

  /** The server's answer; identity and signature are absent in the unauthenticated mode. */
  record ServerHello(
      Curve curve,
      byte[] salt,
      PublicKey ephemeral,
      Optional<PublicKey> identity,
      Optional<byte[]> signature) {
    /** The lines the signature covers: everything but the SIGNATURE line. */
    List<String> signedLines() {
      List<String> lines = new ArrayList<>();
      lines.add("ECDHE-SERVER " + VERSION + " " + curve.cliName() + " " + base64(salt));
      lines.addAll(PemKeys.toLines(ephemeral));
      lines.add(
          identity
              .map(key -> "IDENTITY ed25519 " + base64(key.getEncoded()))
              .orElse("IDENTITY none"));
      return lines;
    }

    List<String> toLines() {
      List<String> lines = signedLines();
      signature.ifPresent(bytes -> lines.add("SIGNATURE " + base64(bytes)));
      return lines;
    }
  }

  /** Key confirmation: an HMAC over the transcript under the confirmation key. */
  record Finished(byte[] mac) {
    List<String> toLines() {
      return List.of("ECDHE-FINISHED " + base64(mac));
    }
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Decodes a base64 field of a peer's line, or says which field was not base64. */
  static byte[] unbase64(String untrustedField, String what) throws HandshakeException {
    try {
      return Base64.getDecoder().decode(untrustedField);
    } catch (IllegalArgumentException e) {
      throw new HandshakeException("the peer's " + what + " is not base64");
    }
  }
}
