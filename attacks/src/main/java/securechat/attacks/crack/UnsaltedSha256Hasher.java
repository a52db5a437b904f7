package securechat.attacks.crack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The old seed programs' password storage, <b>Insecure on purpose</b>: the hex of SHA-256 over the
 * UTF-8 password, with no salt and no cost, {@code hex(SHA-256(password))}.
 *
 * <pre>{@code
 * UnsaltedSha256Hasher hasher = new UnsaltedSha256Hasher();
 * hasher.hashHex("abc");  // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * }</pre>
 *
 * <p><b>Does not protect:</b> any password in a word list. SHA-256 is built to be fast (millions of
 * guesses a second on one core); without a salt, two users with the same password have the same
 * hash, so one hash of each guess is compared against every account at once, and tables computed in
 * advance work on every file of this kind ever leaked. Use {@link
 * securechat.core.account.PasswordHasher} (Argon2id) for anything real.
 *
 * <p>One instance per thread: the digest inside is not thread-safe.
 */
final class UnsaltedSha256Hasher {
  private final MessageDigest sha256;

  UnsaltedSha256Hasher() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The lowercase hex of SHA-256 over the password's UTF-8 bytes (FIPS 180-4 §6.2). */
  String hashHex(String password) {
    return HexFormat.of().formatHex(sha256.digest(password.getBytes(UTF_8)));
  }
}
