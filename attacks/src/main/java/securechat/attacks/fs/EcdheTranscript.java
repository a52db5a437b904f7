package securechat.attacks.fs;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What a passive attacker reads from a recorded ecdhe connection ({@code docs/protocol.md}, "The
 * ecdhe handshake"): the client's nonce and ephemeral key, the server's salt and ephemeral key, the
 * transcript hash H that the keys are bound to, and the Fernet tokens that follow, both ways.
 * Everything needed to derive the session keys is here except the one thing that is never sent: an
 * ephemeral private key.
 *
 * @param clientNonce the nonce of {@code ECDHE-HELLO}, which names the session in a key log
 * @param clientEphemeral the client's ephemeral public key
 * @param salt the server's HKDF salt from {@code ECDHE-SERVER}
 * @param serverEphemeral the server's ephemeral public key
 * @param transcriptHash H = SHA-256 of the client's hello lines and the server's signed lines
 * @param tokensUp the client's Fernet token lines, in order
 * @param tokensDown the server's Fernet token lines, in order
 */
record EcdheTranscript(
    byte[] clientNonce,
    PublicKey clientEphemeral,
    byte[] salt,
    PublicKey serverEphemeral,
    byte[] transcriptHash,
    List<String> tokensUp,
    List<String> tokensDown) {

  /**
   * Reads the two directions of a recorded ecdhe connection.
   *
   * @throws IllegalArgumentException with a sentence if they are not an ecdhe handshake
   */
  static EcdheTranscript read(byte[] untrustedUp, byte[] untrustedDown) {
    List<String> up = RecordedLines.of(untrustedUp);
    List<String> down = RecordedLines.of(untrustedDown);
    String[] hello = fields(up, "ECDHE-HELLO", 4);
    String[] server = fields(down, "ECDHE-SERVER", 4);
    List<String> clientLines = new ArrayList<>(up.subList(0, pemEnd(up, 1) + 1));
    int serverPemEnd = pemEnd(down, 1);
    List<String> signed = new ArrayList<>(down.subList(0, serverPemEnd + 2));
    if (!signed.get(signed.size() - 1).startsWith("IDENTITY ")) {
      throw new IllegalArgumentException("the server's key is not followed by an IDENTITY line");
    }
    return new EcdheTranscript(
        Base64.getDecoder().decode(hello[3]),
        publicKey(up.subList(1, clientLines.size())),
        Base64.getDecoder().decode(server[3]),
        publicKey(down.subList(1, serverPemEnd + 1)),
        sha256(clientLines, signed),
        tokens(up),
        tokens(down));
  }

  private static String[] fields(List<String> lines, String keyword, int count) {
    if (lines.isEmpty() || !lines.get(0).startsWith(keyword + " ")) {
      throw new IllegalArgumentException("the connection does not start with " + keyword);
    }
    String[] fields = lines.get(0).split(" ");
    if (fields.length != count) {
      throw new IllegalArgumentException(keyword + " does not have " + count + " fields");
    }
    return fields;
  }

  /** The index of the {@code -----END PUBLIC KEY-----} line of the PEM block at {@code from}. */
  private static int pemEnd(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).equals("-----END PUBLIC KEY-----")) {
        return i;
      }
    }
    throw new IllegalArgumentException("a public key block does not end");
  }

  private static PublicKey publicKey(List<String> pem) {
    StringBuilder base64 = new StringBuilder();
    pem.subList(1, pem.size() - 1).forEach(base64::append);
    byte[] der = Base64.getDecoder().decode(base64.toString());
    for (String algorithm : List.of("XDH", "EC")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisOne) {
        // The key names its algorithm; the other factory refuses it.
      }
    }
    throw new IllegalArgumentException("an ephemeral key is neither X25519 nor EC");
  }

  private static byte[] sha256(List<String> clientLines, List<String> serverLines) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (String line : clientLines) {
        sha256.update((line + "\n").getBytes(StandardCharsets.US_ASCII));
      }
      for (String line : serverLines) {
        sha256.update((line + "\n").getBytes(StandardCharsets.US_ASCII));
      }
      return sha256.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Fernet tokens are the lines after the handshake: they start with version byte 0x80. */
  private static List<String> tokens(List<String> lines) {
    return lines.stream().filter(line -> line.startsWith("gAAAAA")).toList();
  }
}
