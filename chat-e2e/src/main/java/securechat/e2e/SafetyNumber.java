package securechat.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import securechat.core.protocol.Username;

/**
 * A safety number: 60 decimal digits that two users compute from both their names and public keys,
 * and compare out of band (read aloud, in person) to know that no one swapped a key between them.
 * It is computed as Signal's numeric fingerprint (libsignal's {@code NumericFingerprintGenerator},
 * version 0): each user's half is 30 digits from an iterated SHA-512 of that user's keys and name;
 * the smaller half comes first, so both users see the same number.
 *
 * <pre>{@code
 * SafetyNumber number = SafetyNumber.of(alice, aliceKeys, bob, bobKeys);
 * number.grouped();   // "12345 67890 ... " : 12 groups of 5 digits
 * }</pre>
 *
 * <p><b>Protects:</b> against a key directory (or a server) that hands out a key of its own for
 * alice or bob: the two users' numbers then differ. Changing any key bit or any letter of a name
 * changes the number. 5200 rounds of SHA-512 make it costly to search for other keys whose number
 * matches in many digits.
 *
 * <p><b>Does not protect:</b> users who never compare the number, or who compare it over a channel
 * the attacker controls; nor does it say anything about messages: it checks keys, once.
 */
public record SafetyNumber(String digits) {
  /** Signal's numeric fingerprint: 5200 SHA-512 iterations per half. */
  static final int ITERATIONS = 5200;

  /** Signal's numeric fingerprint, version 0: two bytes before the first hash. */
  private static final byte[] VERSION = {0, 0};

  private static final Pattern SIXTY_DIGITS = Pattern.compile("[0-9]{60}");

  /** The 60 digits, without spaces. */
  public SafetyNumber {
    Objects.requireNonNull(digits, "digits");
    if (!SIXTY_DIGITS.matcher(digits).matches()) {
      throw new IllegalArgumentException("a safety number is 60 decimal digits");
    }
  }

  /** The safety number of {@code a} and {@code b}; the same whichever is given first. */
  public static SafetyNumber of(
      Username a, PublicIdentity aKeys, Username b, PublicIdentity bKeys) {
    String aHalf = half(a, aKeys);
    String bHalf = half(b, bKeys);
    return new SafetyNumber(aHalf.compareTo(bHalf) <= 0 ? aHalf + bHalf : bHalf + aHalf);
  }

  /** 12 groups of 5 digits separated by spaces, as users read them to each other. */
  public String grouped() {
    StringBuilder grouped = new StringBuilder(digits.substring(0, 5));
    for (int i = 5; i < digits.length(); i += 5) {
      grouped.append(' ').append(digits, i, i + 5);
    }
    return grouped.toString();
  }

  @Override
  public String toString() {
    return grouped();
  }

  /**
   * One user's 30 digits. Signal: h = SHA-512(version || key || name), then ITERATIONS - 1 more
   * times h = SHA-512(h || key); our "key" is both public keys, so each counts.
   */
  static String half(Username user, PublicIdentity keys) {
    Objects.requireNonNull(user, "user");
    MessageDigest sha512 = sha512();
    byte[] signingKey = keys.signingKey();
    byte[] encryptionKey = keys.encryptionKey();
    sha512.update(VERSION);
    sha512.update(signingKey);
    sha512.update(encryptionKey);
    byte[] hash = sha512.digest(user.value().getBytes(UTF_8));
    for (int i = 1; i < ITERATIONS; i++) {
      sha512.update(hash);
      sha512.update(signingKey);
      hash = sha512.digest(encryptionKey);
    }
    return digits(hash);
  }

  /** Signal: the first 30 bytes as six 5-byte big-endian numbers, each mod 100000, 5 digits. */
  private static String digits(byte[] hash) {
    StringBuilder digits = new StringBuilder(30);
    for (int chunk = 0; chunk < 6; chunk++) {
      long value = 0;
      for (int i = 0; i < 5; i++) {
        value = (value << 8) | (hash[chunk * 5 + i] & 0xff);
      }
      // Locale.ROOT: in some locales %d writes other digits than 0-9.
      digits.append(String.format(Locale.ROOT, "%05d", value % 100_000));
    }
    return digits.toString();
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-512", e);
    }
  }
}
