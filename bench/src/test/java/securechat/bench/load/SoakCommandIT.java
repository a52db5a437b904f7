package securechat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

/**
 * The short soak CI runs: 200 users taking turns against a real server JVM, with handshakes killed
 * by SIGKILL and slow consumers, on the two stages whose records are checked by our code or by
 * JSSE. The verdict must be PASS, and each kind of trouble must really have happened. The long soak
 * is the same command with other figures (DEVELOPERS.md, "Fault injection and soak").
 */
class SoakCommandIT {

  @ParameterizedTest
  @CsvSource({"ecdhe, 15s", "tls, 10s"})
  @Timeout(180)
  void shortSoakLosesNothingLeaksNothingAndStillAcceptsLogins(String stage, String duration) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine lab = CliErrorHandler.configure(TestStages.bench().commandLine());
    lab.setOut(new PrintWriter(out));
    lab.setErr(new PrintWriter(err));

    int status =
        lab.execute(
            "soak",
            "--stage",
            stage,
            "--clients",
            "200",
            "--sessions-at-once",
            "16",
            "--duration",
            duration,
            "--kill-every",
            "1s",
            "--slow-every",
            "3s");

    String report = out.toString();
    assertThat(status).as(report + err).isZero();
    assertThat(report).contains("verdict                PASS");
    assertThat(figure(report, "killed handshakes\\s+([\\d,]+)")).isPositive();
    assertThat(figure(report, "slow consumers\\s+([\\d,]+) of")).isPositive();
    assertThat(figure(report, "messages\\s+([\\d,]+) sent")).isPositive();
    assertThat(figure(report, "sessions\\s+([\\d,]+) connected")).isGreaterThan(200);
  }

  private static long figure(String report, String regex) {
    Matcher match = Pattern.compile(regex).matcher(report);
    assertThat(match.find()).as(regex + " in\n" + report).isTrue();
    return Long.parseLong(match.group(1).replace(",", ""));
  }
}
