package securechat.attacks.downgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

/**
 * One run of {@code lab attack downgrade ARGS} in the test's JVM, as {@code Lab} runs it: exit
 * code, what it printed on each stream, and the verdicts it wrote with {@code --json}.
 */
record DowngradeRun(int exitCode, String out, String err, List<JsonNode> verdicts) {
  static DowngradeRun of(Path dataDir, String... args) throws IOException {
    Path json = dataDir.resolve("verdicts.json");
    List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--no-color"));
    all.addAll(List.of("--json", json.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command =
        CliErrorHandler.configure(
                new CommandLine(new DowngradeCommand(securechat.attacks.LabStages.all())))
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true));
    int exitCode = command.execute(all.toArray(String[]::new));
    List<JsonNode> verdicts = new ArrayList<>();
    if (json.toFile().exists()) {
      new ObjectMapper().readTree(json.toFile()).forEach(verdicts::add);
    }
    return new DowngradeRun(exitCode, out.toString(), err.toString(), verdicts);
  }

  /** The only verdict; fails if there is not exactly one. */
  JsonNode verdict() {
    if (verdicts.size() != 1) {
      throw new AssertionError("expected one verdict, got " + verdicts + "\n" + out + err);
    }
    return verdicts.get(0);
  }

  /** The verdict's evidence lines. */
  List<String> evidence() {
    List<String> lines = new ArrayList<>();
    verdict().get("evidence").forEach(line -> lines.add(line.asText()));
    return lines;
  }
}
