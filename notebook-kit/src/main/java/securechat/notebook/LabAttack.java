package securechat.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import securechat.attacks.AttackCommand;
import securechat.core.cli.CliErrorHandler;
import securechat.core.storage.LabFiles;

/**
 * Runs an attack of the attack lab from a notebook exactly as {@code ./lab attack ARGS} runs it in
 * a terminal, and gives back its verdicts as the JSON that {@code --json} writes: an array with one
 * object per verdict ({@code attack}, {@code target}, {@code outcome}, {@code headline}, {@code
 * why}, {@code evidence}, {@code figures}).
 *
 * <pre>
 * JsonNode verdicts = LabAttack.run("replay", "--stage", "ecdhe");   // narration below the cell
 * Check.equal("refused", verdicts.get(0).get("outcome").asText(), "replay on ecdhe");
 *
 * LabAttack.Run all = LabAttack.quiet("mitm", "--victim", "weak");   // one line per verdict
 * System.out.println(all.printed());                                  // the full narration, later
 * </pre>
 */
public final class LabAttack {
  private LabAttack() {}

  /** A quiet run: what the attack printed, and its verdicts. */
  public record Run(String printed, JsonNode verdicts) {}

  /**
   * Runs {@code lab attack ARGS}, printing what it prints, and returns its verdicts. The victims'
   * accounts, keys and certificates live in a fresh folder, deleted afterwards. An attack that
   * cannot run (a bad option) is a failed {@link Check}, with its one-line error printed.
   */
  public static JsonNode run(String... args) throws IOException {
    return execute(null, new PrintWriter(System.out, true), args);
  }

  /**
   * As {@link #run}, but keeps the narration in {@link Run#printed()} and prints only one line per
   * verdict (outcome, target, headline): for a cell that runs many attacks at once.
   */
  public static Run quiet(String... args) throws IOException {
    return quietIn(null, args);
  }

  /**
   * As {@link #quiet}, with the victims' files in {@code dataDir}, kept afterwards: for a notebook
   * that looks at them (the password files {@code crack} attacked, say). The caller removes it.
   */
  public static Run quietIn(Path dataDir, String... args) throws IOException {
    StringWriter printed = new StringWriter();
    JsonNode verdicts;
    try {
      verdicts = execute(dataDir, new PrintWriter(printed, true), args);
    } catch (CheckFailed failed) {
      System.out.print(printed);
      throw failed;
    }
    for (JsonNode verdict : verdicts) {
      System.out.printf(
          "%-9s %s%n          %s%n",
          verdict.get("outcome").asText().toUpperCase(),
          verdict.get("target").asText(),
          verdict.get("headline").asText());
    }
    return new Run(printed.toString(), verdicts);
  }

  private static JsonNode execute(Path dataDir, PrintWriter out, String... args)
      throws IOException {
    Path data = dataDir != null ? dataDir : Files.createTempDirectory("securechat-lab-attack-");
    Path json = Files.createTempFile("securechat-lab-verdicts-", ".json");
    try {
      List<String> command = new ArrayList<>(List.of(args));
      command.addAll(
          List.of("--no-color", "--data-dir", data.toString(), "--json", json.toString()));
      int status =
          CliErrorHandler.configure(new AttackCommand(Stages.all()).commandLine())
              .setOut(out)
              .setErr(out)
              .execute(command.toArray(String[]::new));
      out.flush();
      Check.equal(0, status, "the exit status of ./lab attack " + String.join(" ", args));
      return new ObjectMapper().readTree(json.toFile());
    } finally {
      Files.deleteIfExists(json);
      if (dataDir == null) {
        LabFiles.deleteTree(data);
      }
    }
  }
}
