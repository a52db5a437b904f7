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
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
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
 *
 * <p>The keys are read and written as the JDK's key objects (PKCS #8 and X.509 PEM, so existing
 * files and pins keep working); signing and checking are Bouncy Castle's {@code Ed25519Signer},
 * many times faster than the JDK's, which computes the public key again for every signature.
 */
public final class ServerIdentity {
  private static final String FILE_NAME = "server-identity.pem";

  /** RFC 8032 §5.1.5: an Ed25519 public key is 32 bytes, the tail of its X.509 encoding. */
  private static final int PUBLIC_KEY_BYTES = 32;

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final Ed25519PrivateKeyParameters signingKey;

  private ServerIdentity(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    // RFC 8032 §5.1.5: the private key is the 32-byte seed; Bouncy Castle derives the rest once.
    byte[] seed =
        ((EdECPrivateKey) privateKey)
            .getBytes()
            .orElseThrow(() -> new IllegalArgumentException("the Ed25519 key has no seed"));
    this.signingKey = new Ed25519PrivateKeyParameters(seed);
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

  /** RFC 8032 §5.1.6: the 64-byte signature of {@code message}, deterministic. */
  public byte[] sign(byte[] message) throws GeneralSecurityException {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, signingKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /** Verifies a signature; false (never an exception) for a malformed one. */
  public static boolean verify(PublicKey key, byte[] message, byte[] untrustedSignature) {
    if (!(key instanceof EdECPublicKey edKey) || !edKey.getParams().getName().equals("Ed25519")) {
      return false;
    }
    byte[] encoded = key.getEncoded(); // X.509 SubjectPublicKeyInfo: the raw key comes last
    try {
      // RFC 8032 §5.1.3: decoding the point refuses one that is not on the curve.
      Ed25519PublicKeyParameters publicKey =
          new Ed25519PublicKeyParameters(encoded, encoded.length - PUBLIC_KEY_BYTES);
      Ed25519Signer verifier = new Ed25519Signer();
      verifier.init(false, publicKey);
      verifier.update(message, 0, message.length);
      // RFC 8032 §5.1.7: S < L, then [S]B = R + [SHA-512(R || A || M)]A.
      return verifier.verifySignature(untrustedSignature);
    } catch (IllegalArgumentException e) {
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
        return decode(base64.toString(), type, file);
      } else if (inside) {
        base64.append(line);
      }
    }
    throw new IOException(file + " has no " + type + " block");
  }

  private static byte[] decode(String base64, String type, Path file) throws IOException {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " has a " + type + " block that is not base64", e);
    }
  }
}
