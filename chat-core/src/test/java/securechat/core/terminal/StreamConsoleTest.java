package securechat.core.terminal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class StreamConsoleTest {
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();

  private StreamConsole consoleReading(String input) {
    return new StreamConsole(
        new BufferedReader(new StringReader(input)), new PrintStream(output, true, UTF_8));
  }

  @Test
  void readsLinesUntilTheEndOfInputWithoutPrintingPrompts() throws IOException {
    StreamConsole console = consoleReading("hello\n/list\n");

    assertThat(console.readLine("> ")).isEqualTo("hello");
    assertThat(console.readLine("> ")).isEqualTo("/list");
    assertThat(console.readLine("> ")).isNull();
    assertThat(output.toString(UTF_8)).isEmpty();
  }

  @Test
  void readSecretReadsTheNextLineOfTheSameInput() throws IOException {
    StreamConsole console = consoleReading("hunter2\nhello\n");

    assertThat(console.readSecret("password: ")).isEqualTo("hunter2");
    assertThat(console.readLine("> ")).isEqualTo("hello");
    assertThat(output.toString(UTF_8)).isEmpty();
  }

  @Test
  void printWritesOneUtf8LinePerCall() {
    StreamConsole console = consoleReading("");

    console.print("alice: héllo 🎉");

    assertThat(output.toString(UTF_8)).isEqualTo("alice: héllo 🎉" + System.lineSeparator());
  }

  @Test
  void isNeverInteractive() {
    assertThat(consoleReading("").isInteractive()).isFalse();
  }

  @Test
  @Timeout(10)
  void linesPrintedFromManyThreadsAtOnceStayWhole() throws InterruptedException {
    StreamConsole console = consoleReading("");
    String line = "x".repeat(500);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(Thread.ofVirtual().start(() -> printTimes(console, line, 50)));
    }
    for (Thread thread : threads) {
      assertThat(thread.join(Duration.ofSeconds(5))).isTrue();
    }

    assertThat(output.toString(UTF_8).lines()).hasSize(400).allMatch(line::equals);
  }

  private static void printTimes(StreamConsole console, String line, int times) {
    for (int i = 0; i < times; i++) {
      console.print(line);
    }
  }
}
