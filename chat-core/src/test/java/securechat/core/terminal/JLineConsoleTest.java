package securechat.core.terminal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.MaskingCallback;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10) // JLine reads the terminal on its own threads
class JLineConsoleTest {
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

  private Terminal terminalTyping(String keys) throws IOException {
    return new DumbTerminal(new ByteArrayInputStream(keys.getBytes(UTF_8)), screen);
  }

  private static List<String> lines(History history) {
    return StreamSupport.stream(history.spliterator(), false).map(History.Entry::line).toList();
  }

  @Test
  void readsTypedLinesAndReturnsNullAtTheEndOfInput() throws IOException {
    try (JLineConsole console = new JLineConsole(terminalTyping("hello\n/list\n"))) {
      assertThat(console.readLine("> ")).isEqualTo("hello");
      assertThat(console.readLine("> ")).isEqualTo("/list");
      assertThat(console.readLine("> ")).isNull();
    }
  }

  @Test
  void linesCarryingAPasswordNeverEnterTheHistory() throws IOException {
    String typed = "hello\n/login bob pw1\n/LOGIN bob pw2\n/register eve pw3\n/list\n";
    LineReader reader = JLineConsole.newReader(terminalTyping(typed));
    JLineConsole console = new JLineConsole(reader);

    for (int i = 0; i < 5; i++) {
      console.readLine("> ");
    }

    assertThat(lines(reader.getHistory())).containsExactly("hello", "/list");
  }

  @Test
  void aMaskedSecretNeverEntersTheHistory() throws IOException {
    LineReader reader = JLineConsole.newReader(terminalTyping("hunter2\n"));

    String secret = new JLineConsole(reader).readSecret("password: ");

    assertThat(secret).isEqualTo("hunter2");
    assertThat(lines(reader.getHistory())).isEmpty();
    assertThat(screen.toString(UTF_8)).doesNotContain("hunter2");
  }

  @Test
  void historyIsNeverWrittenToAFile() throws IOException {
    LineReader reader = JLineConsole.newReader(terminalTyping(""));

    assertThat(reader.getVariable(LineReader.HISTORY_FILE)).isNull();
  }

  @Test
  void printShowsTheLineOnTheTerminal() throws IOException {
    try (JLineConsole console = new JLineConsole(terminalTyping(""))) {
      console.print("alice: hi");
    }

    assertThat(screen.toString(UTF_8)).contains("alice: hi");
  }

  @Test
  void ctrlCOnAnEmptyLineEndsTheInput() throws IOException {
    JLineConsole console = new JLineConsole(new ScriptedReader(new UserInterruptException("")));

    assertThat(console.readLine("> ")).isNull();
  }

  @Test
  void ctrlCOnAHalfTypedLineDiscardsItAndAsksAgain() throws IOException {
    JLineConsole console =
        new JLineConsole(new ScriptedReader(new UserInterruptException("/whisp"), "hello"));

    assertThat(console.readLine("> ")).isEqualTo("hello");
  }

  @Test
  void ctrlDEndsTheInput() throws IOException {
    JLineConsole console = new JLineConsole(new ScriptedReader(new EndOfFileException()));

    assertThat(console.readLine("> ")).isNull();
  }

  @Test
  void ctrlCAtThePasswordPromptGivesNoPassword() throws IOException {
    JLineConsole console = new JLineConsole(new ScriptedReader(new UserInterruptException("hun")));

    assertThat(console.readSecret("password: ")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/login bob pw", "/LOGIN bob pw", "  /register bob pw", "/Register a b"})
  void loginAndRegisterInAnyCaseCarryAPassword(String line) {
    assertThat(JLineConsole.carriesPassword(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "/list", "/whisper bob /login is broken", "/loginx", "//login"})
  void otherLinesCarryNoPassword(String line) {
    assertThat(JLineConsole.carriesPassword(line)).isFalse();
  }

  /** A line reader that returns scripted lines or throws scripted exceptions, in order. */
  private static final class ScriptedReader extends LineReaderImpl {
    private final Deque<Object> script = new ArrayDeque<>();

    ScriptedReader(Object... lineOrException) throws IOException {
      super(new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()));
      script.addAll(List.of(lineOrException));
    }

    @Override
    public String readLine(String prompt, String right, MaskingCallback mask, String buffer) {
      Object next = script.removeFirst();
      if (next instanceof RuntimeException keyPress) {
        throw keyPress;
      }
      return (String) next;
    }
  }
}
