package securechat.core.storage;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The victim of {@link LabFilesKillIT}, run in its own JVM: rewrites one file through {@link
 * LabFiles#writePrivate} forever, each version numbered one more than the version it found, and
 * prints {@code wrote N} after each write has returned. The test kills it with SIGKILL.
 */
final class RewriteLoop {
  /** Lines per version: about 40 KiB, so that a kill often lands in the middle of a write. */
  private static final int LINES = 1000;

  private RewriteLoop() {}

  /** {@code RewriteLoop FILE}: runs until killed. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    long version = Files.exists(file) ? versionOf(Files.readString(file, UTF_8)) : 0;
    while (true) {
      version++;
      LabFiles.writePrivate(file, content(version).getBytes(UTF_8));
      System.out.println("wrote " + version);
      System.out.flush();
    }
  }

  /** Version {@code n} of the file: a first line naming it, then lines that all depend on it. */
  static String content(long version) {
    StringBuilder text = new StringBuilder("version ").append(version).append('\n');
    for (int line = 1; line <= LINES; line++) {
      text.append("line ").append(line).append(" of version ").append(version).append(" .....\n");
    }
    return text.append("end of version ").append(version).append('\n').toString();
  }

  /** The version a file claims on its first line; whether it is whole is for the caller. */
  static long versionOf(String text) {
    int newline = text.indexOf('\n');
    if (!text.startsWith("version ") || newline < 0) {
      throw new IllegalStateException("not a version of the file: " + text.length() + " chars");
    }
    return Long.parseLong(text.substring("version ".length(), newline));
  }
}
