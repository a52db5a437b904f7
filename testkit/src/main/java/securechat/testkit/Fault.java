package securechat.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link FaultProxy} does to the bytes of one direction of one connection, from the moment
 * the fault is armed ({@link FaultPump#arm}). Counts are in bytes since then; a "segment" is what
 * one read of the proxy's socket returned, which on loopback is one write of the sender when the
 * write is small (one line, one TLS record, one Fernet token).
 *
 * <p>At our level a duplicated or truncated segment means bytes repeated in, or missing from, the
 * stream. TCP itself hides real duplicated segments (it drops a segment whose sequence numbers it
 * has already received) and resends lost ones, so the only way a peer ever sees such bytes is a
 * middlebox that rewrites the stream, which is what this proxy is. Each stage's integrity check
 * must catch them; the plain stage has none, and delivers them: that is its lesson.
 */
public sealed interface Fault {

  /** Bytes pass unchanged. */
  static Fault none() {
    return new None();
  }

  /**
   * After {@code afterBytes} more bytes, both of the proxy's sockets of this connection are closed
   * with a TCP reset (SO_LINGER 0), as a crashed router or a killed peer would leave them.
   */
  static Fault resetAfter(long afterBytes) {
    return new ResetAfter(requireCount(afterBytes));
  }

  /** From now on every byte travels in its own write, {@code gap} after the last: no end. */
  static Fault trickle(Duration gap) {
    return new Trickle(Objects.requireNonNull(gap, "gap"));
  }

  /**
   * After {@code afterBytes} more bytes, nothing passes until {@link FaultPump#release} is called
   * (or the proxy closes); then the rest passes unchanged. A pause inside a message or a handshake.
   */
  static Fault holdAfter(long afterBytes) {
    return new HoldAfter(requireCount(afterBytes));
  }

  /**
   * After {@code afterBytes} more bytes, the proxy half-closes towards the receiver ({@code
   * shutdownOutput}: a FIN) and throws away whatever else the sender writes.
   */
  static Fault halfCloseAfter(long afterBytes) {
    return new HalfCloseAfter(requireCount(afterBytes));
  }

  /** The next segment is written twice in a row; then bytes pass unchanged. */
  static Fault repeatNextSegment() {
    return new RepeatNextSegment();
  }

  /** Only the first {@code keepBytes} of the next segment pass; then bytes pass unchanged. */
  static Fault truncateNextSegment(int keepBytes) {
    return new TruncateNextSegment((int) requireCount(keepBytes));
  }

  private static long requireCount(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("byte count must be 0 or more, not " + bytes);
    }
    return bytes;
  }

  /** See {@link #none()}. */
  record None() implements Fault {}

  /** See {@link #resetAfter(long)}. */
  record ResetAfter(long afterBytes) implements Fault {}

  /** See {@link #trickle(Duration)}. */
  record Trickle(Duration gap) implements Fault {}

  /** See {@link #holdAfter(long)}. */
  record HoldAfter(long afterBytes) implements Fault {}

  /** See {@link #halfCloseAfter(long)}. */
  record HalfCloseAfter(long afterBytes) implements Fault {}

  /** See {@link #repeatNextSegment()}. */
  record RepeatNextSegment() implements Fault {}

  /** See {@link #truncateNextSegment(int)}. */
  record TruncateNextSegment(int keepBytes) implements Fault {}
}
