package securechat.core.account;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords with Argon2id (RFC 9106), computed by Bouncy Castle.
 *
 * <p><b>Protects:</b> stored passwords against offline guessing after the accounts file leaks. Each
 * guess costs {@code m} KiB of memory and {@code t} passes over it, which is what makes GPUs and
 * custom chips slow at it; a fresh 16-byte random salt per hash makes precomputed tables useless
 * and gives two users with the same password different hashes. Verification compares in constant
 * time. At most {@link #maxConcurrentHashes()} hashes run at once in this JVM, so a burst of logins
 * waits its turn instead of exhausting memory.
 *
 * <p><b>Does not protect:</b> weak passwords (a dictionary word falls quickly even at this cost;
 * the crack attack shows it), the password on its way to the server (the channel's job: stage 1
 * sends it in clear), or the password in the JVM's memory (a {@code String} cannot be wiped).
 *
 * <pre>{@code
 * PasswordHasher hasher = PasswordHasher.withOwaspParameters();
 * PasswordHash stored = hasher.hash("correct horse battery");
 * hasher.verify("correct horse battery", stored);   // returns
 * hasher.verify("Correct horse battery", stored);   // throws PasswordMismatchException
 * }</pre>
 */
public final class PasswordHasher {
  /** OWASP Password Storage Cheat Sheet, Argon2id: m=19456 (19 MiB), t=2, p=1. */
  public static final int OWASP_MEMORY_KIB = 19_456;

  public static final int OWASP_ITERATIONS = 2;
  public static final int OWASP_PARALLELISM = 1;
  static final int SALT_BYTES = 16; // RFC 9106 §3.1 recommends 16 bytes for password hashing
  static final int HASH_BYTES = 32;

  /** Shared by every hasher: the limit is about this JVM's memory, not one store's. */
  private static final Semaphore SHARED_PERMITS = new Semaphore(maxConcurrentHashes(), true);

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  private final Semaphore permits;
  private final SecureRandom random = new SecureRandom();

  PasswordHasher(int memoryKib, int iterations, int parallelism, Semaphore permits) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.permits = Objects.requireNonNull(permits, "permits");
  }

  /** The hasher for real accounts: OWASP's Argon2id parameters, m=19456 KiB, t=2, p=1. */
  public static PasswordHasher withOwaspParameters() {
    return new PasswordHasher(
        OWASP_MEMORY_KIB, OWASP_ITERATIONS, OWASP_PARALLELISM, SHARED_PERMITS);
  }

  /**
   * A fast hasher for tests only (m=1024 KiB, t=1): about twenty times cheaper to attack than
   * {@link #withOwaspParameters()}. Its hashes still verify with any hasher, because verification
   * uses the parameters stored in the hash.
   */
  public static PasswordHasher forTests() {
    return new PasswordHasher(1024, 1, 1, SHARED_PERMITS);
  }

  /** How many hashes may run at once in this JVM: two per processor. */
  public static int maxConcurrentHashes() {
    return Runtime.getRuntime().availableProcessors() * 2;
  }

  /** Hashes a password with a fresh random salt and this hasher's parameters. */
  public PasswordHash hash(String password) {
    Objects.requireNonNull(password, "password");
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] tag = derive(password, argon2id(memoryKib, iterations, parallelism, salt), HASH_BYTES);
    return new PasswordHash(memoryKib, iterations, parallelism, salt, tag);
  }

  /**
   * Checks a password against a stored hash, using the parameters stored in it (so accounts made
   * with older, cheaper defaults keep working).
   *
   * @throws PasswordMismatchException if the password does not produce the stored hash
   */
  public void verify(String password, PasswordHash stored) throws PasswordMismatchException {
    Objects.requireNonNull(password, "password");
    byte[] expected = stored.hash();
    Argon2Parameters.Builder parameters =
        argon2id(stored.memoryKib(), stored.iterations(), stored.parallelism(), stored.salt());
    byte[] actual = derive(password, parameters, expected.length);
    // Constant time: how many leading bytes match must not show in the timing.
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new PasswordMismatchException();
    }
  }

  /** Waits for a permit (in arrival order), then runs Argon2id. */
  private byte[] derive(String password, Argon2Parameters.Builder parameters, int tagBytes) {
    byte[] passwordBytes = password.getBytes(UTF_8);
    permits.acquireUninterruptibly();
    try {
      return deriveTag(parameters.build(), passwordBytes, tagBytes);
    } finally {
      permits.release();
      Arrays.fill(passwordBytes, (byte) 0);
    }
  }

  /** Argon2id, version 0x13 (written {@code v=19} in the PHC string), RFC 9106 §3.1. */
  static Argon2Parameters.Builder argon2id(
      int memoryKib, int iterations, int parallelism, byte[] salt) {
    return new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt);
  }

  static byte[] deriveTag(Argon2Parameters parameters, byte[] password, int tagBytes) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] tag = new byte[tagBytes];
    generator.generateBytes(password, tag);
    return tag;
  }
}
