package securechat.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import securechat.bench.cli.BenchCommand;
import securechat.core.cli.CliErrorHandler;

class CompareCommandTest {
  @Test
  void unknownPartIsNamedWithTheParts() {
    StringWriter err = new StringWriter();
    CommandLine command =
        CliErrorHandler.configure(
            new CommandLine(
                new CompareCommand(
                    new BenchCommand(List.of(), TestLab.class.getName()), new ToolPath(""), 0)));
    command.setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err));

    int status = command.execute("--only", "fernet,sniffing");

    assertThat(status).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("error: unknown part 'sniffing'; the parts are: fernet, tls, sniffer, speed");
  }
}
