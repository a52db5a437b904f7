package securechat.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The exact bytes a signature or an AEAD's associated data covers: a label naming the purpose, then
 * each field as a 4-byte big-endian length and its bytes.
 *
 * <p>Lengths make the encoding unambiguous ("ab" + "c" and "a" + "bc" differ), and a distinct label
 * per purpose means a signature made for one message (a login) can never be passed off as another
 * (a directory entry).
 */
final class SigningInput {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  private SigningInput(String label) {
    field(label.getBytes(StandardCharsets.UTF_8));
  }

  static SigningInput labelled(String label) {
    return new SigningInput(label);
  }

  SigningInput field(byte[] value) {
    bytes.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
    bytes.writeBytes(value);
    return this;
  }

  SigningInput field(String value) {
    return field(value.getBytes(StandardCharsets.UTF_8));
  }

  byte[] toBytes() {
    return bytes.toByteArray();
  }
}
