package securechat.core.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL while it rewrites a file through {@link LabFiles} leaves the file
 * whole: exactly one complete version, never older than the last write that returned. The killed
 * process's temporary file may stay behind; the next write deletes it, so they never pile up.
 *
 * <p>Kills: {@code -Dlabfiles.kills=N} (default 30; the long mode is, say, 1000).
 */
class LabFilesKillIT {
  private static final int KILLS = Integer.getInteger("labfiles.kills", 30);

  /** Kill moments spread over the first 60 ms of writing (a write takes about a millisecond). */
  private static final int MAX_DELAY_MILLIS = 60;

  private final SecureRandom random = new SecureRandom();

  @TempDir Path dir;

  @Test
  @Timeout(600)
  void aKilledWriterLeavesOneWholeVersionAndNoPileOfTemporaryFiles() throws Exception {
    Path file = dir.resolve("accounts");
    long lastReturned = 0;
    int killsThatLeftATempFile = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      long returned = runAndKill(file);
      String text = Files.readString(file, UTF_8);
      long version = RewriteLoop.versionOf(text);
      assertThat(text)
          .as("kill %d: version %d is whole", kill, version)
          .isEqualTo(RewriteLoop.content(version));
      // The kill may land after the rename and before "wrote N" is printed: one more, no less.
      assertThat(version).as("kill %d", kill).isBetween(returned, returned + 1);
      assertThat(version)
          .as("kill %d: never back to an older version", kill)
          .isGreaterThanOrEqualTo(lastReturned);
      lastReturned = version;
      List<Path> temps = tempFiles();
      assertThat(temps)
          .as("kill %d: at most the killed writer's temporary file", kill)
          .hasSizeLessThanOrEqualTo(1);
      killsThatLeftATempFile += temps.size();
    }
    LabFiles.writePrivate(file, RewriteLoop.content(lastReturned + 1).getBytes(UTF_8));
    assertThat(tempFiles()).as("the next write cleans up").isEmpty();
    System.out.printf(
        "%d kills, %d left a temporary file, last version %d%n",
        KILLS, killsThatLeftATempFile, lastReturned);
  }

  /** Starts the writer, kills it at a random moment, returns the last version it said it wrote. */
  private long runAndKill(Path file) throws Exception {
    Process writer = startWriter(file);
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(writer.getInputStream(), UTF_8))) {
      String first = out.readLine(); // the JVM is up and has written once
      assertThat(first).as("the writer's first line").startsWith("wrote ");
      // Not waiting for something: the random pause is the random moment of the kill.
      Thread.sleep(random.nextInt(MAX_DELAY_MILLIS + 1));
      // SIGKILL through the handle: Process.destroyForcibly() would also close our end of its
      // stdout, and the lines it printed before dying would be lost.
      writer.toHandle().destroyForcibly();
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
      long returned = Long.parseLong(first.substring("wrote ".length()));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("wrote ")) {
          returned = Long.parseLong(line.substring("wrote ".length()));
        }
      }
      return returned;
    } finally {
      writer.destroyForcibly();
    }
  }

  private static Process startWriter(Path file) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            RewriteLoop.class.getName(),
            file.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private List<Path> tempFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(path -> path.toString().endsWith(LabFiles.TEMP_SUFFIX)).toList();
    }
  }
}
