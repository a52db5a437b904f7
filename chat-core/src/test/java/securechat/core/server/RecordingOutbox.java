package securechat.core.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import securechat.core.protocol.Limits;
import securechat.core.protocol.MessageCodec;
import securechat.core.protocol.ServerMessage;

/** An {@link Outbox} that keeps what it is given, as lines, for a test to take and check. */
final class RecordingOutbox implements Outbox {
  private static final MessageCodec CODEC = new MessageCodec(Limits.DEFAULTS);
  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private String closeReason;

  @Override
  public synchronized void send(ServerMessage message) {
    if (closeReason == null) {
      lines.add(CODEC.encode(message));
    }
  }

  @Override
  public synchronized void close(String reason) {
    if (closeReason == null) {
      lines.add(CODEC.encode(new ServerMessage.Bye(reason)));
      closeReason = reason;
    }
  }

  /** The oldest line not yet taken, if any. */
  synchronized Optional<String> poll() {
    return Optional.ofNullable(lines.poll());
  }

  /** Takes every line not yet taken. */
  synchronized List<String> takeAll() {
    List<String> all = new ArrayList<>(lines);
    lines.clear();
    return all;
  }

  synchronized boolean isClosed() {
    return closeReason != null;
  }
}
