package securechat.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Every figure of one load run, for the table and the JSON.
 *
 * @param setup what was asked for, and where it ran
 * @param connects clients connected with the stage's handshake done
 * @param logins clients logged in
 * @param messages the chat patterns' counts (broadcast, whisper); empty for connect
 * @param handshakes the connect pattern's completed handshakes; empty for the others
 * @param latencyMicros delivery latency from each message's due time (broadcast, whisper), or each
 *     handshake's time from connect to {@code WELCOME} (connect), in microseconds
 * @param errors what went wrong, by kind
 * @param server the server JVM's own figures, when it could be read
 * @param serverNote why there are no server figures, or what to know about them
 */
record LoadReport(
    Setup setup,
    Rate connects,
    Rate logins,
    Optional<Messages> messages,
    Optional<Rate> handshakes,
    Histogram latencyMicros,
    Map<String, Long> errors,
    Optional<ServerFigures> server,
    String serverNote) {

  /** Errors of every kind together. */
  long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The run's parameters and machine.
   *
   * @param serverDescription how the server ran: {@code own JVM -Xmx1g} or the address given
   * @param accounts how the accounts were made (cheap Argon2id, or registered by the server)
   */
  record Setup(
      String stage,
      LoadPattern pattern,
      int clients,
      double ratePerSecond,
      Duration duration,
      Duration drain,
      int messageChars,
      long seed,
      String serverDescription,
      String accounts,
      int cores,
      String javaVersion,
      String os,
      Instant started) {}

  /** How many of something happened in how long. */
  record Rate(long count, double seconds) {
    double perSecond() {
      return seconds > 0 ? count / seconds : 0;
    }
  }

  /**
   * What the chat patterns sent and what arrived.
   *
   * @param sent messages sent by the clients
   * @param sendSeconds the time over which they were due
   * @param expected deliveries the messages sent should make: {@code N - 1} per broadcast, 1 per
   *     whisper (the copy the server echoes to the sender is not counted)
   * @param delivered distinct deliveries that arrived by the end of the drain time
   * @param deliverySeconds from the first due time to the last delivery
   * @param duplicates deliveries that arrived a second time
   * @param outOfOrder deliveries that arrived after a later message of the same sender
   * @param unsent messages still queued at the clients when the send time ended
   */
  record Messages(
      long sent,
      double sendSeconds,
      long expected,
      long delivered,
      double deliverySeconds,
      long duplicates,
      long outOfOrder,
      long unsent) {
    long lost() {
      return Math.max(0, expected - delivered);
    }

    double deliveriesPerSecond() {
      return deliverySeconds > 0 ? delivered / deliverySeconds : 0;
    }
  }
}
