package securechat.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import securechat.attacks.AttackCommand;
import securechat.core.cli.CliErrorHandler;
import securechat.core.storage.LabFiles;

/**
 * Runs an attack of the attack lab from a notebook exactly as {@code ./lab attack ARGS} runs it in
 * a terminal: its narration is printed below the cell, and its verdicts come back as the JSON that
 * {@code --json} writes, one object per verdict ({@code attack}, {@code target}, {@code outcome},
 * {@code headline}, {@code why}, {@code evidence}, {@code figures}).
 *
 * <pre>
 * JsonNode verdicts = LabAttack.run("replay", "--stage", "ecdhe");
 * Check.equal("refused", verdicts.get(0).get("outcome").asText(), "replay on ecdhe");
 * </pre>
 */
public final class LabAttack {
  private LabAttack() {}

  /**
   * Runs {@code lab attack ARGS} in a fresh data folder (deleted afterwards: the victims' accounts,
   * keys and certificates) and returns its verdicts. An attack that cannot run (a bad option) is a
   * failed {@link Check}.
   */
  public static JsonNode run(String... args) throws IOException {
    Path data = Files.createTempDirectory("securechat-lab-attack-");
    try {
      Path json = data.resolve("verdicts.json");
      List<String> command = new ArrayList<>(List.of(args));
      command.addAll(
          List.of("--no-color", "--data-dir", data.toString(), "--json", json.toString()));
      PrintWriter out = new PrintWriter(System.out, true);
      int status =
          CliErrorHandler.configure(new AttackCommand(Stages.all()).commandLine())
              .setOut(out)
              .setErr(new PrintWriter(System.err, true))
              .execute(command.toArray(String[]::new));
      Check.equal(0, status, "the exit status of ./lab attack " + String.join(" ", args));
      return new ObjectMapper().readTree(json.toFile());
    } finally {
      LabFiles.deleteTree(data);
    }
  }
}
