package securechat.bench.load;

import java.util.Optional;

/**
 * What a load message carries in its text, so that the receiver alone can count and time it: {@code
 * load SENDER SEQUENCE INTENDED-NANOS [padding]}. The intended time is the sender's {@code
 * System.nanoTime()} when the pacer meant the message to go: the clients and the receivers run in
 * one JVM, so the receiver can subtract it from its own {@code nanoTime()}.
 *
 * @param sender the sending client's index
 * @param sequence the sender's count of messages before this one (0, 1, 2...)
 * @param intendedNanos when the message was due, on this JVM's {@code nanoTime} clock
 */
record LoadMessage(int sender, long sequence, long intendedNanos) {
  static final String MARKER = "load ";

  /** The chat text, padded with {@code x} to at least {@code minimumChars} characters. */
  String text(int minimumChars) {
    StringBuilder text =
        new StringBuilder(48)
            .append(MARKER)
            .append(sender)
            .append(' ')
            .append(sequence)
            .append(' ')
            .append(intendedNanos);
    if (text.length() < minimumChars) {
      text.append(' ');
      text.repeat('x', minimumChars - text.length());
    }
    return text.toString();
  }

  /** The load message in {@code text}, or empty if the text is something else. */
  static Optional<LoadMessage> parse(String text) {
    if (!text.startsWith(MARKER)) {
      return Optional.empty();
    }
    String[] fields = text.split(" ", 5);
    if (fields.length < 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new LoadMessage(
              Integer.parseInt(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
