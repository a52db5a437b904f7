package securechat.e2e;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * HPKE, Hybrid Public Key Encryption (RFC 9180), in base mode with DHKEM(X25519, HKDF-SHA256),
 * HKDF-SHA256 and a choice of AEAD: seals one message to a recipient's X25519 public key, so that
 * only the holder of the matching private key can open it. The work is Bouncy Castle's {@code
 * org.bouncycastle.crypto.hpke.HPKE}; this class fixes the suite, checks the inputs and turns every
 * failure into one exception type.
 *
 * <p>Each call is RFC 9180's single-shot API (§6.1): a fresh context per message, so every message
 * uses sequence number 0 and carries its own encapsulated key {@code enc}.
 *
 * <pre>{@code
 * Hpke.Sealed sealed = Hpke.seal(Hpke.Aead.CHACHA20_POLY1305, bobsEncryptionKey,
 *     "securechat e2e whisper".getBytes(UTF_8), header, "hi bob".getBytes(UTF_8));
 * // ... sealed.enc() and sealed.ciphertext() travel to bob ...
 * byte[] hi = Hpke.open(Hpke.Aead.CHACHA20_POLY1305, bobsPrivateKey, sealed.enc(),
 *     "securechat e2e whisper".getBytes(UTF_8), header, sealed.ciphertext());
 * }</pre>
 *
 * <p><b>Protects:</b> the plaintext from everyone but the recipient, the server that routes it
 * included (confidentiality), and the plaintext, {@code enc}, {@code info} and {@code aad} from any
 * change (integrity): a changed bit anywhere makes {@link #open} fail. A fresh ephemeral key per
 * message means two messages never share a key.
 *
 * <p><b>Does not protect:</b> the sender's identity: base mode is anonymous, so anyone can seal to
 * bob and claim to be alice (the e2e stage signs each message for that); against replay of a whole
 * sealed message; the plaintext's length; or past messages once the recipient's long-term private
 * key leaks (no forward secrecy against that key).
 */
public final class Hpke {
  /** RFC 9180 §7.1: Npk = Nsk = Nenc = 32 for DHKEM(X25519, HKDF-SHA256). */
  public static final int KEY_BYTES = 32;

  /** RFC 9180 §7.3: Nt = 16, the tag both AEADs append to the ciphertext. */
  public static final int TAG_BYTES = 16;

  private Hpke() {}

  /** The AEADs this lab offers, with their RFC 9180 §7.3 identifiers. */
  public enum Aead {
    AES_128_GCM("aes128gcm", HPKE.aead_AES_GCM128),
    CHACHA20_POLY1305("chacha20poly1305", HPKE.aead_CHACHA20_POLY1305);

    private final String wireName;
    private final short id;

    Aead(String wireName, short id) {
      this.wireName = wireName;
      this.id = id;
    }

    /** The name on the wire: {@code aes128gcm} or {@code chacha20poly1305}. */
    public String wireName() {
      return wireName;
    }

    /** The AEAD with that wire name, if any; never throws, so it suits untrusted input. */
    public static Optional<Aead> find(String wireName) {
      return Arrays.stream(values()).filter(aead -> aead.wireName.equals(wireName)).findFirst();
    }

    /** RFC 9180 §7.3: AES-128-GCM is 0x0001, ChaCha20Poly1305 0x0003. */
    int id() {
      return id;
    }

    /**
     * RFC 9180 §7.1, §7.2: KEM 0x0020 is DHKEM(X25519, HKDF-SHA256), KDF 0x0001 is HKDF-SHA256. A
     * new object per use: Bouncy Castle's keeps state between calls.
     */
    HPKE suite() {
      return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, id);
    }
  }

  /**
   * What {@link #seal} returns: the 32-byte encapsulated key and the ciphertext, its 16-byte tag
   * included. Both travel to the recipient; {@link #open} checks them, not this record.
   */
  public record Sealed(byte[] enc, byte[] ciphertext) {
    public Sealed {
      enc = enc.clone();
      ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] enc() {
      return enc.clone();
    }

    @Override
    public byte[] ciphertext() {
      return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Sealed that
          && MessageDigest.isEqual(enc, that.enc)
          && MessageDigest.isEqual(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(enc) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
      return "Sealed[enc=" + enc.length + " bytes, ciphertext=" + ciphertext.length + " bytes]";
    }
  }

  /** A key pair derived from input keying material, as RFC 9180's vectors make theirs. */
  record DerivedKeyPair(byte[] privateKey, byte[] publicKey) {}

  /**
   * Seals {@code plaintext} to {@code recipientPublicKey} under a fresh ephemeral key.
   *
   * @param info binds the message to a purpose (the same {@code info} must be given to open)
   * @param aad data that is authenticated but not encrypted, such as a routing header
   * @throws IllegalArgumentException if the key is not 32 bytes, or is a low-order point
   */
  public static Sealed seal(
      Aead aead, byte[] recipientPublicKey, byte[] info, byte[] aad, byte[] plaintext) {
    return seal(aead, recipientPublicKey, info, aad, plaintext, null);
  }

  /**
   * Seals with the ephemeral key pair derived from {@code ikmE}: for RFC 9180's vectors only, since
   * a known ephemeral key lets anyone open the message.
   */
  static Sealed sealWithEphemeral(
      Aead aead,
      byte[] ikmE,
      byte[] recipientPublicKey,
      byte[] info,
      byte[] aad,
      byte[] plaintext) {
    return seal(aead, recipientPublicKey, info, aad, plaintext, aead.suite().deriveKeyPair(ikmE));
  }

  /** RFC 9180 §7.1.3 DeriveKeyPair(ikm), as Appendix A derives every key it uses. */
  static DerivedKeyPair deriveKeyPair(byte[] ikm) {
    AsymmetricCipherKeyPair pair = Aead.AES_128_GCM.suite().deriveKeyPair(ikm);
    return new DerivedKeyPair(
        ((X25519PrivateKeyParameters) pair.getPrivate()).getEncoded(),
        ((X25519PublicKeyParameters) pair.getPublic()).getEncoded());
  }

  private static Sealed seal(
      Aead aead,
      byte[] recipientPublicKey,
      byte[] info,
      byte[] aad,
      byte[] plaintext,
      AsymmetricCipherKeyPair ephemeralOrNull) {
    Objects.requireNonNull(aead, "aead");
    Objects.requireNonNull(recipientPublicKey, "recipientPublicKey");
    requireInputs(info, aad, plaintext);
    if (recipientPublicKey.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "recipient public key is " + recipientPublicKey.length + " bytes; X25519 keys are 32");
    }
    var recipient = new X25519PublicKeyParameters(recipientPublicKey);
    HPKE suite = aead.suite();
    HPKEContextWithEncapsulation context;
    try {
      // RFC 9180 §5.1.1 SetupBaseS: Encap(pkR) with a fresh ephemeral key, then KeySchedule.
      context =
          ephemeralOrNull == null
              ? suite.setupBaseS(recipient, info)
              : suite.setupBaseS(recipient, info, ephemeralOrNull);
    } catch (IllegalStateException e) {
      // RFC 9180 §7.1.4: an all-zero X25519 result must abort; Bouncy Castle checks it.
      throw new IllegalArgumentException("recipient public key is a low-order X25519 point");
    }
    try {
      // RFC 9180 §6.1 single-shot Seal: ContextS.Seal(aad, pt), sequence number 0.
      return new Sealed(context.getEncapsulation(), context.seal(aad, plaintext));
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("AEAD encryption cannot fail", e);
    }
  }

  /**
   * Opens what {@link #seal} made for the key pair of {@code recipientPrivateKey}.
   *
   * @throws GeneralSecurityException for every failure, with a sentence: a wrong key, a changed or
   *     cut {@code enc}, ciphertext, {@code info} or {@code aad}, or wrong lengths
   */
  public static byte[] open(
      Aead aead, byte[] recipientPrivateKey, byte[] enc, byte[] info, byte[] aad, byte[] ciphertext)
      throws GeneralSecurityException {
    Objects.requireNonNull(recipientPrivateKey, "recipientPrivateKey");
    if (recipientPrivateKey.length != KEY_BYTES) {
      throw new InvalidKeyException(
          "recipient private key is " + recipientPrivateKey.length + " bytes; X25519 keys are 32");
    }
    return open(aead, recipientKeyPair(recipientPrivateKey), enc, info, aad, ciphertext);
  }

  /**
   * {@link #open} with the recipient's key pair as {@link #recipientKeyPair} made it: a recipient
   * that opens many messages computes its public key once, not once per message.
   */
  static byte[] open(
      Aead aead,
      AsymmetricCipherKeyPair recipient,
      byte[] enc,
      byte[] info,
      byte[] aad,
      byte[] ciphertext)
      throws GeneralSecurityException {
    Objects.requireNonNull(aead, "aead");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(enc, "enc");
    requireInputs(info, aad, ciphertext);
    checkLengths(enc, ciphertext);
    HPKEContext context;
    try {
      // RFC 9180 §5.1.1 SetupBaseR: Decap(enc, skR), then the same KeySchedule as the sender.
      context = aead.suite().setupBaseR(enc, recipient, info);
    } catch (IllegalStateException e) {
      // RFC 9180 §7.1.4: an all-zero X25519 result must abort.
      throw new InvalidKeyException("enc is a low-order X25519 point");
    }
    try {
      // RFC 9180 §6.1 single-shot Open: ContextR.Open(aad, ct), sequence number 0.
      return context.open(aad, ciphertext);
    } catch (InvalidCipherTextException e) {
      throw new AEADBadTagException(
          "HPKE ciphertext does not open: wrong key, or changed enc, ciphertext, info or aad");
    }
  }

  private static void checkLengths(byte[] enc, byte[] ciphertext) throws GeneralSecurityException {
    if (enc.length != KEY_BYTES) {
      throw new InvalidKeyException("enc is " + enc.length + " bytes; X25519 enc is 32");
    }
    if (ciphertext.length < TAG_BYTES) {
      throw new AEADBadTagException(
          "ciphertext is " + ciphertext.length + " bytes; the tag alone is " + TAG_BYTES);
    }
  }

  /**
   * Decap needs pkRm too (RFC 9180 §4.1, KEM context enc || pkRm): computed from the private key, a
   * scalar multiplication as costly as a quarter of an open, so a long-lived recipient keeps it.
   */
  static AsymmetricCipherKeyPair recipientKeyPair(X25519PrivateKeyParameters privateKey) {
    return new AsymmetricCipherKeyPair(privateKey.generatePublicKey(), privateKey);
  }

  private static AsymmetricCipherKeyPair recipientKeyPair(byte[] recipientPrivateKey) {
    return recipientKeyPair(new X25519PrivateKeyParameters(recipientPrivateKey));
  }

  /** Empty arrays, never null, mean "no info" and "no aad" (RFC 9180 §5: default ""). */
  private static void requireInputs(byte[] info, byte[] aad, byte[] text) {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(aad, "aad");
    Objects.requireNonNull(text, "plaintext or ciphertext");
  }
}
