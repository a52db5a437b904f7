package securechat.e2e;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.text.ParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;

/**
 * The text of an identity file, as {@link IdentityStore} writes it: one field per line, readable by
 * a student, the private keys only in the last line and only encrypted.
 *
 * <pre>
 * securechat-lab e2e identity v1
 * user alice
 * signing-key BASE64
 * encryption-key BASE64
 * kdf argon2id m=19456 t=2 p=1 salt=BASE64
 * sealed aes-256-gcm nonce=BASE64 BASE64
 * </pre>
 *
 * <p>{@link #parse} checks the form of each line; whether the lines belong together is for AES-GCM
 * to say, as it authenticates the first five lines ({@link #associatedData()}) with the sealed
 * keys. Each value has one text only (no leading zeros, strict Base64, single spaces), so the text
 * that was authenticated is exactly the text in the file.
 *
 * @param sealed the AES-256-GCM ciphertext of Ed25519 seed || X25519 private key, tag included
 */
record IdentityFile(Username user, PublicIdentity keys, Kdf kdf, byte[] nonce, byte[] sealed) {
  static final String HEADER = "securechat-lab e2e identity v1";
  static final int LINES = 6;
  static final int NONCE_BYTES = 12; // NIST SP 800-38D §8.2.2: a random 96-bit IV
  static final int SEALED_BYTES = 32 + 32 + 16; // Ed25519 seed, X25519 key, GCM tag

  /**
   * Argon2id's cost parameters and salt (RFC 9106 §3.1): memory in KiB, passes, lanes. The bounds
   * on reading keep a changed file from asking for gigabytes or hours.
   */
  record Kdf(int memoryKib, int iterations, int parallelism, byte[] salt) {
    static final int SALT_BYTES = 16; // RFC 9106 §3.1: 16 bytes suffice for password hashing
    static final int MAX_MEMORY_KIB = 1 << 20; // 1 GiB
    static final int MAX_ITERATIONS = 100;
    static final int MAX_PARALLELISM = 64;

    String line() {
      return "kdf argon2id m="
          + memoryKib
          + " t="
          + iterations
          + " p="
          + parallelism
          + " salt="
          + Base64Text.encode(salt);
    }
  }

  private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,9}");

  /** Lines 1 to 5 with their line ends: the AES-GCM associated data. */
  byte[] associatedData() {
    return associatedData(user, keys, kdf);
  }

  /** The same, before there is a file: what the sealed keys will be bound to. */
  static byte[] associatedData(Username user, PublicIdentity keys, Kdf kdf) {
    return header(user, keys, kdf).getBytes(US_ASCII);
  }

  /** The whole file. */
  String text() {
    String sealedLine =
        "sealed aes-256-gcm nonce=" + Base64Text.encode(nonce) + " " + Base64Text.encode(sealed);
    return header(user, keys, kdf) + sealedLine + "\n";
  }

  private static String header(Username user, PublicIdentity keys, Kdf kdf) {
    return HEADER
        + "\nuser "
        + user.value()
        + "\nsigning-key "
        + keys.signingKeyBase64()
        + "\nencryption-key "
        + keys.encryptionKeyBase64()
        + "\n"
        + kdf.line()
        + "\n";
  }

  /**
   * Reads the file's text, line by line.
   *
   * @throws ParseException naming the first wrong line (its number is the error offset)
   */
  static IdentityFile parse(String untrustedText) throws ParseException {
    List<String> lines = lines(untrustedText);
    if (!line(lines, 1).equals(HEADER)) {
      throw at(1, "expected '" + HEADER + "'");
    }
    Username user = parseUser(field(lines, 2, "user"));
    byte[] signingKey = value(3, field(lines, 3, "signing-key"), PublicIdentity::parseSigningKey);
    byte[] encryptionKey =
        value(4, field(lines, 4, "encryption-key"), PublicIdentity::parseEncryptionKey);
    Kdf kdf = parseKdf(field(lines, 5, "kdf argon2id"));
    String[] sealed = field(lines, 6, "sealed aes-256-gcm").split(" ", -1);
    if (sealed.length != 2 || !sealed[0].startsWith("nonce=")) {
      throw at(6, "expected 'sealed aes-256-gcm nonce=BASE64 BASE64'");
    }
    byte[] nonce = base64(6, "nonce", sealed[0].substring("nonce=".length()), NONCE_BYTES);
    byte[] ciphertext = base64(6, "sealed keys", sealed[1], SEALED_BYTES);
    checkEnd(untrustedText, lines);
    PublicIdentity keys = new PublicIdentity(signingKey, encryptionKey);
    return new IdentityFile(user, keys, kdf, nonce, ciphertext);
  }

  /** The text's lines, without their line ends. */
  private static List<String> lines(String untrustedText) {
    Objects.requireNonNull(untrustedText, "untrustedText");
    if (untrustedText.isEmpty()) {
      return List.of();
    }
    List<String> lines = List.of(untrustedText.split("\n", -1)); // n line ends: n + 1 parts
    return untrustedText.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines;
  }

  private static String line(List<String> lines, int number) throws ParseException {
    if (number > lines.size()) {
      throw new ParseException(
          "line " + number + " is missing; an identity file has " + LINES + " lines", number);
    }
    return lines.get(number - 1);
  }

  /** Nothing after line 6, which ends with a line end, as every line of a text file should. */
  private static void checkEnd(String untrustedText, List<String> lines) throws ParseException {
    if (lines.size() > LINES) {
      throw at(LINES + 1, "one line too many; an identity file has " + LINES + " lines");
    }
    if (!untrustedText.endsWith("\n")) {
      throw at(LINES, "the file must end with a line end");
    }
  }

  /** The rest of line {@code number} after {@code keyword} and one space. */
  private static String field(List<String> lines, int number, String keyword)
      throws ParseException {
    String line = line(lines, number);
    if (!line.startsWith(keyword + " ")) {
      throw at(number, "expected it to start with '" + keyword + " '");
    }
    return line.substring(keyword.length() + 1);
  }

  private static Username parseUser(String untrustedName) throws ParseException {
    try {
      return Username.parse(untrustedName);
    } catch (ProtocolException e) {
      throw at(2, e.sentence());
    }
  }

  private static byte[] value(int number, String text, Function<String, byte[]> parser)
      throws ParseException {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw at(number, e.getMessage());
    }
  }

  private static Kdf parseKdf(String untrustedFields) throws ParseException {
    String[] fields = untrustedFields.split(" ", -1);
    if (fields.length != 4
        || !fields[0].startsWith("m=")
        || !fields[1].startsWith("t=")
        || !fields[2].startsWith("p=")
        || !fields[3].startsWith("salt=")) {
      throw at(5, "expected 'kdf argon2id m=KIB t=PASSES p=LANES salt=BASE64'");
    }
    int parallelism = number(fields[2].substring(2), "p", 1, Kdf.MAX_PARALLELISM);
    // RFC 9106 §3.1: m is at least 8 * p KiB.
    int memoryKib = number(fields[0].substring(2), "m", 8 * parallelism, Kdf.MAX_MEMORY_KIB);
    int iterations = number(fields[1].substring(2), "t", 1, Kdf.MAX_ITERATIONS);
    byte[] salt = base64(5, "salt", fields[3].substring("salt=".length()), Kdf.SALT_BYTES);
    return new Kdf(memoryKib, iterations, parallelism, salt);
  }

  private static int number(String untrusted, String name, int min, int max) throws ParseException {
    if (!NUMBER.matcher(untrusted).matches()
        || Long.parseLong(untrusted) < min
        || Long.parseLong(untrusted) > max) {
      throw at(5, name + " must be a number from " + min + " to " + max);
    }
    return Integer.parseInt(untrusted);
  }

  private static byte[] base64(int number, String what, String untrusted, int lengthBytes)
      throws ParseException {
    byte[] bytes =
        Base64Text.decode(untrusted).orElseThrow(() -> at(number, what + " is not base64"));
    if (bytes.length != lengthBytes) {
      throw at(number, what + " is " + bytes.length + " bytes; it must be " + lengthBytes);
    }
    return bytes;
  }

  private static ParseException at(int number, String problem) {
    return new ParseException("line " + number + ": " + problem, number);
  }
}
