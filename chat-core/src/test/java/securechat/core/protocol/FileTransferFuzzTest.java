package securechat.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import securechat.core.channel.LineFramer;

/**
 * Fuzzes the file-transfer header and body: what follows {@code /file} in a client's command
 * ({@code NAME|* FILENAME CONTENT}) and {@code FILE alice} in the server's delivery ({@code NAME|*
 * FILENAME CONTENT}), and {@link FileName#fromPath} on the same text. The documented failure is a
 * {@link ProtocolException}; anything else is a bug.
 *
 * <p>Beyond not crashing, what a decoded transfer promises the receiver's disk: the file name
 * resolves inside the download folder, the content is within the size limit and holds no control
 * characters but TAB, CR and LF, and it encodes back to the same transfer.
 *
 * <p>Seeds: {@code FileTransferFuzzTestInputs/fileHeader/}, each the text after the keyword.
 */
class FileTransferFuzzTest {
  private static final int MAX_FILE_BYTES = 512;
  private static final Path DOWNLOADS = Path.of("/home/student/downloads");

  private final MessageCodec codec =
      new MessageCodec(Limits.DEFAULTS.withMaxFileBytes(MAX_FILE_BYTES));

  @FuzzTest
  void fileHeader(byte[] untrustedBytes) {
    String afterKeyword;
    try {
      // The line as LineFramer would hand it on: strict UTF-8, within the line limit.
      afterKeyword = LineFramer.decode(untrustedBytes, untrustedBytes.length, 4096);
    } catch (ProtocolException notALine) {
      return;
    }
    sendFile("/file " + afterKeyword);
    fileDelivery("FILE alice " + afterKeyword);
    fromPath(afterKeyword);
  }

  private void sendFile(String line) {
    ClientMessage command;
    try {
      command = codec.decodeCommand(line);
    } catch (ProtocolException expected) {
      return;
    }
    ClientMessage.SendFile file = (ClientMessage.SendFile) command;
    checkReceivable(file.name(), file.content());
    try {
      assertThat(codec.decodeCommand(codec.encode(file))).isEqualTo(file);
    } catch (ProtocolException e) {
      throw new AssertionError("the encoding of a decoded /file does not decode: " + e, e);
    }
  }

  private void fileDelivery(String line) {
    ServerMessage reply;
    try {
      reply = codec.decodeReply(line);
    } catch (ProtocolException expected) {
      return;
    }
    ServerMessage.FileDelivery file = (ServerMessage.FileDelivery) reply;
    assertThat(file.from()).isEqualTo(new Username("alice"));
    checkReceivable(file.name(), file.content());
    try {
      assertThat(codec.decodeReply(codec.encode(file))).isEqualTo(file);
    } catch (ProtocolException e) {
      throw new AssertionError("the encoding of a decoded FILE does not decode: " + e, e);
    }
  }

  private static void fromPath(String untrustedPath) {
    Optional<FileName> name;
    try {
      name = Optional.of(FileName.fromPath(untrustedPath));
    } catch (ProtocolException expected) {
      name = Optional.empty();
    }
    name.ifPresent(safe -> checkReceivable(safe, ""));
  }

  private static void checkReceivable(FileName name, String content) {
    Path target = DOWNLOADS.resolve(name.value()).normalize();
    assertThat(target.getParent()).isEqualTo(DOWNLOADS);
    assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MAX_FILE_BYTES);
    assertThat(content.chars().filter(c -> Character.isISOControl(c) && "\t\r\n".indexOf(c) < 0))
        .isEmpty();
  }
}
