package securechat.attacks.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The RFC 8448 §3 values in {@code src/test/resources/vectors/rfc8448-simple-1rtt.txt}. */
final class Rfc8448 {
  private static final Map<String, byte[]> VALUES = load();

  private Rfc8448() {}

  static byte[] value(String name) {
    byte[] value = VALUES.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no value " + name + " in rfc8448-simple-1rtt.txt");
    }
    return value.clone();
  }

  /** A handshake message as the first record of a direction: header 16 03 03 and its length. */
  static byte[] asRecord(byte[] handshakeMessage) {
    byte[] record = new byte[5 + handshakeMessage.length];
    record[0] = 22;
    record[1] = 3;
    record[2] = 3;
    record[3] = (byte) (handshakeMessage.length >> 8);
    record[4] = (byte) handshakeMessage.length;
    System.arraycopy(handshakeMessage, 0, record, 5, handshakeMessage.length);
    return record;
  }

  private static Map<String, byte[]> load() {
    Map<String, byte[]> values = new LinkedHashMap<>();
    try (InputStream in = Rfc8448.class.getResourceAsStream("/vectors/rfc8448-simple-1rtt.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] nameAndHex = line.split("=", 2);
          values.put(nameAndHex[0].strip(), HexFormat.of().parseHex(nameAndHex[1].strip()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }
}
