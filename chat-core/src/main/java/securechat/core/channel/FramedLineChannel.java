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
 * A {@link LineChannel} that writes each line as UTF-8 plus {@code \n} to a socket and reads lines
 * through a {@link LineFramer}. Whatever protects the bytes sits below it: nothing in the plain
 * stage, TLS records in the tls stage (an {@code SSLSocket} is still a socket).
 */
public final class FramedLineChannel implements LineChannel {
  private final Socket socket;
  private final LineFramer framer;
  private final OutputStream out;
  private final ChannelInfo info;
  private final ReentrantLock sendLock = new ReentrantLock();

  public FramedLineChannel(Socket socket, int maxLineBytes, ChannelInfo info) throws IOException {
    this.socket = socket;
    this.framer = new LineFramer(socket.getInputStream(), maxLineBytes);
    this.out = socket.getOutputStream();
    this.info = info;
  }

  @Override
  public void send(String line) throws IOException {
    if (line.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a line cannot contain \\n");
    }
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    sendLock.lock();
    try {
      out.write(bytes);
      out.flush();
    } finally {
      sendLock.unlock();
    }
  }

  @Override
  public void sendAll(List<String> lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String line : lines) {
      if (line.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a line cannot contain \\n");
      }
      bytes.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    sendLock.lock();
    try {
      bytes.writeTo(out);
      out.flush();
    } finally {
      sendLock.unlock();
    }
  }

  @Override
  public String receive() throws IOException, ProtocolException {
    return framer.readLine();
  }

  @Override
  public boolean hasBufferedLine() {
    return framer.hasBufferedLine();
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
