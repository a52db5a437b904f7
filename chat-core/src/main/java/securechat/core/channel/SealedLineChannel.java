package securechat.core.channel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import securechat.core.protocol.ProtocolException;

/**
 * A {@link LineChannel} whose lines travel sealed: each line becomes one record (a Fernet token, in
 * the ecdhe stage) written as one line of text through a {@link LineFramer}. The framer still
 * limits what is buffered; the sealers decide what is authentic.
 *
 * <p>A record that fails to open (tampered, replayed, out of order) ends the channel with an {@link
 * IOException}: the stream is under attack or broken, and the peer is not told which check failed.
 * A line that is merely bad (too long, not UTF-8) is a {@link ProtocolException}, as in every
 * stage, and the channel carries on.
 */
public final class SealedLineChannel implements LineChannel {
  private final Socket socket;
  private final LineFramer records;
  private final RecordSealer outgoing;
  private final RecordSealer incoming;
  private final int maxLineBytes;
  private final OutputStream out;
  private final ChannelInfo info;
  private final ReentrantLock sendLock = new ReentrantLock();

  /**
   * @param records the framer the handshake read from, whose limit allows a record carrying a line
   *     of {@code maxLineBytes}
   * @param outgoing seals what this side sends
   * @param incoming opens what the peer sends
   */
  public SealedLineChannel(
      Socket socket,
      LineFramer records,
      RecordSealer outgoing,
      RecordSealer incoming,
      int maxLineBytes,
      ChannelInfo info)
      throws IOException {
    this.socket = socket;
    this.records = records;
    this.outgoing = outgoing;
    this.incoming = incoming;
    this.maxLineBytes = maxLineBytes;
    this.out = socket.getOutputStream();
    this.info = info;
  }

  @Override
  public void send(String line) throws IOException {
    if (line.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a line cannot contain \\n");
    }
    sendBytes(line.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void sendAll(List<String> lines) throws IOException {
    for (String line : lines) {
      if (line.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a line cannot contain \\n");
      }
    }
    ByteArrayOutputStream records = new ByteArrayOutputStream();
    sendLock.lock(); // sealed in order and written in that order, as in sendBytes
    try {
      for (String line : lines) {
        records.writeBytes(
            (outgoing.seal(line.getBytes(StandardCharsets.UTF_8)) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
      }
      records.writeTo(out);
      out.flush();
    } finally {
      sendLock.unlock();
    }
  }

  /** Seals raw bytes as one line: for tests that must send what no real client would. */
  public void sendBytes(byte[] line) throws IOException {
    sendLock.lock(); // sealing and writing in one step: records leave in sequence order
    try {
      out.write((outgoing.seal(line) + "\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } finally {
      sendLock.unlock();
    }
  }

  @Override
  public String receive() throws IOException, ProtocolException {
    byte[] line = receiveBytes();
    return line == null ? null : LineFramer.decode(line, line.length, maxLineBytes);
  }

  /** The next line's bytes, unchecked; null at the end of the stream. */
  public byte[] receiveBytes() throws IOException, ProtocolException {
    String record;
    try {
      record = records.readLine();
    } catch (ProtocolException tooLong) {
      // Only a line over the limit can make a record this long; it was skipped unread.
      incoming.skipOne();
      throw LineFramer.tooLong(maxLineBytes);
    }
    if (record == null) {
      return null;
    }
    try {
      return incoming.open(record);
    } catch (RecordException e) {
      throw new IOException("record refused (" + e.reason() + "): " + e.getMessage(), e);
    }
  }

  @Override
  public void shutdownOutput() throws IOException {
    sendLock.lock();
    try {
      socket.shutdownOutput();
    } finally {
      sendLock.unlock();
    }
  }

  @Override
  public ChannelInfo info() {
    return info;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
