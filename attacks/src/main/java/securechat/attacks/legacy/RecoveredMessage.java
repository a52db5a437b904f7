package securechat.attacks.legacy;

import java.util.Objects;

/**
 * One seed 004 message an eavesdropper read: who wrote it to whom, the DES key that protected it,
 * and its text, all untrusted (they come off the wire; print them through the narrator, which
 * sanitises).
 *
 * @param sender the name the sender registered, or {@code ?} if the capture did not show it
 * @param recipient the name the package was sent to
 * @param desKey the DES key K as the seed's 8 characters (hex if not printable)
 * @param text the message as the sender typed it
 * @param copies how many times the package crossed the capture (sender → server, server →
 *     recipient)
 */
record RecoveredMessage(String sender, String recipient, String desKey, String text, int copies) {
  public RecoveredMessage {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(desKey, "desKey");
    Objects.requireNonNull(text, "text");
  }

  /** The line the attack prints: {@code alice → bob DES key 'ZnJe13b3' "hello bob"}. */
  String describe() {
    return sender + " → " + recipient + "  DES key '" + desKey + "'  \"" + text + "\"";
  }
}
