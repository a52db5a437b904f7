package securechat.sniffer.dissect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.Gap;
import securechat.sniffer.stream.TcpStream;

/**
 * The tls stage's dissector: the TLS record layer of each direction (RFC 8446 §5.1), one message
 * per record. The ClientHello and ServerHello are in clear and show the server's name, the
 * versions, the key-exchange groups and the cipher suites; after a ChangeCipherSpec, and for every
 * application_data record, only the length shows ({@link Flag#OPAQUE}).
 *
 * <p>Records can span TCP segments, so each direction's byte stream is parsed, not its chunks. A
 * record cut short or a length that cannot be gives a {@link Flag#MALFORMED} message, and parsing
 * of that direction stops there; so does a gap, after which record boundaries cannot be found.
 */
public final class TlsDissector implements Dissector {
  // RFC 8446 §5.1: a record is at most 2^14 bytes of plaintext plus 256 of expansion.
  private static final int MAX_RECORD_BYTES = (1 << 14) + 256;
  private static final int HEADER_BYTES = 5;
  private static final int CHANGE_CIPHER_SPEC = 20;
  private static final int ALERT = 21;
  private static final int HANDSHAKE = 22;
  private static final int APPLICATION_DATA = 23;

  @Override
  public String stage() {
    return "tls";
  }

  /** Recognises a client whose first record is a handshake record holding a ClientHello. */
  @Override
  public boolean recognises(TcpStream stream) {
    byte[] start = stream.bytes(Direction.CLIENT_TO_SERVER, HEADER_BYTES + 1);
    return start.length > HEADER_BYTES
        && start[0] == HANDSHAKE
        && start[1] == 3
        && (start[2] & 0xff) <= 4
        && start[HEADER_BYTES] == 1;
  }

  @Override
  public List<WireMessage> dissect(TcpStream stream) {
    List<WireMessage> messages = new ArrayList<>();
    for (Direction direction : Direction.values()) {
      messages.addAll(dissect(stream, direction));
    }
    messages.sort(PlainDissector.captureOrder());
    return messages;
  }

  private List<WireMessage> dissect(TcpStream stream, Direction direction) {
    WireMessages out = new WireMessages(stream, direction);
    byte[] bytes = stream.bytes(direction);
    List<Gap> gaps = stream.gaps(direction);
    int end = gaps.isEmpty() ? bytes.length : (int) gaps.get(0).offset();
    boolean encrypted = false;
    int offset = 0;
    while (offset < end) {
      int next = readRecord(bytes, offset, end, encrypted, out);
      if (next < 0) {
        break;
      }
      encrypted |= bytes[offset] == CHANGE_CIPHER_SPEC;
      offset = next;
    }
    if (!gaps.isEmpty()) {
      String sentence = gaps.get(0).lengthBytes() + " bytes missing from the capture; ";
      out.malformed(end, bytes.length - end, sentence + "the records after them cannot be found");
    }
    return out.messages();
  }

  /** Reads the record at {@code offset}; returns where the next one starts, or -1 to stop. */
  private static int readRecord(
      byte[] bytes, int offset, int end, boolean encrypted, WireMessages out) {
    int left = end - offset;
    if (left < HEADER_BYTES) {
      out.malformed(offset, left, "record header cut short: " + left + " of 5 bytes");
      return -1;
    }
    int type = bytes[offset] & 0xff;
    int length = ((bytes[offset + 3] & 0xff) << 8) | (bytes[offset + 4] & 0xff);
    if (type < CHANGE_CIPHER_SPEC || type > APPLICATION_DATA || length > MAX_RECORD_BYTES) {
      out.malformed(offset, left, "not a TLS record: type " + type + ", length " + length);
      return -1;
    }
    int arrived = left - HEADER_BYTES;
    if (length > arrived) {
      String name = TlsNames.contentType(type);
      String sentence = name + " record of " + length + " bytes cut short: only " + arrived;
      out.malformed(offset, left, sentence + " arrived");
      return -1;
    }
    byte[] body = Arrays.copyOfRange(bytes, offset + HEADER_BYTES, offset + HEADER_BYTES + length);
    int version = ((bytes[offset + 1] & 0xff) << 8) | (bytes[offset + 2] & 0xff);
    out.add(offset, HEADER_BYTES + length, record(type, version, body, encrypted));
    return offset + HEADER_BYTES + length;
  }

  private static Reading record(int type, int version, byte[] body, boolean encrypted) {
    String header =
        "record: "
            + TlsNames.contentType(type)
            + ", legacy_version "
            + TlsNames.version(version)
            + ", "
            + body.length
            + " bytes";
    if (type == APPLICATION_DATA || (encrypted && type != CHANGE_CIPHER_SPEC)) {
      String name =
          type == APPLICATION_DATA ? "application_data" : "encrypted " + TlsNames.contentType(type);
      return new Reading(
          name,
          name + ", " + body.length + " bytes, content hidden",
          List.of(header),
          EnumSet.of(Flag.OPAQUE));
    }
    return switch (type) {
      case CHANGE_CIPHER_SPEC ->
          new Reading(
              "ChangeCipherSpec",
              "ChangeCipherSpec: the records after it are encrypted",
              List.of(header),
              EnumSet.of(Flag.HANDSHAKE));
      case ALERT -> alert(body, header);
      default -> handshake(body, header);
    };
  }

  private static Reading alert(byte[] body, String header) {
    if (body.length != 2) {
      return new Reading(
          "Alert",
          "Alert of " + body.length + " bytes, not 2",
          List.of(header),
          EnumSet.of(Flag.MALFORMED));
    }
    String level = body[0] == 1 ? "warning" : body[0] == 2 ? "fatal" : "level " + body[0];
    return new Reading(
        "Alert",
        "Alert " + level + " " + TlsNames.alert(body[1] & 0xff),
        List.of(header),
        EnumSet.noneOf(Flag.class));
  }

  /** Reads the handshake messages of one plaintext record (RFC 8446 §4: type, u24 length, body). */
  private static Reading handshake(byte[] body, String header) {
    ByteReader reader = new ByteReader(body);
    List<String> kinds = new ArrayList<>();
    List<String> summaries = new ArrayList<>();
    List<String> details = new ArrayList<>(List.of(header));
    Set<Flag> flags = EnumSet.of(Flag.HANDSHAKE);
    try {
      while (reader.remaining() > 0) {
        int type = reader.u8();
        String name = TlsNames.handshakeType(type);
        kinds.add(name);
        ByteReader message = reader.slice(reader.u24(), name);
        TlsHelloReader.Hello hello =
            switch (type) {
              case 1 -> TlsHelloReader.clientHello(message);
              case 2 -> TlsHelloReader.serverHello(message);
              default ->
                  new TlsHelloReader.Hello(name + ", " + message.remaining() + " bytes", List.of());
            };
        summaries.add(hello.summary());
        details.addAll(hello.details());
      }
    } catch (MalformedBytesException e) {
      flags.add(Flag.MALFORMED);
      summaries.add("malformed: " + e.getMessage());
    }
    String kind = kinds.isEmpty() ? "handshake" : String.join("+", kinds);
    return new Reading(kind, String.join("; ", summaries), details, flags);
  }
}
