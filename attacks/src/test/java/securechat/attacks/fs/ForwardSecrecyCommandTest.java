package securechat.attacks.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import securechat.attacks.LabStages;
import securechat.core.cli.CliErrorHandler;

class ForwardSecrecyCommandTest {
  @Test
  void withoutTheStagesItNeedsItSaysWhichInOneSentence() {
    StringWriter err = new StringWriter();

    int exit =
        CliErrorHandler.configure(
                new CommandLine(new ForwardSecrecyCommand(List.of(LabStages.ecdhe()))))
            .setOut(new PrintWriter(new StringWriter()))
            .setErr(new PrintWriter(err))
            .execute();

    assertThat(exit).isEqualTo(CliErrorHandler.EXIT_FAILURE);
    assertThat(err.toString()).isEqualTo("error: unknown stage 'e2e'; the stages are: ecdhe\n");
  }
}
