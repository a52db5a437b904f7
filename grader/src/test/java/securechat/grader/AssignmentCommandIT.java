package securechat.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;
import securechat.grader.cli.AssignmentCommand;

/** {@code lab assignment …} through picocli, as the lab runs it: outputs and exit codes. */
@Timeout(300)
class AssignmentCommandIT {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = new AssignmentCommand(() -> LabAssignments.LAB_ROOT).commandLine();
    CliErrorHandler.configure(command);
    command.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void listShowsEveryAssignmentWithItsPoints() throws Exception {
    assertThat(run("list")).isZero();
    for (String name : LabAssignments.names()) {
      assertThat(out.toString()).containsPattern(name + " .* 20 +[0-9.]+ +[0-9.]+ ");
    }
  }

  @Test
  void anUnknownAssignmentIsOneErrorLineNamingTheOnesThereAre() {
    assertThat(run("release", "00-nothing", "--out", "x")).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("error: no assignment '00-nothing' in ")
        .contains("hint: there are: 01-fernet, 02-key-schedule");
    assertThat(err.toString()).doesNotContain("Exception");
  }

  @Test
  void aReleaseNeverWritesOverFiles(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThat(run("release", "01-fernet", "--out", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("is not empty").contains("hint: give a new folder");
    assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
  }

  @Test
  void gradeAllWritesAGradebookRowPerSubmissionAndAReportFolderEach(@TempDir Path dir)
      throws Exception {
    LabAssignments.bubblewrap();
    Assignment assignment = LabAssignments.find("01-fernet");
    Path submissions = dir.resolve("hand-ins");
    LabAssignments.solution(assignment, submissions.resolve("alice"));
    Path bob = submissions.resolve("bob/src/main/java/securechat/ecdhe/Fernet.java");
    Files.createDirectories(bob.getParent());
    Files.writeString(bob, "package securechat.ecdhe; public final class Fernet { oops }");
    Path out = dir.resolve("graded");

    assertThat(
            run(
                "grade-all",
                "01-fernet",
                "--submissions",
                submissions.toString(),
                "--out",
                out.toString()))
        .as(err.toString())
        .isZero();

    List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
    assertThat(rows).hasSize(3);
    assertThat(rows.get(1)).startsWith("alice,20,20,100.0,");
    assertThat(rows.get(2)).startsWith("bob,0,20,0.0,").contains("did not compile");
    assertThat(out.resolve("alice/results.json")).exists();
    assertThat(Files.readString(out.resolve("bob/summary.txt")))
        .contains("your code does not compile:")
        .contains("Fernet.java:1:");
    assertThat(this.out.toString()).contains("graded 2 of 2 submissions").contains("100%");
  }

  @Test
  void withoutTheSandboxTheGraderSaysSoLoudly(@TempDir Path dir) throws Exception {
    Assignment assignment = LabAssignments.find("02-key-schedule");
    Path alice = LabAssignments.solution(assignment, dir.resolve("alice"));
    assertThat(
            run(
                "grade",
                "02-key-schedule",
                "--submission",
                alice.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--insecure-no-sandbox"))
        .isZero();
    assertThat(err.toString()).startsWith("warning: --insecure-no-sandbox:");
    assertThat(out.toString())
        .contains("20 of 20 points")
        .contains("sandbox: none (--insecure-no-sandbox)");
  }
}
