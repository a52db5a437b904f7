package securechat.attacks.downgrade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import securechat.attacks.wire.LineRewriter;

/**
 * A man in the middle that only reads: passes every line on unchanged and keeps the lines the
 * victim sent to the server, as the attacker saw them in clear.
 */
final class LineWatcher implements LineRewriter {
  private final List<String> toServer = Collections.synchronizedList(new ArrayList<>());

  @Override
  public Optional<String> rewrite(Direction direction, String line) {
    if (direction == Direction.TO_SERVER) {
      toServer.add(line);
    }
    return Optional.of(line);
  }

  /** The first line to the server that starts with {@code prefix}, if one has crossed. */
  Optional<String> findToServer(String prefix) {
    synchronized (toServer) {
      return toServer.stream().filter(line -> line.startsWith(prefix)).findFirst();
    }
  }

  /** Every line the victim sent to the server so far, in order. */
  List<String> toServer() {
    synchronized (toServer) {
      return List.copyOf(toServer);
    }
  }
}
