package securechat.app.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.app.guide.GuideRunner.BlockResult;
import securechat.app.guide.GuideRunner.ChapterReport;
import securechat.app.guide.GuideRunner.Status;

/** The doc test's runner, on small chapters written here, against a stand-in ./lab script. */
class GuideRunnerTest {
  @TempDir Path temp;
  private Path labHome;
  private final StringWriter progress = new StringWriter();
  private int runs;

  @BeforeEach
  void aLabThatEchoes() throws Exception {
    labHome = Files.createDirectories(temp.resolve("home"));
    Path lab = labHome.resolve("lab");
    Files.writeString(lab, "#!/bin/sh\necho \"lab was asked: $*\"\n");
    Files.setPosixFilePermissions(lab, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private ChapterReport run(String markdown) throws Exception {
    Path chapter = temp.resolve("01-test.md");
    Files.writeString(chapter, markdown);
    return new GuideRunner(labHome, new PrintWriter(progress))
        .run(chapter, temp.resolve("work" + ++runs));
  }

  private static List<Status> statuses(ChapterReport report) {
    return report.results().stream().map(BlockResult::status).toList();
  }

  @Test
  void runsBlocksInOrderInOneFolderWithTheLabScriptAndChecksOutput() throws Exception {
    ChapterReport report =
        run(
            """
            # A chapter
            ```bash runnable expect="lab was asked: server --stage plain"
            ./lab server --stage plain
            ```
            Some text, then output that is not run:
            ```text
            rm -rf /
            ```
            ```bash runnable input="hello\\nworld\\n" expect="2 lines"
            echo made-here > file.txt
            echo "$(wc -l) lines"
            ```
            ```bash runnable expect="made-here"
            cat file.txt
            ```
            ```bash runnable exit=3
            exit 3
            ```
            ```bash norun reason="needs a second machine"
            ssh classroom-server
            ```
            """);

    assertThat(report.failures()).isEmpty();
    assertThat(statuses(report))
        .containsExactly(
            Status.PASSED, Status.PASSED, Status.PASSED, Status.PASSED, Status.NOT_RUN);
    assertThat(report.passed()).isTrue();
    assertThat(report.summary()).startsWith("01-test.md: 4 run, 0 failed, 1 not run");
  }

  @Test
  void aBackgroundBlockRunsUntilStoppedAndItsOutputIsChecked() throws Exception {
    ChapterReport report =
        run(
            """
            ```bash runnable background name=server ready="up" expect="got: ping"
            mkfifo fifo; echo up; while read -r line; do echo "got: $line"; done < fifo
            ```
            ```bash runnable
            echo ping > fifo
            ```
            ```bash runnable stop=server expect="after"
            echo after
            ```
            """);

    assertThat(report.failures()).isEmpty();
    assertThat(statuses(report)).containsExactly(Status.PASSED, Status.PASSED, Status.PASSED);
  }

  @Test
  void aBackgroundBlockIsStoppedAtTheEndOfTheChapterAndJudgedThen() throws Exception {
    ChapterReport report =
        run(
            """
            ```bash runnable background ready="up" expect="never printed"
            echo up; sleep 60
            ```
            ```bash runnable
            true
            ```
            """);

    assertThat(statuses(report)).containsExactly(Status.FAILED, Status.PASSED);
    assertThat(report.failures())
        .singleElement()
        .asString()
        .startsWith("01-test.md:1: its output does not contain \"never printed\"");
  }

  @Test
  void whatABackgroundBlockPrintsWhileItStopsIsKept() throws Exception {
    ChapterReport report =
        run(
            """
            ```bash runnable background ready="up" expect="3 packets captured"
            trap 'echo "3 packets captured"; exit 0' TERM; echo up; while :; do sleep 0.1; done
            ```
            """);

    assertThat(report.failures()).isEmpty();
  }

  @Test
  void failuresSayWhereAndWhyAndStopTheChapter() throws Exception {
    ChapterReport report =
        run(
            """
            ```bash runnable expect="goodbye"
            echo hello
            ```
            ```bash runnable
            echo never run
            ```
            """);

    assertThat(statuses(report)).containsExactly(Status.FAILED, Status.NOT_RUN);
    assertThat(report.failures())
        .singleElement()
        .asString()
        .startsWith("01-test.md:1: its output does not contain \"goodbye\"")
        .contains("hello");
  }

  @Test
  void aWrongExitStatusAndAHangAreFailures() throws Exception {
    assertThat(run("```bash runnable\nfalse\n```\n").failures())
        .singleElement()
        .asString()
        .contains("exit status 1, expected 0");
    assertThat(run("```bash runnable timeout=1\nsleep 30\n```\n").failures())
        .singleElement()
        .asString()
        .contains("did not finish within 1 s");
  }

  @Test
  void everyShellBlockMustSayHowItIsChecked() throws Exception {
    ChapterReport report =
        run(
            """
            ```sh
            ./lab demo
            ```
            ```bash
            ./lab demo
            ```
            ```bash norun
            ./lab demo
            ```
            ```bash runnable background
            ./lab server
            ```
            """);

    assertThat(report.failures())
        .containsExactly(
            "01-test.md:1: ```sh is not checked: write ```bash runnable, or ```bash norun"
                + " reason=\"...\"",
            "01-test.md:4: a ```bash block says either runnable or norun reason=\"...\"",
            "01-test.md:7: ```bash norun needs reason=\"why it cannot run in the test\"",
            "01-test.md:10: a background block needs ready=\"TEXT it prints once it is up\"");
  }
}
