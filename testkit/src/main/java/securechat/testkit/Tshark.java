package securechat.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real tshark, Wireshark's command line, as a second opinion on a capture file. */
public final class Tshark {
  private Tshark() {}

  /** Skips the calling test when tshark is not installed. */
  public static void assumeInstalled() {
    boolean found =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "tshark")));
    assumeTrue(found, "tshark is not installed (apt-get install tshark)");
  }

  /**
   * One line per frame, the given fields separated by tabs: {@code tshark -r FILE -T fields -e
   * ...}.
   */
  public static List<String> fields(Path file, String... fields)
      throws IOException, InterruptedException {
    return fields(file, List.of(), fields);
  }

  /**
   * The same, with tshark options before the fields, such as {@code List.of("-d",
   * "tcp.port==7002,tls")} to read a port as TLS.
   */
  public static List<String> fields(Path file, List<String> options, String... fields)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tshark", "-r", file.toString()));
    command.addAll(options);
    command.addAll(List.of("-T", "fields"));
    for (String field : fields) {
      command.add("-e");
      command.add(field);
    }
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("tshark could not read " + file);
    }
    return out.lines().toList();
  }
}
