package securechat.attacks.crack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.cli.ConfigException;

class WordListTest {
  @TempDir Path tmp;

  @Test
  void shippedListIsZxcvbnsMostCommonPasswordsMostCommonFirst() {
    WordList list = WordList.shipped();

    // SOURCES.md: the first 4,000 of zxcvbn's password list, after the filter.
    assertThat(list.size()).isEqualTo(4_000);
    assertThat(list.words()).startsWith("123456", "password", "12345678", "qwerty");
    assertThat(list.words()).doesNotContain("").noneMatch(word -> word.contains("fuck"));
  }

  @Test
  void ownListKeepsItsOrderAndSkipsBlankLines() throws Exception {
    Path file = tmp.resolve("words.txt");
    Files.writeString(file, "zebra\n\napple\r\n", UTF_8);

    assertThat(WordList.read(file).words()).containsExactly("zebra", "apple");
  }

  @Test
  void missingOrEmptyListIsRefused() throws Exception {
    Path missing = tmp.resolve("missing.txt");
    Path empty = Files.writeString(tmp.resolve("empty.txt"), "\n\n", UTF_8);

    assertThatThrownBy(() -> WordList.read(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage("no word list at " + missing);
    assertThatThrownBy(() -> WordList.read(empty))
        .isInstanceOf(ConfigException.class)
        .hasMessage("the word list " + empty + " has no words");
  }
}
