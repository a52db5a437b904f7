package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Random;
import securechat.core.channel.RecordException;
import securechat.core.channel.RecordException.Reason;

/**
 * Seed 004's hybrid scheme: each message is encrypted with DES-ECB under a fresh random key K, K is
 * encrypted to the recipient with textbook RSA, and K is "signed" with the sender's private key.
 *
 * <pre>{@code
 * LegacyRsaDesCipher cipher = new LegacyRsaDesCipher(new Random());
 * String json = cipher.seal("hello bob", alice, bob.publicKey());     // alice's side
 * String text = LegacyRsaDesCipher.open(json, bob).text();            // bob's side
 * }</pre>
 *
 * <pre>
 *   encrypted_content = DES-ECB_K(text)          K = 8 random letters or digits
 *   encrypted_key     = K^e_recipient mod n_recipient
 *   signed_key        = K^d_sender    mod n_sender     anyone: signed_key^e_sender = K
 *   sender_public_key = the sender's key text, chosen by the sender
 * </pre>
 *
 * <p><b>Protects:</b> nothing against anyone who can read the package; see {@link
 * LegacyKeyRecovery}.
 *
 * <p><b>Does not protect:</b> secrecy (the signed key gives K away), authenticity (the recipient
 * checks the signature with the key the package brings, so anyone can sign as anyone), integrity
 * (ECB blocks can be changed or moved), nor against replay. See {@code docs/legacy-seed004.md}.
 */
public final class LegacyRsaDesCipher {
  private final Random insecureRandom;

  /**
   * @param insecureRandom where the DES keys come from, a non-cryptographic generator as in the
   *     seed
   */
  public LegacyRsaDesCipher(Random insecureRandom) {
    this.insecureRandom = Objects.requireNonNull(insecureRandom, "insecureRandom");
  }

  /** What the recipient learns from a package that passed the seed's checks. */
  public record Opened(String text, LegacyRsaPublicKey claimedSenderKey) {}

  /** Encrypts {@code text} from {@code sender} to {@code recipient}: the package's JSON text. */
  public String seal(String text, LegacyRsaKeyPair sender, LegacyRsaPublicKey recipient) {
    byte[] desKey = LegacyDesEcb.randomKey(insecureRandom);
    LegacyEncryptedPackage sealed =
        new LegacyEncryptedPackage(
            LegacyDesEcb.encrypt(desKey, text.getBytes(UTF_8)),
            LegacyTextbookRsa.encrypt(desKey, recipient),
            LegacyTextbookRsa.sign(desKey, sender),
            sender.publicKey().toKeyText());
    return sealed.toJson();
  }

  /**
   * Opens a package as the seed's recipient does: K from {@code encrypted_key} with the recipient's
   * private key, the text from {@code encrypted_content}, then the sender check.
   *
   * @throws Seed004FormatException if the package or its sender key text cannot be read
   * @throws RecordException if K, the text or the sender check fails
   */
  public static Opened open(String untrustedPackageJson, LegacyRsaKeyPair recipient)
      throws Seed004FormatException, RecordException {
    LegacyEncryptedPackage sealed = LegacyEncryptedPackage.parse(untrustedPackageJson);
    byte[] desKey =
        LegacyTextbookRsa.decrypt(sealed.encryptedKey(), recipient, LegacyDesEcb.KEY_BYTES);
    String text = utf8(LegacyDesEcb.decrypt(desKey, sealed.encryptedContent()));
    LegacyRsaPublicKey claimedSender = checkSender(sealed, desKey);
    return new Opened(text, claimedSender);
  }

  /**
   * The seed's sender check: {@code signed_key^e mod n} must equal K, with {@code e} and {@code n}
   * taken from {@code sender_public_key}, the key the package itself brings. Whoever made the
   * package chose that key, so the check passes for anyone who signs with a key of their own: it
   * proves nothing about who sent it. A real check would use the directory's entry for the sender
   * the server named (and a real signature scheme).
   *
   * @return the key the package claims as its sender's
   */
  static LegacyRsaPublicKey checkSender(LegacyEncryptedPackage sealed, byte[] desKey)
      throws Seed004FormatException, RecordException {
    LegacyRsaPublicKey claimed = LegacyRsaPublicKey.parseKeyText(sealed.senderPublicKey());
    byte[] signedKey = LegacyTextbookRsa.recover(sealed.signedKey(), claimed, desKey.length);
    if (!MessageDigest.isEqual(signedKey, desKey)) {
      throw new RecordException(
          Reason.TAMPERED, "the signed_key does not match the key under sender_public_key");
    }
    return claimed;
  }

  static String utf8(byte[] bytes) throws RecordException {
    try {
      return UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RecordException(Reason.MALFORMED, "the decrypted message is not UTF-8 text");
    }
  }
}
