package securechat.core.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated file name for a transfer: a safe base name, never a path.
 *
 * <p><b>Protects</b> the receiver's disk: no directory separators, no {@code ..}, no hidden files,
 * no control characters, at most 64 characters. A receiver saves only into its own download folder,
 * so a hostile sender (or server) cannot write {@code ../../.bashrc}.
 *
 * <p>{@link #fromPath} reduces a local path to its base name for sending; {@link #parse} refuses
 * anything else that arrives over the network.
 */
public record FileName(String value) {
  public static final int MAX_LENGTH = 64;
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");

  public static final String RULE =
      "file names are 1-64 characters: letters, digits, '.', '_' or '-', not starting with '.'"
          + " or '-', and never a path";

  public FileName {
    Objects.requireNonNull(value, "value");
    if (!isSafe(value)) {
      throw new IllegalArgumentException("unsafe file name: " + ProtocolException.quote(value));
    }
  }

  /** Validates a file name received from a peer; a path or {@code ..} is refused, not fixed. */
  public static FileName parse(String untrustedName) throws ProtocolException {
    if (!isSafe(untrustedName)) {
      throw new ProtocolException(
          ErrorCode.BAD_FILE_NAME,
          ProtocolException.quote(untrustedName) + " is not a safe file name; " + RULE);
    }
    return new FileName(untrustedName);
  }

  /**
   * Reduces a local path such as {@code docs/notes.txt} or {@code C:\tmp\notes.txt} to its base
   * name, then validates it.
   */
  public static FileName fromPath(String localPath) throws ProtocolException {
    String base = localPath;
    int cut = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
    if (cut >= 0) {
      base = base.substring(cut + 1);
    }
    return parse(base.replace(' ', '_'));
  }

  private static boolean isSafe(String name) {
    return name != null && SAFE.matcher(name).matches() && !name.contains("..");
  }

  @Override
  public String toString() {
    return value;
  }
}
