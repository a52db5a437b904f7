package securechat.attacks.wire;

import java.util.Optional;

/**
 * What a man in the middle does with each protocol line it can read: pass it on, change it, or drop
 * it. Sees the line as the chat does, after the stage's protection was removed.
 */
@FunctionalInterface
public interface LineRewriter {
  /** Which way a line travels. */
  enum Direction {
    TO_SERVER,
    TO_CLIENT
  }

  /** Passes every line on unchanged. */
  LineRewriter UNCHANGED = (direction, line) -> Optional.of(line);

  /** The line to forward instead of {@code line}; empty to drop it. */
  Optional<String> rewrite(Direction direction, String line);
}
