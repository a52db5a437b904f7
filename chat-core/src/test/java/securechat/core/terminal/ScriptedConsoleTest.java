package securechat.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ScriptedConsoleTest {
  private final ScriptedConsole console = new ScriptedConsole("alice");

  @Test
  void readLineWaitsUntilALineIsTypedThenReturnsIt() throws Exception {
    CompletableFuture<String> read = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> read.complete(console.readLine("username: ")));

    console.type("alice");

    assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo("alice");
  }

  @Test
  void endOfInputReadsAsNullAfterTheLinesTypedBeforeIt() {
    console.type("bob:hello");
    console.endInput();

    assertThat(console.readLine("")).isEqualTo("bob:hello");
    assertThat(console.readLine("")).isNull();
  }

  @Test
  void awaitLineSkipsLinesUntilOneMatchesAndKeepsEverythingPrinted() throws Exception {
    console.print("users: alice");
    console.print("users: alice, bob");

    assertThat(console.awaitLine(line -> line.endsWith("bob"), Duration.ofSeconds(1)))
        .contains("users: alice, bob");
    assertThat(console.printed()).containsExactly("users: alice", "users: alice, bob");
  }

  @Test
  void awaitLineIsEmptyWhenNothingMatchesInTime() throws Exception {
    console.print("users: alice");

    assertThat(console.awaitLine(line -> line.contains("bob"), Duration.ofMillis(50))).isEmpty();
  }

  @Test
  void awaitNamesTheConsoleWhatWasWantedAndWhatWasPrinted() {
    console.print("users: alice");

    assertThatThrownBy(
            () -> console.await(line -> line.contains("bob"), "'[bob] hi'", Duration.ofMillis(50)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("alice printed no '[bob] hi' within 50 ms; it printed: [users: alice]");
  }
}
