package securechat.core.account;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import securechat.core.protocol.ProtocolException;

/**
 * An Argon2id password hash together with the parameters and salt that produced it, written as a
 * PHC string:
 *
 * <pre>
 * $argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;
 * </pre>
 *
 * <p>{@code m} is memory in KiB, {@code t} the number of passes, {@code p} the lanes; salt and hash
 * are standard base64 without padding (PHC string format, "B64"), exactly as the reference {@code
 * argon2} tool, argon2-cffi and Python's {@code cryptography} write them, so a hash made here can
 * be checked by any of them and the other way round.
 *
 * <p>{@link #parse} reads hashes from a file, so it accepts only parameters a server can afford: a
 * corrupt or hostile line cannot make one login allocate gigabytes.
 */
public final class PasswordHash {
  /** Memory limit for stored hashes: 256 MiB, thirteen times the OWASP default. */
  public static final int MAX_MEMORY_KIB = 262_144;

  public static final int MAX_ITERATIONS = 16;
  public static final int MAX_PARALLELISM = 16;
  static final int MIN_SALT_BYTES = 8; // RFC 9106 §3.1: salt is at least 8 bytes
  static final int MAX_SALT_BYTES = 64;
  static final int MIN_HASH_BYTES = 16;
  static final int MAX_HASH_BYTES = 64;

  private static final String PREFIX = "$argon2id$v=19$";
  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,9}),t=([1-9][0-9]{0,9}),p=([1-9][0-9]{0,9})"
              + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;
  private final byte[] salt;
  private final byte[] hash;

  PasswordHash(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.salt = salt.clone();
    this.hash = hash.clone();
  }

  /**
   * Reads a PHC string from a file or another tool, checking the algorithm, version, encoding and
   * that every parameter is within our limits.
   */
  public static PasswordHash parse(String untrustedPhc) throws MalformedHashException {
    Objects.requireNonNull(untrustedPhc, "untrustedPhc");
    Matcher phc = PHC.matcher(untrustedPhc);
    if (!phc.matches()) {
      throw new MalformedHashException(describeMismatch(untrustedPhc));
    }
    int parallelism = parameter("p", phc.group(3), 1, MAX_PARALLELISM);
    int iterations = parameter("t", phc.group(2), 1, MAX_ITERATIONS);
    // RFC 9106 §3.1: memory is at least 8 KiB per lane.
    int memoryKib = parameter("m", phc.group(1), 8 * parallelism, MAX_MEMORY_KIB);
    byte[] salt = base64("salt", phc.group(4), MIN_SALT_BYTES, MAX_SALT_BYTES);
    byte[] hash = base64("hash", phc.group(5), MIN_HASH_BYTES, MAX_HASH_BYTES);
    return new PasswordHash(memoryKib, iterations, parallelism, salt, hash);
  }

  /** The PHC string, as stored in the accounts file. */
  public String toPhcString() {
    return PREFIX
        + ("m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism)
        + ("$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash));
  }

  public int memoryKib() {
    return memoryKib;
  }

  public int iterations() {
    return iterations;
  }

  public int parallelism() {
    return parallelism;
  }

  byte[] salt() {
    return salt.clone();
  }

  byte[] hash() {
    return hash.clone();
  }

  /** Names the parameters only: a hash in a log is a hash an attacker can try to crack. */
  @Override
  public String toString() {
    return "argon2id(m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + ")";
  }

  private static String describeMismatch(String untrustedPhc) {
    if (!untrustedPhc.startsWith("$argon2id$")) {
      String[] fields = untrustedPhc.split("\\$", 3);
      String algorithm = fields.length > 1 ? fields[1] : untrustedPhc;
      return "hash algorithm is " + ProtocolException.quote(algorithm) + "; only argon2id is used";
    }
    if (!untrustedPhc.startsWith(PREFIX)) {
      return "hash is not Argon2 version 19 (v=19); no other version is accepted";
    }
    return "hash is not in the form $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>";
  }

  private static int parameter(String name, String digits, int min, int max)
      throws MalformedHashException {
    long value = Long.parseLong(digits); // at most 10 digits: fits in a long
    if (value < min || value > max) {
      throw new MalformedHashException(
          "hash parameter " + name + "=" + value + " is outside " + min + ".." + max);
    }
    return (int) value;
  }

  private static byte[] base64(String name, String encoded, int minBytes, int maxBytes)
      throws MalformedHashException {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new MalformedHashException(name + " is not valid base64");
    }
    if (bytes.length < minBytes || bytes.length > maxBytes) {
      String range = minBytes + ".." + maxBytes;
      throw new MalformedHashException(name + " is " + bytes.length + " bytes; expected " + range);
    }
    return bytes;
  }
}
