package securechat.attacks.crack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

/** The command's answers to what a user types, without the slow default victims. */
@Timeout(60)
class CrackCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CliErrorHandler.configure(new CommandLine(new CrackCommand()))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void studentsOwnHashFileIsCrackedWithTheirOwnList() throws Exception {
    Path hashes = tmp.resolve("old.txt");
    HashFiles.writeUnsalted(
        hashes,
        java.util.List.of(
            DictionaryAttackTest.unsalted("alice", "sunshine"),
            DictionaryAttackTest.unsalted("bob", "k7qm-2xwp-9f3h-tr8c")));
    Path words = Files.writeString(tmp.resolve("words.txt"), "letmein\nsunshine\n", UTF_8);

    int exitCode = run("--hashes", hashes.toString(), "--wordlist", words.toString(), "--no-color");

    assertThat(exitCode).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString())
        .contains("about to: hash each of the 2 words of " + words)
        .contains("  seen: alice: sunshine", "  seen: bob: not found")
        .contains("verdict: SUCCEEDED  crack on unsalted-sha256")
        .doesNotContain("argon2id");
  }

  @Test
  void missingHashFileIsOneErrorSentence() {
    Path missing = tmp.resolve("missing.txt");

    int exitCode = run("--hashes", missing.toString());

    assertThat(exitCode).isEqualTo(CliErrorHandler.EXIT_FAILURE);
    assertThat(err.toString())
        .isEqualTo("error: no hash file at " + missing + System.lineSeparator());
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void malformedHashLineIsOneErrorSentenceNamingTheLine() throws Exception {
    Path hashes = Files.writeString(tmp.resolve("bad.txt"), "alice:not-a-hash\n", UTF_8);

    int exitCode = run("--hashes", hashes.toString());

    assertThat(exitCode).isEqualTo(CliErrorHandler.EXIT_FAILURE);
    assertThat(err.toString())
        .isEqualTo(
            "error: "
                + hashes
                + " line 1: expected name:<64 hex digits>, not 'alice:not-a-hash'"
                + System.lineSeparator());
  }

  @Test
  void zeroThreadsOrZeroBudgetIsRefused() {
    assertThat(run("--threads", "0")).isEqualTo(CliErrorHandler.EXIT_FAILURE);
    assertThat(run("--budget", "0s")).isEqualTo(CliErrorHandler.EXIT_FAILURE);

    assertThat(err.toString().lines())
        .containsExactly(
            "error: --threads must be 1 to 1024, not 0", "error: --budget must be more than 0");
  }
}
