package securechat.ecdhe;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.util.BigIntegers;
import securechat.core.channel.HandshakeException;

/**
 * One side's ephemeral key pair for one handshake, and its half of the key agreement: X25519 (RFC
 * 7748) or ECDH on P-384 (SEC 1 §3.3.1), computed by Bouncy Castle's lightweight API, which is
 * several times faster than the JDK's on both curves (docs/performance.md).
 *
 * <pre>{@code
 * EphemeralKeyPair mine = EphemeralKeyPair.generate(Curve.X25519, random);
 * lines.addAll(PemKeys.toLines(mine.publicKey()));        // what the peer sees
 * byte[] sharedSecret = mine.agree(peersPublicKey);        // HKDF's input keying material
 * }</pre>
 *
 * <p>The public key is also kept as a JDK {@link PublicKey}: the messages carry it, and its {@code
 * getEncoded()} is the X.509 SubjectPublicKeyInfo that goes on the wire in PEM, the same bytes as
 * before, so old peers and captures still read. The private key never leaves this object.
 *
 * <p><b>Protects:</b> against a peer's bad key: an X25519 key of low order (the all-zero result of
 * RFC 7748 §6.1) or a P-384 point that is not on the curve (SEC 1 §3.2.2.1, checked by Bouncy
 * Castle as it decodes the point) aborts the handshake.
 */
final class EphemeralKeyPair {
  private static final X9ECParameters P384 = CustomNamedCurves.getByName("secp384r1");
  private static final ECDomainParameters P384_DOMAIN =
      new ECNamedDomainParameters(CustomNamedCurves.getOID("secp384r1"), P384);

  private final Curve curve;
  private final AsymmetricKeyParameter privateKey;
  private final PublicKey publicKey;

  private EphemeralKeyPair(
      Curve curve, AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey) {
    this.curve = curve;
    this.privateKey = privateKey;
    this.publicKey = jdkPublicKey(curve, publicKey);
  }

  /** A fresh key pair on {@code curve}. */
  static EphemeralKeyPair generate(Curve curve, SecureRandom random) {
    if (curve == Curve.X25519) {
      var privateKey = new X25519PrivateKeyParameters(random);
      return new EphemeralKeyPair(curve, privateKey, privateKey.generatePublicKey());
    }
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(P384_DOMAIN, random));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    return new EphemeralKeyPair(curve, pair.getPrivate(), pair.getPublic());
  }

  /** The X25519 key pair of a known 32-byte scalar: for RFC 7748's vectors only. */
  static EphemeralKeyPair x25519(byte[] scalar) {
    var privateKey = new X25519PrivateKeyParameters(scalar);
    return new EphemeralKeyPair(Curve.X25519, privateKey, privateKey.generatePublicKey());
  }

  /** The public key, as the messages carry it and PEM writes it. */
  PublicKey publicKey() {
    return publicKey;
  }

  /**
   * The ECDH shared secret with {@code untrustedPeer}: 32 bytes for X25519, the 48-byte x
   * coordinate for P-384 (SEC 1 §3.3.1, the same bytes as the JDK's ECDH).
   *
   * @throws HandshakeException if the peer's key is of low order, off the curve, or not a key of
   *     this curve at all
   */
  byte[] agree(PublicKey untrustedPeer) throws HandshakeException {
    try {
      byte[] secret = curve == Curve.X25519 ? x25519(untrustedPeer) : p384(untrustedPeer);
      // RFC 7748 §6.1: an all-zero X25519 result means a low-order point; abort. (Bouncy Castle
      // refuses it too; the check stays here, where a reader of the RFC looks for it.)
      if (MessageDigest.isEqual(secret, new byte[secret.length])) {
        throw new IllegalStateException("the shared secret is all zeros");
      }
      return secret;
    } catch (IOException
        | IllegalArgumentException
        | IllegalStateException
        | ClassCastException e) {
      throw new HandshakeException(
          "the peer's public key is not one we accept (a low-order or off-curve point): "
              + e.getMessage(),
          e);
    }
  }

  private byte[] x25519(PublicKey untrustedPeer) throws IOException {
    var peer = (X25519PublicKeyParameters) PublicKeyFactory.createKey(untrustedPeer.getEncoded());
    X25519Agreement agreement = new X25519Agreement();
    agreement.init(privateKey);
    byte[] secret = new byte[agreement.getAgreementSize()];
    agreement.calculateAgreement(peer, secret, 0);
    return secret;
  }

  private byte[] p384(PublicKey untrustedPeer) throws IOException {
    // Decoding the point checks that it lies on the curve the key names.
    var peer = (ECPublicKeyParameters) PublicKeyFactory.createKey(untrustedPeer.getEncoded());
    if (!peer.getParameters().getCurve().equals(P384.getCurve())) {
      throw new IllegalArgumentException("the key is on another curve, not P-384");
    }
    ECDHBasicAgreement agreement = new ECDHBasicAgreement();
    agreement.init((ECPrivateKeyParameters) privateKey);
    BigInteger x = agreement.calculateAgreement(peer);
    return BigIntegers.asUnsignedByteArray(agreement.getFieldSize(), x);
  }

  /** Our public key as the JDK's key object of the same SubjectPublicKeyInfo. */
  private static PublicKey jdkPublicKey(Curve curve, AsymmetricKeyParameter publicKey) {
    try {
      byte[] der = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded();
      return KeyFactory.getInstance(curve.keyFactory()).generatePublic(new X509EncodedKeySpec(der));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode our own " + curve.cliName() + " key", e);
    }
  }
}
