package securechat.attacks.fs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import securechat.attacks.legacy.RecordedConnection;

/** Sentences the four rows of {@code lab attack fs} share. */
final class FsNarration {
  private FsNarration() {}

  /** What was recorded, and whether the secret is readable in it as it stands. */
  static String recorded(List<RecordedConnection> connections, String secret) {
    long bytes = 0;
    boolean inClear = false;
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    for (RecordedConnection connection : connections) {
      byte[] up = connection.clientToServer();
      byte[] down = connection.serverToClient();
      bytes += up.length + down.length;
      inClear |= contains(up, needle) || contains(down, needle);
    }
    return "recorded "
        + connections.size()
        + " connections, "
        + bytes
        + " bytes; alice whispered \""
        + secret
        + "\" to bob ("
        + (inClear ? "readable as it stands" : "not readable as it stands")
        + "); the session is over and the server has stopped";
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
