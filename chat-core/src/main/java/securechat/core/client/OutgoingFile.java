package securechat.core.client;

import static securechat.core.protocol.ProtocolException.quote;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import securechat.core.protocol.ChatText;
import securechat.core.protocol.ClientMessage;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.FileName;
import securechat.core.protocol.Limits;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;

/**
 * Reads a local text file for {@code /sendfile} and checks it the way the server will, so that the
 * user gets a clear message before anything is sent: the size against {@link
 * Limits#maxFileBytes()}, strict UTF-8, and no control characters but tab and line breaks.
 */
final class OutgoingFile {

  private OutgoingFile() {}

  /**
   * Builds the {@code /file} command for {@code /sendfile RECIPIENT PATH}.
   *
   * @param recipient a user name, or {@code *} for everyone
   * @param localPath the file to send, as typed; only its base name travels
   */
  static ClientMessage.SendFile read(String recipient, String localPath, Limits limits)
      throws ProtocolException, IOException {
    Optional<Username> to =
        recipient.equals("*") ? Optional.empty() : Optional.of(Username.parse(recipient));
    FileName name = FileName.fromPath(localPath);
    Path path = Path.of(localPath);
    if (!Files.isRegularFile(path)) {
      throw new IOException(quote(localPath) + " is not a file");
    }
    long size = Files.size(path);
    if (size > limits.maxFileBytes()) {
      throw new ProtocolException(
          ErrorCode.FILE_TOO_LARGE,
          quote(localPath) + " is " + size + " bytes; the maximum is " + limits.maxFileBytes());
    }
    return new ClientMessage.SendFile(to, name, checkText(localPath, Files.readAllBytes(path)));
  }

  private static String checkText(String localPath, byte[] bytes) throws ProtocolException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ProtocolException(
          ErrorCode.NOT_TEXT, quote(localPath) + " is not UTF-8 text; only text files can be sent");
    }
    // The same check the server makes, so the user hears about a control character first.
    return ChatText.checkFile(text, Integer.MAX_VALUE);
  }
}
