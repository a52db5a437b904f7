package securechat.sniffer.stream;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import securechat.sniffer.capture.Endpoint;

/**
 * One TCP connection put back together: the bytes each side sent, in order, with the pieces they
 * arrived in and the holes the capture left. What Wireshark shows with "Follow TCP Stream".
 *
 * <p>Offsets count delivered bytes from 0 in each direction: {@code bytes(direction)} holds them
 * all, and a {@link Gap} marks where missing bytes would have been. A stream is filled by {@link
 * TcpReassembler}; read it once {@link TcpReassembler#finish()} has been called.
 */
public final class TcpStream {
  private final int index;
  private final Endpoint client;
  private final Endpoint server;
  private final List<Chunk> chunks = new ArrayList<>();
  private final Map<Direction, List<Chunk>> chunksByDirection = new EnumMap<>(Direction.class);
  private final Map<Direction, List<Gap>> gapsByDirection = new EnumMap<>(Direction.class);
  private final Map<Direction, DeliveredBytes> bytes = new EnumMap<>(Direction.class);
  private final Map<Direction, Boolean> finished = new EnumMap<>(Direction.class);
  private int packets;
  private Instant firstTime;
  private Instant lastTime;
  private boolean reset;

  TcpStream(int index, Endpoint client, Endpoint server, Instant firstTime) {
    this.index = index;
    this.client = Objects.requireNonNull(client, "client");
    this.server = Objects.requireNonNull(server, "server");
    this.firstTime = Objects.requireNonNull(firstTime, "firstTime");
    this.lastTime = firstTime;
    for (Direction direction : Direction.values()) {
      bytes.put(direction, new DeliveredBytes());
      finished.put(direction, false);
      chunksByDirection.put(direction, new ArrayList<>());
      gapsByDirection.put(direction, new ArrayList<>());
    }
  }

  /** Returns this stream's number, from 0 in order of first appearance, as tshark's tcp.stream. */
  public int index() {
    return index;
  }

  /** Returns the side that opened the connection (sent the SYN). */
  public Endpoint client() {
    return client;
  }

  /** Returns the side that accepted the connection. */
  public Endpoint server() {
    return server;
  }

  /** Returns a copy of every byte delivered in {@code direction}, gaps left out. */
  public byte[] bytes(Direction direction) {
    return bytes.get(direction).toByteArray();
  }

  /**
   * Returns a copy of the first {@code max} bytes delivered in {@code direction} (fewer if fewer
   * came): enough to recognise a protocol without copying a long stream.
   */
  public byte[] bytes(Direction direction, int max) {
    return bytes.get(direction).first(max);
  }

  /** Returns how many bytes were delivered in {@code direction}, gaps left out. */
  public long length(Direction direction) {
    return bytes.get(direction).size();
  }

  /** Returns the delivered pieces of both directions, in the order they were delivered. */
  public List<Chunk> chunks() {
    return List.copyOf(chunks);
  }

  /** Returns the delivered pieces of one direction, in order. */
  public List<Chunk> chunks(Direction direction) {
    return List.copyOf(chunksByDirection.get(direction));
  }

  /** Returns the piece of {@code direction} that holds the byte at {@code offset}, if any. */
  public Optional<Chunk> findChunk(Direction direction, long offset) {
    List<Chunk> inOrder = chunksByDirection.get(direction);
    int low = 0;
    int high = inOrder.size() - 1;
    while (low <= high) { // binary search: a direction's chunks are in offset order
      int middle = (low + high) >>> 1;
      Chunk chunk = inOrder.get(middle);
      if (offset < chunk.offset()) {
        high = middle - 1;
      } else if (offset >= chunk.end()) {
        low = middle + 1;
      } else {
        return Optional.of(chunk);
      }
    }
    return Optional.empty();
  }

  /** Returns the bytes of {@code direction} that the capture missed, in order. */
  public List<Gap> gaps(Direction direction) {
    return Collections.unmodifiableList(gapsByDirection.get(direction));
  }

  /** Returns how many captured segments belonged to this connection. */
  public int packets() {
    return packets;
  }

  /** Returns when the first segment was captured. */
  public Instant firstTime() {
    return firstTime;
  }

  /** Returns when the last segment was captured. */
  public Instant lastTime() {
    return lastTime;
  }

  /** Returns whether both sides closed their direction with a FIN. */
  public boolean closedWithFin() {
    return finished.get(Direction.CLIENT_TO_SERVER) && finished.get(Direction.SERVER_TO_CLIENT);
  }

  /** Returns whether {@code direction} was closed with a FIN. */
  public boolean closedWithFin(Direction direction) {
    return finished.get(direction);
  }

  /** Returns whether either side aborted the connection with a RST. */
  public boolean reset() {
    return reset;
  }

  /** Returns whether the connection is over: closed both ways or reset. */
  public boolean ended() {
    return reset || closedWithFin();
  }

  @Override
  public String toString() {
    return "stream " + index + " " + client + " → " + server;
  }

  void count(Instant time) {
    packets++;
    if (time.isBefore(firstTime)) {
      firstTime = time;
    }
    if (time.isAfter(lastTime)) {
      lastTime = time;
    }
  }

  void deliver(Direction direction, byte[] piece, long frame, Instant time) {
    ByteArrayOutputStream out = bytes.get(direction);
    long offset = out.size();
    out.writeBytes(piece);
    List<Chunk> ofDirection = chunksByDirection.get(direction);
    Chunk last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
    if (last != null
        && last.direction() == direction
        && last.firstFrame() == frame
        && last.end() == offset) {
      Chunk both = merged(last, piece);
      chunks.set(chunks.size() - 1, both);
      ofDirection.set(ofDirection.size() - 1, both);
    } else {
      Chunk chunk = new Chunk(direction, offset, piece, frame, time);
      chunks.add(chunk);
      ofDirection.add(chunk);
    }
  }

  void recordGap(Direction direction, long lengthBytes) {
    gapsByDirection
        .get(direction)
        .add(new Gap(direction, bytes.get(direction).size(), lengthBytes));
  }

  void markFin(Direction direction) {
    finished.put(direction, true);
  }

  void markReset() {
    reset = true;
  }

  private static Chunk merged(Chunk first, byte[] more) {
    byte[] both = new byte[first.bytes().length + more.length];
    System.arraycopy(first.bytes(), 0, both, 0, first.bytes().length);
    System.arraycopy(more, 0, both, first.bytes().length, more.length);
    return new Chunk(first.direction(), first.offset(), both, first.firstFrame(), first.time());
  }

  /** A direction's bytes as they are delivered, whose start can be read without a full copy. */
  private static final class DeliveredBytes extends ByteArrayOutputStream {
    byte[] first(int max) {
      return Arrays.copyOf(buf, Math.min(Math.max(max, 0), count));
    }
  }
}
