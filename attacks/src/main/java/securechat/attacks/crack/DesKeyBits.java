package securechat.attacks.crack;

/**
 * Where a DES key's 56 bits are: in the upper seven bits of each of its 8 bytes; the lowest bit of
 * each byte is a parity bit, which DES ignores (FIPS 46-3: 56 of the 64 bits are used by the
 * algorithm, the other 8 may serve for error detection, set for odd parity in each byte).
 *
 * <pre>
 * byte        0        1        ...      7
 * bits     kkkkkkkp kkkkkkkp    ...   kkkkkkkp      k: key bit, p: parity (ignored)
 * unknown                                ??????     --bits 6: the last six key bits
 * </pre>
 *
 * The search numbers the unknown bits from the end: key bit 0 is bit 1 of byte 7, key bit 6 is bit
 * 7 of byte 7, key bit 7 is bit 1 of byte 6, and so on up to key bit 55, bit 7 of byte 0.
 */
final class DesKeyBits {
  /** DES's effective key length. */
  static final int KEY_BITS = 56;

  private static final int BITS_PER_BYTE = 7;

  private DesKeyBits() {}

  /** What the attacker is told: {@code key} with its last {@code unknownBits} key bits zero. */
  static byte[] withUnknownCleared(byte[] key, int unknownBits) {
    byte[] known = key.clone();
    fill(known, unknownBits, 0, known);
    return known;
  }

  /**
   * Writes into {@code candidate} the key {@code known} with its last {@code unknownBits} key bits
   * replaced by the low bits of {@code value}; the parity bits stay as in {@code known}.
   */
  static void fill(byte[] known, int unknownBits, long value, byte[] candidate) {
    System.arraycopy(known, 0, candidate, 0, known.length);
    for (int group = 0; group * BITS_PER_BYTE < unknownBits; group++) {
      int bits = Math.min(BITS_PER_BYTE, unknownBits - group * BITS_PER_BYTE);
      int mask = ((1 << bits) - 1) << 1; // above the parity bit
      int index = known.length - 1 - group;
      int part = (int) (value >>> (group * BITS_PER_BYTE)) << 1 & mask;
      candidate[index] = (byte) ((known[index] & ~mask) | part);
    }
  }

  /**
   * The 56 key bits as eight groups of seven, {@code ?} for each unknown one: {@code 0110100
   * 1110001 ... 101???? ???????}.
   */
  static String pattern(byte[] key, int unknownBits) {
    StringBuilder shown = new StringBuilder();
    for (int index = 0; index < key.length; index++) {
      if (index > 0) {
        shown.append(' ');
      }
      for (int bit = 7; bit >= 1; bit--) {
        int keyBit = (key.length - 1 - index) * BITS_PER_BYTE + (bit - 1);
        shown.append(keyBit < unknownBits ? '?' : (char) ('0' + (key[index] >> bit & 1)));
      }
    }
    return shown.toString();
  }
}
