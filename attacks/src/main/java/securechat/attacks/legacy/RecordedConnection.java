package securechat.attacks.legacy;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import securechat.attacks.wire.Recording;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.Gap;
import securechat.sniffer.stream.TcpStream;

/**
 * The bytes of one TCP connection as an eavesdropper holds them, whether a capture file gave them
 * ({@link #of(TcpStream)}) or a relay in the middle recorded them ({@link
 * #of(Recording.Conversation, String)}): the attack reads both the same way.
 *
 * <p>A record of arrays: the accessors return copies, and {@link #equals} compares the arrays'
 * identity.
 *
 * @param label where the connection went, for people: {@code 127.0.0.1:51234 → 127.0.0.1:7004}
 * @param clientToServer every byte the client sent, in order, untrusted
 * @param serverToClient every byte the server sent, in order, untrusted
 * @param notes what is missing, if anything: bytes the capture lost
 */
public record RecordedConnection(
    String label, byte[] clientToServer, byte[] serverToClient, List<String> notes) {
  public RecordedConnection {
    Objects.requireNonNull(label, "label");
    clientToServer = clientToServer.clone();
    serverToClient = serverToClient.clone();
    notes = List.copyOf(notes);
  }

  /**
   * A reassembled connection from a capture. Frames cannot be found after bytes the capture lost,
   * so each direction is cut at its first gap, and a note says so.
   */
  public static RecordedConnection of(TcpStream stream) {
    List<String> notes = new java.util.ArrayList<>();
    byte[] up = untilFirstGap(stream, Direction.CLIENT_TO_SERVER, notes);
    byte[] down = untilFirstGap(stream, Direction.SERVER_TO_CLIENT, notes);
    return new RecordedConnection(stream.client() + " → " + stream.server(), up, down, notes);
  }

  /** A connection a {@link Recording} kept, named {@code label}. */
  public static RecordedConnection of(Recording.Conversation conversation, String label) {
    return new RecordedConnection(
        label, conversation.clientToServer(), conversation.serverToClient(), List.of());
  }

  private static byte[] untilFirstGap(TcpStream stream, Direction direction, List<String> notes) {
    byte[] bytes = stream.bytes(direction);
    List<Gap> gaps = stream.gaps(direction);
    if (gaps.isEmpty()) {
      return bytes;
    }
    Gap first = gaps.get(0);
    notes.add(
        stream
            + " "
            + direction.arrow()
            + ": "
            + first.lengthBytes()
            + " bytes missing from the capture; the frames after them cannot be found");
    return Arrays.copyOf(bytes, (int) first.offset());
  }

  @Override
  public byte[] clientToServer() {
    return clientToServer.clone();
  }

  @Override
  public byte[] serverToClient() {
    return serverToClient.clone();
  }

  @Override
  public String toString() {
    return "RecordedConnection["
        + label
        + ", "
        + clientToServer.length
        + " bytes up, "
        + serverToClient.length
        + " bytes down]";
  }
}
