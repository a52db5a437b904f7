package securechat.core.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import securechat.core.storage.LabFiles;

/**
 * A server's long-term Ed25519 identity (RFC 8032): it signs every handshake (the ecdhe stage) or
 * login and key directory entry (the e2e stage), so a client that pinned its public key knows it
 * talks to the same server as last time. Kept in {@code DATA-DIR/STAGE/server-identity.pem}
 * (owner-only), made on the server's first start.
 *
 * <p><b>Protects:</b> against a man in the middle, once the client has pinned the key (trust on
 * first use, as SSH). <b>Does not protect:</b> the very first connection, if someone is already in
 * the middle then; or against anyone who copies the key file.
 */
public final class ServerIdentity {
  private static final String FILE_NAME = "server-identity.pem";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private ServerIdentity(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** A fresh identity in memory, stored nowhere (tests, demos). */
  public static ServerIdentity generate() throws GeneralSecurityException {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    return new ServerIdentity(pair.getPrivate(), pair.getPublic());
  }

  /**
   * Where {@code stage}'s server keeps its identity: {@code DATA-DIR/STAGE/server-identity.pem}.
   */
  public static Path file(Path dataDir, String stage) {
    return dataDir.resolve(stage).resolve(FILE_NAME);
  }

  /** The identity of {@code stage}'s server stored in {@code dataDir}, created if missing. */
  public static ServerIdentity loadOrCreate(Path dataDir, String stage, Consumer<String> say)
      throws IOException, GeneralSecurityException {
    Path file = file(dataDir, stage);
    if (Files.exists(file)) {
      return read(file);
    }
    ServerIdentity identity = generate();
    String pem =
        pem("PRIVATE KEY", identity.privateKey.getEncoded())
            + pem("PUBLIC KEY", identity.publicKey.getEncoded());
    LabFiles.writePrivate(file, pem.getBytes(StandardCharsets.US_ASCII));
    say.accept(
        "created the "
            + stage
            + " server identity (Ed25519) "
            + fingerprint(identity.publicKey)
            + ": "
            + file);
    return identity;
  }

  private static ServerIdentity read(Path file) throws IOException, GeneralSecurityException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
    PrivateKey privateKey =
        ed25519.generatePrivate(new PKCS8EncodedKeySpec(block(lines, "PRIVATE KEY", file)));
    PublicKey publicKey =
        ed25519.generatePublic(new X509EncodedKeySpec(block(lines, "PUBLIC KEY", file)));
    return new ServerIdentity(privateKey, publicKey);
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public byte[] sign(byte[] message) throws GeneralSecurityException {
    Signature ed25519 = Signature.getInstance("Ed25519");
    ed25519.initSign(privateKey);
    ed25519.update(message);
    return ed25519.sign();
  }

  /** Verifies a signature; false (never an exception) for a malformed one. */
  public static boolean verify(PublicKey key, byte[] message, byte[] untrustedSignature) {
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initVerify(key);
      ed25519.update(message);
      return ed25519.verify(untrustedSignature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** {@code SHA256:} and the first 16 bytes of the key's SHA-256, hex: what users compare. */
  public static String fingerprint(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return "SHA256:" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "ServerIdentity(" + fingerprint(publicKey) + ")";
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] block(List<String> lines, String type, Path file) throws IOException {
    StringBuilder base64 = new StringBuilder();
    boolean inside = false;
    for (String line : lines) {
      if (line.equals("-----BEGIN " + type + "-----")) {
        inside = true;
      } else if (line.equals("-----END " + type + "-----")) {
        return Base64.getDecoder().decode(base64.toString());
      } else if (inside) {
        base64.append(line);
      }
    }
    throw new IOException(file + " has no " + type + " block");
  }
}
