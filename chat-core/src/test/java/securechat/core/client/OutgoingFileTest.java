package securechat.core.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.protocol.ClientMessage;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.Limits;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;

class OutgoingFileTest {
  @TempDir Path home;

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(home.resolve(name), content);
  }

  private static ErrorCode codeOf(Throwable e) {
    return ((ProtocolException) e).code();
  }

  @Test
  void readsATextFileForOneUserAndSendsOnlyItsBaseName() throws Exception {
    Path notes = write("notes.txt", "line 1\r\nline 2\ttab".getBytes(UTF_8));

    ClientMessage.SendFile file = OutgoingFile.read("bob", notes.toString(), Limits.DEFAULTS);

    assertThat(file.to()).contains(new Username("bob"));
    assertThat(file.name().value()).isEqualTo("notes.txt");
    assertThat(file.content()).isEqualTo("line 1\r\nline 2\ttab");
  }

  @Test
  void starSendsToEveryone() throws Exception {
    Path notes = write("notes.txt", "hi".getBytes(UTF_8));

    assertThat(OutgoingFile.read("*", notes.toString(), Limits.DEFAULTS).to())
        .isEqualTo(Optional.empty());
  }

  @Test
  void spacesInTheLocalNameBecomeUnderscores() throws Exception {
    Path notes = write("my notes.txt", "hi".getBytes(UTF_8));

    assertThat(OutgoingFile.read("bob", notes.toString(), Limits.DEFAULTS).name().value())
        .isEqualTo("my_notes.txt");
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    Path big = write("big.txt", new byte[11]);

    assertThatThrownBy(
            () -> OutgoingFile.read("bob", big.toString(), Limits.DEFAULTS.withMaxFileBytes(10)))
        .hasMessage("'" + big + "' is 11 bytes; the maximum is 10")
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.FILE_TOO_LARGE));
  }

  @Test
  void aFileThatIsNotUtf8IsRefused() throws Exception {
    Path binary = write("photo.txt", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    assertThatThrownBy(() -> OutgoingFile.read("bob", binary.toString(), Limits.DEFAULTS))
        .hasMessageEndingWith("is not UTF-8 text; only text files can be sent")
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.NOT_TEXT));
  }

  @Test
  void aFileWithControlCharactersIsRefused() throws Exception {
    Path ansi = write("ansi.txt", "\u001b[2Jgotcha".getBytes(UTF_8));

    assertThatThrownBy(() -> OutgoingFile.read("bob", ansi.toString(), Limits.DEFAULTS))
        .hasMessageContaining("contains control character U+001B")
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.NOT_TEXT));
  }

  @Test
  void aMissingFileOrAFolderIsRefused() {
    assertThatThrownBy(
            () -> OutgoingFile.read("bob", home.resolve("nope.txt").toString(), Limits.DEFAULTS))
        .isInstanceOf(IOException.class)
        .hasMessageEndingWith("nope.txt' is not a file");
    assertThatThrownBy(() -> OutgoingFile.read("bob", home.toString(), Limits.DEFAULTS))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aBadRecipientOrFileNameIsRefused() throws Exception {
    Path hidden = write(".hidden", "x".getBytes(UTF_8));
    Path notes = write("notes.txt", "x".getBytes(UTF_8));

    assertThatThrownBy(() -> OutgoingFile.read("Bob!", notes.toString(), Limits.DEFAULTS))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.BAD_NAME));
    assertThatThrownBy(() -> OutgoingFile.read("bob", hidden.toString(), Limits.DEFAULTS))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ErrorCode.BAD_FILE_NAME));
  }
}
