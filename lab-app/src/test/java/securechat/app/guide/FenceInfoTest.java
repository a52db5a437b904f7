package securechat.app.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FenceInfoTest {
  @Test
  void readsLanguageFlagsAndQuotedValues() {
    FenceInfo info =
        FenceInfo.parse(
            "bash runnable background ready=\"listening on 127.0.0.1\" expect=JOIN"
                + " expect=\"a \\\"quoted\\\" word\" input=\"/quit\\n\"");

    assertThat(info.language()).isEqualTo("bash");
    assertThat(info.runnable()).isTrue();
    assertThat(info.background()).isTrue();
    assertThat(info.norun()).isFalse();
    assertThat(info.value("ready")).contains("listening on 127.0.0.1");
    assertThat(info.all("expect")).containsExactly("JOIN", "a \"quoted\" word");
    assertThat(info.value("input")).contains("/quit\n");
    assertThat(info.value("exit")).isEmpty();
  }

  @Test
  void aPlainFenceHasOnlyItsLanguage() {
    assertThat(FenceInfo.parse("text").language()).isEqualTo("text");
    assertThat(FenceInfo.parse("").language()).isEmpty();
    assertThat(FenceInfo.parse(null).runnable()).isFalse();
  }

  @Test
  void typosAndOpenQuotesAreErrors() {
    assertThatThrownBy(() -> FenceInfo.parse("bash runable"))
        .hasMessageContaining("unknown word \"runable\"");
    assertThatThrownBy(() -> FenceInfo.parse("bash runnable expected=x"))
        .hasMessageContaining("unknown setting \"expected\"");
    assertThatThrownBy(() -> FenceInfo.parse("bash runnable input=\"/quit"))
        .hasMessageContaining("a quote is not closed");
  }
}
