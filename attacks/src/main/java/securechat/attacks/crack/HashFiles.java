package securechat.attacks.crack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import securechat.core.account.MalformedHashException;
import securechat.core.account.PasswordHash;
import securechat.core.cli.ConfigException;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;
import securechat.core.storage.LabFiles;

/**
 * The two kinds of password file the crack attack reads, one account a line, {@code #} lines and
 * blank lines skipped:
 *
 * <pre>
 * sha256-hashes.txt   alice:0b14d501a594442a01c6859541bcb3e8164d183d32937b851835442f69d5c94e
 * accounts            alice $argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;
 * </pre>
 *
 * The first is how the old seed programs stored passwords (see {@link UnsaltedSha256Hasher}); the
 * second is our server's own {@code accounts} file, written by {@link
 * securechat.core.account.AccountStore}. A line that does not fit is refused with its number.
 */
final class HashFiles {
  /** The name of the unsalted file the attack writes for its own victims. */
  static final String UNSALTED_FILE = "sha256-hashes.txt";

  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

  private HashFiles() {}

  /** One line of an unsalted file: a user and the hex of SHA-256 over their password. */
  record Unsalted(Username name, String hex) {}

  /** One line of an accounts file: a user and their Argon2id hash. */
  record Argon2id(Username name, PasswordHash hash) {}

  /**
   * Reads {@code name:hex} lines.
   *
   * @throws ConfigException if the file is missing or a line is not {@code name:64 hex digits}
   */
  static List<Unsalted> readUnsalted(Path file) throws ConfigException {
    List<Unsalted> entries = new ArrayList<>();
    List<String> lines = readLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String hex = colon < 0 ? "" : line.substring(colon + 1);
      if (!HEX_SHA256.matcher(hex).matches()) {
        throw badLine(file, i, "expected name:<64 hex digits>, not " + quote(line));
      }
      Username name = name(file, i, line.substring(0, colon));
      entries.add(new Unsalted(name, hex.toLowerCase(Locale.ROOT)));
    }
    return nonEmpty(file, entries);
  }

  /** Writes {@code name:hex} lines, one per entry, with a comment saying what they are. */
  static void writeUnsalted(Path file, List<Unsalted> entries) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# INSECURE on purpose: hex(SHA-256(password)), no salt, as the old seeds stored it");
    entries.forEach(entry -> lines.add(entry.name() + ":" + entry.hex()));
    // Hashes of passwords, fast to crack: owner-only, as our accounts file.
    LabFiles.writePrivate(file, (String.join("\n", lines) + "\n").getBytes(UTF_8));
  }

  /**
   * Reads {@code name PHC-string} lines, the format of our server's {@code accounts} file.
   *
   * @throws ConfigException if the file is missing or a line is not a name and an Argon2id hash
   */
  static List<Argon2id> readArgon2id(Path file) throws ConfigException {
    List<Argon2id> entries = new ArrayList<>();
    List<String> lines = readLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(" +");
      if (fields.length != 2) {
        throw badLine(file, i, "expected '<name> <argon2id hash>', not " + quote(line));
      }
      Username name = name(file, i, fields[0]);
      try {
        entries.add(new Argon2id(name, PasswordHash.parse(fields[1])));
      } catch (MalformedHashException e) {
        throw badLine(file, i, e.getMessage());
      }
    }
    return nonEmpty(file, entries);
  }

  private static List<String> readLines(Path file) throws ConfigException {
    try {
      return Files.readAllLines(file, UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("no hash file at " + file);
    } catch (MalformedInputException e) {
      throw new ConfigException("the hash file " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException("cannot read the hash file " + file + ": " + e.getMessage());
    }
  }

  private static Username name(Path file, int index, String untrustedName) throws ConfigException {
    try {
      return Username.parse(untrustedName);
    } catch (ProtocolException e) {
      throw badLine(file, index, e.sentence());
    }
  }

  private static <T> List<T> nonEmpty(Path file, List<T> entries) throws ConfigException {
    if (entries.isEmpty()) {
      throw new ConfigException("the hash file " + file + " has no accounts in it");
    }
    return List.copyOf(entries);
  }

  private static ConfigException badLine(Path file, int index, String sentence) {
    return new ConfigException(file + " line " + (index + 1) + ": " + sentence);
  }

  private static String quote(String untrusted) {
    return ProtocolException.quote(untrusted);
  }
}
