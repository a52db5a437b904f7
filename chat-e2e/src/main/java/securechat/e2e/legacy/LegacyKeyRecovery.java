package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.HexFormat;
import java.util.Objects;
import securechat.core.channel.RecordException;

/**
 * The eavesdropper's side of seed 004: the DES key and the text of any {@code encrypted_package},
 * from the package alone. No private key, no guessing, one modular exponentiation.
 *
 * <pre>
 *   K    = signed_key ^ e  mod n        (n, e) read from sender_public_key, in the same package
 *   text = DES-ECB-decrypt_K(encrypted_content)
 * </pre>
 *
 * <pre>{@code
 * LegacyKeyRecovery.Recovered r = LegacyKeyRecovery.recover(packageJsonSeenOnTheWire);
 * System.out.println(r.desKeyText() + " -> " + r.plaintext());
 * }</pre>
 *
 * <p>It works because the seed "signs" K with textbook RSA, {@code K^d mod n}, which hides nothing
 * from anyone who has the public key, and then ships the public key next to it.
 */
public final class LegacyKeyRecovery {

  private LegacyKeyRecovery() {}

  /**
   * What an eavesdropper recovers from one package.
   *
   * @param desKey the 8-byte DES key K
   * @param plaintext the message as the sender typed it
   */
  public record Recovered(byte[] desKey, String plaintext) {
    public Recovered {
      Objects.requireNonNull(desKey, "desKey");
      Objects.requireNonNull(plaintext, "plaintext");
    }

    /**
     * K as the seed's 8 characters when it is printable ASCII (it always is from the seed), else
     * hex.
     */
    public String desKeyText() {
      for (byte b : desKey) {
        if (b < 0x21 || b > 0x7e) {
          return HexFormat.of().formatHex(desKey);
        }
      }
      return new String(desKey, US_ASCII);
    }

    @Override
    public String toString() {
      return "Recovered[desKey=" + desKeyText() + ", plaintext=" + plaintext + "]";
    }
  }

  /**
   * Recovers K and the text from one {@code encrypted_package} JSON text, exactly as it travels
   * inside a {@code message} frame.
   *
   * @throws Seed004FormatException if the package cannot be read, its {@code signed_key} does not
   *     give an 8-byte key under its {@code sender_public_key}, or that key does not decrypt its
   *     content
   */
  public static Recovered recover(String encryptedPackageJson) throws Seed004FormatException {
    LegacyEncryptedPackage seen = LegacyEncryptedPackage.parse(encryptedPackageJson);
    LegacyRsaPublicKey senderKey = LegacyRsaPublicKey.parseKeyText(seen.senderPublicKey());
    try {
      byte[] desKey =
          LegacyTextbookRsa.recover(seen.signedKey(), senderKey, LegacyDesEcb.KEY_BYTES);
      byte[] text = LegacyDesEcb.decrypt(desKey, seen.encryptedContent());
      return new Recovered(desKey, LegacyRsaDesCipher.utf8(text));
    } catch (RecordException e) {
      throw new Seed004FormatException(
          "the package does not give its key away as the seed's do: " + e.getMessage(), e);
    }
  }
}
