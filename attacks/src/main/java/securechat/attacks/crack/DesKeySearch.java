package securechat.attacks.crack;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * An exhaustive search over the unknown bits of a DES key, given two known plaintext blocks and
 * their ciphertext: each candidate key encrypts the first block and is compared with the first
 * ciphertext block; a match is confirmed on the second block before it is believed.
 *
 * <pre>{@code
 * DesKeySearch search = new DesKeySearch(
 *     DesKeyBits.withUnknownCleared(key, 24), 24, DesChallenge.knownPlaintext(), ciphertext);
 * DesKeySearch.Result result = search.run(threads, Duration.ofMinutes(1), bar::advance);
 * }</pre>
 *
 * <p>Why confirm: DES maps a block to 2^64 possible outputs, so a wrong key matches one given block
 * with probability 2^-64; over all 2^56 keys that is about 2^-8 false matches expected, rare but
 * not impossible. Two blocks make it about 2^-72.
 *
 * <p>DES itself is Bouncy Castle's {@link DESEngine} (FIPS 46-3); this class only chooses keys.
 */
final class DesKeySearch {
  private static final int BLOCK_BYTES = 8;

  /** Keys per batch: about 20 ms of work for one core, so the budget is checked often. */
  private static final int BATCH_KEYS = 1 << 14;

  private final byte[] knownKey;
  private final int unknownBits;
  private final byte[] plaintext;
  private final byte[] ciphertext;

  /**
   * How a search ended.
   *
   * @param key the key found, confirmed on both blocks; empty if the budget ran out first
   * @param keysTried candidate keys encrypted
   * @param elapsed how long the search ran
   */
  record Result(Optional<byte[]> key, long keysTried, Duration elapsed) {
    double keysPerSecond() {
      return keysTried / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }
  }

  /**
   * @param knownKey the key as far as the attacker knows it: right except in its last {@code
   *     unknownBits} key bits
   * @param unknownBits how many key bits to search, 1 to 56
   * @param plaintext two known plaintext blocks
   * @param ciphertext their encryption under the real key
   */
  DesKeySearch(byte[] knownKey, int unknownBits, byte[] plaintext, byte[] ciphertext) {
    if (unknownBits < 1 || unknownBits > DesKeyBits.KEY_BITS) {
      throw new IllegalArgumentException("unknown bits must be 1 to 56, not " + unknownBits);
    }
    if (plaintext.length < 2 * BLOCK_BYTES || ciphertext.length < 2 * BLOCK_BYTES) {
      throw new IllegalArgumentException("the search needs two known blocks, 16 bytes of each");
    }
    this.knownKey = knownKey.clone();
    this.unknownBits = unknownBits;
    this.plaintext = Arrays.copyOf(plaintext, 2 * BLOCK_BYTES);
    this.ciphertext = Arrays.copyOf(ciphertext, 2 * BLOCK_BYTES);
  }

  /** How many keys the search covers: 2^unknownBits. */
  long keyCount() {
    return 1L << unknownBits;
  }

  /** Searches on {@code threads} threads until the key is found or {@code budget} is spent. */
  Result run(int threads, Duration budget, LongConsumer progress) throws InterruptedException {
    AtomicReference<byte[]> found = new AtomicReference<>();
    SharedWork work = new SharedWork(keyCount(), BATCH_KEYS, budget, progress);
    SharedWork.Finished finished = work.run(threads, "des search", w -> search(w, found));
    return new Result(Optional.ofNullable(found.get()), finished.itemsDone(), finished.elapsed());
  }

  /** DES-encrypts one 8-byte block under an 8-byte key, with Bouncy Castle's engine. */
  static byte[] encryptBlock(byte[] key, byte[] block) {
    DESEngine des = new DESEngine();
    des.init(true, new KeyParameter(key));
    byte[] out = new byte[BLOCK_BYTES];
    des.processBlock(block, 0, out, 0);
    return out;
  }

  private void search(SharedWork work, AtomicReference<byte[]> found) {
    DESEngine des = new DESEngine();
    byte[] candidate = new byte[knownKey.length];
    byte[] out = new byte[BLOCK_BYTES];
    for (Optional<SharedWork.Batch> batch = work.claim(); batch.isPresent(); batch = work.claim()) {
      for (long value = batch.get().start(); value < batch.get().end(); value++) {
        DesKeyBits.fill(knownKey, unknownBits, value, candidate);
        des.init(true, new KeyParameter(candidate));
        if (matches(des, 0, out) && matches(des, BLOCK_BYTES, out)) {
          found.compareAndSet(null, candidate.clone());
          work.done(value - batch.get().start() + 1);
          work.stop();
          return;
        }
      }
      work.done(batch.get().size());
    }
  }

  /** Does the key in {@code des} turn plaintext block {@code offset} into its ciphertext? */
  private boolean matches(DESEngine des, int offset, byte[] out) {
    des.processBlock(plaintext, offset, out, 0);
    return Arrays.equals(out, 0, BLOCK_BYTES, ciphertext, offset, offset + BLOCK_BYTES);
  }
}
