package securechat.sniffer.dissect;

/**
 * Shannon entropy of bytes, in bits per byte: about 4-5 for English text, close to 8 for ciphertext
 * and random keys. A quick test of "does this look encrypted"; compressed data scores high too, and
 * a short sample scores low whatever it is (16 bytes can show at most 4 bits).
 */
public final class Entropy {
  private Entropy() {}

  /** Returns H = -Σ p·log2(p) over the byte values of {@code bytes}: 0 to 8; 0 when empty. */
  public static double bitsPerByte(byte[] bytes) {
    if (bytes.length == 0) {
      return 0;
    }
    long[] counts = new long[256];
    for (byte b : bytes) {
      counts[b & 0xff]++;
    }
    double bits = 0;
    for (long count : counts) {
      if (count > 0) {
        double p = (double) count / bytes.length;
        bits -= p * Math.log(p) / Math.log(2);
      }
    }
    return bits;
  }
}
