package securechat.attacks.crack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import securechat.e2e.legacy.LegacyDesEcb;

/**
 * The victim's side of the DES key search: a random DES key encrypts a message the attacker can
 * guess, with the seed 004 replica's own {@link LegacyDesEcb} (DES-ECB, PKCS #7 padding).
 *
 * <pre>
 * message     "hello bob"                          (the example in docs/legacy-seed004.md)
 * padded      "hello bo" | "b" 07 07 07 07 07 07 07 (two 8-byte blocks, RFC 5652 §6.3 padding)
 * ciphertext  DES_K(block 1) | DES_K(block 2)      (ECB: each block on its own)
 * </pre>
 *
 * The attacker knows (or guesses) the message, so both plaintext blocks are known: that is what a
 * key search needs, one block to test each key and a second to confirm it.
 */
final class DesChallenge {
  /** The message the victim encrypts; the attacker guesses it. */
  static final String MESSAGE = "hello bob";

  private final byte[] key;
  private final byte[] ciphertext;

  DesChallenge(byte[] key) {
    if (key.length != LegacyDesEcb.KEY_BYTES) {
      throw new IllegalArgumentException("a DES key is 8 bytes, not " + key.length);
    }
    this.key = key.clone();
    this.ciphertext = LegacyDesEcb.encrypt(key, MESSAGE.getBytes(UTF_8));
  }

  /** A challenge under 8 bytes from {@code random}: 56 key bits, the 8 parity bits ignored. */
  static DesChallenge random(RandomGenerator random) {
    byte[] key = new byte[LegacyDesEcb.KEY_BYTES];
    random.nextBytes(key);
    return new DesChallenge(key);
  }

  /** The victim's key: the answer, which the attacker does not get. */
  byte[] key() {
    return key.clone();
  }

  /** The two ciphertext blocks, as an eavesdropper sees them. */
  byte[] ciphertext() {
    return ciphertext.clone();
  }

  /**
   * The plaintext blocks the attacker assumes: {@link #MESSAGE} padded as PKCS #7 pads it (RFC 5652
   * §6.3: n bytes of value n up to the next whole block).
   */
  static byte[] knownPlaintext() {
    byte[] message = MESSAGE.getBytes(UTF_8);
    int padding = LegacyDesEcb.BLOCK_BYTES - message.length % LegacyDesEcb.BLOCK_BYTES;
    byte[] padded = Arrays.copyOf(message, message.length + padding);
    Arrays.fill(padded, message.length, padded.length, (byte) padding);
    return padded;
  }
}
