package securechat.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import securechat.core.protocol.FileName;
import securechat.core.protocol.ProtocolException;

/**
 * What an envelope carries, sealed: a whisper, one recipient's copy of a broadcast, or a file. The
 * kind is inside the ciphertext, so the server cannot tell a broadcast from a whisper, nor a file
 * from a message, except by size.
 *
 * <pre>
 *   whisper\nTEXT      broadcast\nTEXT      file\nFILENAME\nCONTENT
 * </pre>
 */
public sealed interface Payload {

  /** A private message. */
  record Whisper(String text) implements Payload {
    public Whisper {
      Objects.requireNonNull(text, "text");
    }
  }

  /** One recipient's copy of a message to everyone. */
  record Broadcast(String text) implements Payload {
    public Broadcast {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A text file. */
  record File(FileName name, String content) implements Payload {
    public File {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(content, "content");
    }
  }

  /** The plaintext bytes that get sealed. */
  default byte[] encode() {
    String text =
        switch (this) {
          case Whisper w -> "whisper\n" + w.text();
          case Broadcast b -> "broadcast\n" + b.text();
          case File f -> "file\n" + f.name() + "\n" + f.content();
        };
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads opened plaintext. Only a sender holding a valid signature gets this far, but its words
   * are still checked like any other peer's.
   *
   * @throws IllegalArgumentException with a sentence if it is no payload
   */
  static Payload decode(byte[] plaintext) {
    String text = new String(plaintext, StandardCharsets.UTF_8);
    String[] kindAndRest = text.split("\n", 2);
    if (kindAndRest.length != 2) {
      throw new IllegalArgumentException("the sealed payload has no kind");
    }
    return switch (kindAndRest[0]) {
      case "whisper" -> new Whisper(kindAndRest[1]);
      case "broadcast" -> new Broadcast(kindAndRest[1]);
      case "file" -> decodeFile(kindAndRest[1]);
      default -> throw new IllegalArgumentException("unknown payload kind");
    };
  }

  private static File decodeFile(String rest) {
    String[] nameAndContent = rest.split("\n", 2);
    try {
      return new File(
          FileName.parse(nameAndContent[0]), nameAndContent.length == 2 ? nameAndContent[1] : "");
    } catch (ProtocolException e) {
      throw new IllegalArgumentException("the sealed file has a bad name: " + e.sentence());
    }
  }
}
