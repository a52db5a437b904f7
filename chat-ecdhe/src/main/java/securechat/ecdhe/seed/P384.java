package securechat.ecdhe.seed;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import javax.crypto.KeyAgreement;
import securechat.core.channel.HandshakeException;

/**
 * Elliptic-curve Diffie-Hellman on NIST P-384 (secp384r1, SEC 2 §2.5.1), seed 000's curve, with the
 * JDK's own provider.
 */
final class P384 {
  /** SEC 1 §3.3.1: the shared secret is the x-coordinate, 48 bytes on this curve. */
  static final int SHARED_SECRET_BYTES = 48;

  private static final ECGenParameterSpec CURVE = new ECGenParameterSpec("secp384r1");
  private static final ECParameterSpec PARAMETERS = parameters();

  private P384() {}

  /** A fresh ephemeral key pair, used for one connection only. */
  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(CURVE);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java 21 runtime has P-384", e);
    }
  }

  /** True if {@code key} uses P-384's domain parameters (its curve and its order). */
  static boolean isOnThisCurve(ECPublicKey key) {
    ECParameterSpec theirs = key.getParams();
    return PARAMETERS.getCurve().equals(theirs.getCurve())
        && PARAMETERS.getOrder().equals(theirs.getOrder());
  }

  private static ECParameterSpec parameters() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(CURVE);
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java 21 runtime has P-384", e);
    }
  }

  /**
   * ECDH: our private key times the peer's point, the x-coordinate of the result. The JDK refuses a
   * point that is not on the curve (an invalid-curve attack) before any multiplication.
   */
  static byte[] sharedSecret(PrivateKey ours, ECPublicKey peerPublicKey) throws HandshakeException {
    try {
      KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
      ecdh.init(ours);
      ecdh.doPhase(peerPublicKey, true);
      return ecdh.generateSecret();
    } catch (InvalidKeyException e) {
      throw new HandshakeException("the peer's public key is not a valid P-384 point", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java 21 runtime has ECDH", e);
    }
  }
}
