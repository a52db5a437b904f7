package securechat.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The placeholder demo runs the plain conversation end to end and shows the secrets on the wire.
 */
@Timeout(60)
class DemoCommandIT {

  @Test
  void plainConversationShowsPasswordAndSecretOnTheWire() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Lab.commandLine(new ByteArrayInputStream(new byte[0]))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute("demo");
    assertThat(err.toString()).isEmpty();
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("placeholder until the full demo lands")
        .contains("alice  → server  /register alice " + DemoCommand.PASSWORD)
        .contains("server → bob    MSG alice " + DemoCommand.SECRET)
        .contains("server → bob    FILE alice bob plan.txt")
        .contains("server → alice  BYE goodbye");
  }
}
