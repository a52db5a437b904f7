package securechat.attacks.fs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.KeyAgreement;
import securechat.core.cli.ConfigException;

/**
 * A long-term private key the attacker obtained after the fact, read from the file where its owner
 * kept it (PKCS#8 PEM, {@code -----BEGIN PRIVATE KEY-----}), and what it can do in a key exchange.
 *
 * <p>A signing key is not a key-exchange key, but the attacker tries anyway, because the maths
 * allows it: an Ed25519 key is an X25519 key in disguise (RFC 8032 §5.1.5: the scalar is the first
 * half of SHA-512 of the seed, and the curves are birationally equivalent, RFC 7748 §4.1), and an
 * ECDSA P-256 key is an ECDH P-256 key. If a session's secret had come from one of these keys, one
 * of these agreements would give it back.
 *
 * @param name what it is, for people: {@code the ecdhe server's Ed25519 identity}
 * @param file where it was read from
 */
record LeakedKey(String name, Path file, PrivateKey key) {
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";
  private static final List<String> ALGORITHMS = List.of("Ed25519", "EC", "X25519", "RSA");

  /**
   * Reads the first {@code PRIVATE KEY} block of {@code file}.
   *
   * @throws ConfigException if the file is missing or holds no PKCS#8 key the JDK reads
   */
  static LeakedKey read(String name, Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + name + " from " + file + ": " + e.getMessage());
    }
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new ConfigException(file + " holds no '" + BEGIN + "' block");
    }
    byte[] der =
        Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end).strip());
    for (String algorithm : ALGORITHMS) {
      try {
        PrivateKey key =
            KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        return new LeakedKey(name, file, key);
      } catch (GeneralSecurityException notThisOne) {
        // The PKCS#8 algorithm identifier names one of them; the others refuse the bytes.
      }
    }
    throw new ConfigException(file + " holds a private key of a kind this attack does not know");
  }

  /** The kind of key, for people: {@code Ed25519}, {@code EC P-256}, ... */
  String kind() {
    if (key instanceof ECPrivateKey ec) {
      return "EC P-" + ec.getParams().getCurve().getField().getFieldSize();
    }
    if (key instanceof EdECPrivateKey edwards) {
      return edwards.getParams().getName();
    }
    return key.getAlgorithm();
  }

  /**
   * The Diffie-Hellman shared secret of this key with {@code peer}, if the two are on one curve: an
   * Ed25519 key used as X25519 against an X25519 key, an EC key against an EC key of its curve.
   * Empty when the key cannot take part in an exchange with {@code peer} at all.
   */
  Optional<byte[]> agreeWith(PublicKey peer) {
    try {
      if (peer instanceof XECPublicKey && key instanceof EdECPrivateKey edwards) {
        return Optional.of(agree("XDH", asX25519(edwards), peer));
      }
      if (peer instanceof ECPublicKey ecPeer
          && key instanceof ECPrivateKey ec
          && ec.getParams().getCurve().equals(ecPeer.getParams().getCurve())) {
        return Optional.of(agree("ECDH", key, peer));
      }
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  /** RFC 8032 §5.1.5 steps 1-2: the X25519 scalar hidden in an Ed25519 seed (the JDK clamps it). */
  private static PrivateKey asX25519(EdECPrivateKey edwards) throws GeneralSecurityException {
    byte[] seed =
        edwards.getBytes().orElseThrow(() -> new GeneralSecurityException("no seed to read"));
    byte[] scalar = Arrays.copyOf(MessageDigest.getInstance("SHA-512").digest(seed), 32);
    return KeyFactory.getInstance("XDH")
        .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
  }

  private static byte[] agree(String algorithm, PrivateKey mine, PublicKey peer)
      throws GeneralSecurityException {
    KeyAgreement agreement = KeyAgreement.getInstance(algorithm);
    agreement.init(mine);
    agreement.doPhase(peer, true);
    return agreement.generateSecret();
  }

  /** Names the key, never its bytes. */
  @Override
  public String toString() {
    return "LeakedKey[" + name + ", " + kind() + ", from " + file + "]";
  }
}
