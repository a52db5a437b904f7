package securechat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import securechat.core.cli.CliErrorHandler;

/** Bad options are refused with one line and a hint, before anything starts. */
class LoadCommandTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--pattern=flood              | --pattern flood is not a pattern",
        "--clients=0                  | --clients 0 is out of range",
        "--clients=1                  | --clients 1 is out of range",
        "--rate=0                     | --rate 0 is out of range",
        "--duration=11m               | --duration 660s is out of range",
        "--stage=ssh                  | unknown stage 'ssh'",
        "--server-heap=lots           | --server-heap lots is not a heap size",
        "--connect=10.1.2.3:7001      | is not this machine",
        "--connect=localhost          | is not HOST:PORT",
        "--server-pid=1               | go with --connect only",
        "--clients=49000              | open files",
      })
  void badOptionIsOneLineWithAHint(String option, String sentence) {
    StringWriter err = new StringWriter();
    CommandLine lab = CliErrorHandler.configure(TestStages.bench().commandLine());
    lab.setErr(new PrintWriter(err));

    int status = lab.execute("load", option);

    assertThat(status).isEqualTo(CliErrorHandler.EXIT_FAILURE);
    assertThat(err.toString()).startsWith("error: ").contains(sentence).doesNotContain("\tat ");
    assertThat(err.toString().lines().filter(line -> line.startsWith("error: "))).hasSize(1);
  }
}
