package securechat.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckTest {
  @Test
  void aCheckThatHoldsSaysNothing() {
    assertThatCode(
            () -> {
              Check.that(true, "it holds");
              Check.contains("the code is 4711", "4711");
              Check.notContains("the code is ****", "4711");
              Check.equal(2, 2, "connections");
            })
        .doesNotThrowAnyException();
  }

  @Test
  void thatFailsWithTheExpectationItWasGiven() {
    assertThatThrownBy(() -> Check.that(false, "the password is not on the wire"))
        .isInstanceOf(CheckFailed.class)
        .isInstanceOf(RuntimeException.class)
        .hasMessage("check failed: the password is not on the wire");
  }

  @Test
  void containsSaysWhatIsMissingAndHowTheTextStarts() {
    assertThatThrownBy(() -> Check.contains("WHISPER alice bob hello", "4711"))
        .isInstanceOf(CheckFailed.class)
        .hasMessage(
            "check failed: expected '4711' in the text, but it is not there; the text (23"
                + " characters) starts 'WHISPER alice bob hello'");
  }

  @Test
  void notContainsShowsWhereTheUnwantedTextIs() {
    String wire = "/register alice alice-secret-5585\n/whisper bob the code is 4711\n";

    assertThatThrownBy(() -> Check.notContains(wire, "4711"))
        .isInstanceOf(CheckFailed.class)
        .hasMessage(
            "check failed: '4711' should not be in the text, but it is, at character 59:"
                + " 'ob the code is 4711?'");
  }

  @Test
  void messagesStayOnOneLineAndShortWhateverTheText() {
    String longText = "line one\nline two\n".repeat(50);

    assertThatThrownBy(() -> Check.contains(longText, "absent"))
        .hasMessageNotContaining("\n")
        .hasMessageEndingWith("starts 'line one?line two?line one?line two?line…'");
  }

  @Test
  void equalNamesTheValueAndBothSides() {
    assertThatThrownBy(() -> Check.equal(2, 3, "connections on the wire"))
        .isInstanceOf(CheckFailed.class)
        .hasMessage("check failed: connections on the wire: expected '2', but got '3'");
    assertThatThrownBy(() -> Check.equal("tls", null, "stage"))
        .hasMessage("check failed: stage: expected 'tls', but got null");
  }

  @Test
  void theMessageIsTheWholeStoryNotAStackTrace() {
    CheckFailed failure = new CheckFailed("check failed: x");

    assertThat(failure.getMessage()).isEqualTo("check failed: x");
    assertThat(failure.getCause()).isNull();
  }
}
