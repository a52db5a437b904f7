package securechat.attacks.fs;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * TLS 1.3 key shares (RFC 8446 §4.2.8.2) as Java public keys, so that a leaked private key can be
 * tried against them: x25519 as its 32-byte little-endian u-coordinate (RFC 7748 §5), the NIST
 * curves as uncompressed points {@code 04 || X || Y} (SEC 1 §2.3.3).
 */
final class KeyShares {
  private KeyShares() {}

  /** The public key a share carries, if it is of a group this attack knows and well formed. */
  static Optional<PublicKey> publicKey(int group, byte[] untrustedShare) {
    try {
      return switch (group) {
        case 0x001d -> Optional.of(x25519(untrustedShare));
        case 0x0017 -> Optional.of(nist("secp256r1", 32, untrustedShare));
        case 0x0018 -> Optional.of(nist("secp384r1", 48, untrustedShare));
        default -> Optional.empty();
      };
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static PublicKey x25519(byte[] share) throws GeneralSecurityException {
    if (share.length != 32) {
      throw new IllegalArgumentException("an x25519 share is 32 bytes");
    }
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = share[31 - i];
    }
    bigEndian[0] &= 0x7f; // RFC 7748 §5: the most significant bit is masked
    return KeyFactory.getInstance("XDH")
        .generatePublic(
            new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, bigEndian)));
  }

  private static PublicKey nist(String curve, int coordinateBytes, byte[] share)
      throws GeneralSecurityException {
    if (share.length != 1 + 2 * coordinateBytes || share[0] != 4) {
      throw new IllegalArgumentException("not an uncompressed point");
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(share, 1, 1 + coordinateBytes));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(share, 1 + coordinateBytes, share.length));
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec(curve));
    ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
    return KeyFactory.getInstance("EC")
        .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
  }
}
