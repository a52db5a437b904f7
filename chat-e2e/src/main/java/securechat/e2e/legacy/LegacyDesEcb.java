package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import securechat.core.channel.RecordException;
import securechat.core.channel.RecordException.Reason;

/**
 * DES in ECB mode with PKCS #7 padding (for 8-byte blocks, the same as PKCS #5), as seed 004
 * encrypts each message: Bouncy Castle's {@link DESEngine} (FIPS 46-3) applied block by block, with
 * no mode around it.
 *
 * <pre>{@code
 * byte[] key = LegacyDesEcb.randomKey(insecureRandom);  // 8 letters or digits
 * byte[] ciphertext = LegacyDesEcb.encrypt(key, "hello".getBytes(UTF_8));
 * }</pre>
 *
 * <p><b>Does not protect:</b>
 *
 * <ul>
 *   <li>against a key search: DES has 56 key bits, and the seed's keys are 8 letters or digits
 *       drawn from {@link java.util.Random}, 62^8 (about 2^47.6) possibilities before anyone looks
 *       at the generator;
 *   <li>patterns: ECB encrypts equal 8-byte blocks to equal ciphertext blocks, so repeated
 *       plaintext shows through;
 *   <li>integrity: nothing detects a changed, reordered or cut ciphertext block, except, at best, a
 *       padding error at the very end.
 * </ul>
 */
public final class LegacyDesEcb {
  /** DES keys are 8 bytes (56 key bits and 8 parity bits, which DES ignores). */
  public static final int KEY_BYTES = 8;

  /** DES encrypts 8-byte blocks. */
  public static final int BLOCK_BYTES = 8;

  private static final String KEY_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private LegacyDesEcb() {}

  /** The seed's "random 8-character key": 8 ASCII letters or digits from {@code insecureRandom}. */
  public static byte[] randomKey(Random insecureRandom) {
    StringBuilder key = new StringBuilder(KEY_BYTES);
    for (int i = 0; i < KEY_BYTES; i++) {
      key.append(KEY_ALPHABET.charAt(insecureRandom.nextInt(KEY_ALPHABET.length())));
    }
    return key.toString().getBytes(US_ASCII);
  }

  /** DES-ECB of {@code plaintext} padded with PKCS #7 to whole blocks. */
  public static byte[] encrypt(byte[] key, byte[] plaintext) {
    try {
      return run(true, key, plaintext);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("encryption adds padding and cannot fail on it", e);
    }
  }

  /**
   * Decrypts and removes the PKCS #7 padding.
   *
   * @throws RecordException MALFORMED if the ciphertext is not whole blocks; TAMPERED if the
   *     padding is wrong (another key, or a changed last block)
   */
  public static byte[] decrypt(byte[] key, byte[] ciphertext) throws RecordException {
    if (ciphertext.length == 0 || ciphertext.length % BLOCK_BYTES != 0) {
      throw new RecordException(
          Reason.MALFORMED,
          "DES-ECB ciphertext is " + ciphertext.length + " bytes; it must be whole 8-byte blocks");
    }
    try {
      return run(false, key, ciphertext);
    } catch (InvalidCipherTextException e) {
      throw new RecordException(Reason.TAMPERED, "the DES-ECB padding is wrong: " + e.getMessage());
    }
  }

  private static byte[] run(boolean encrypting, byte[] key, byte[] input)
      throws InvalidCipherTextException {
    Objects.requireNonNull(key, "key");
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("a DES key must be 8 bytes, not " + key.length);
    }
    // No mode object around the engine: that is ECB, each block encrypted on its own.
    BufferedBlockCipher cipher = new PaddedBufferedBlockCipher(new DESEngine(), new PKCS7Padding());
    cipher.init(encrypting, new KeyParameter(key));
    byte[] output = new byte[cipher.getOutputSize(input.length)];
    int length = cipher.processBytes(input, 0, input.length, output, 0);
    length += cipher.doFinal(output, length);
    return Arrays.copyOf(output, length);
  }
}
