package securechat.sniffer.capture;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The committed capture files under {@code src/test/resources/captures/} (see its README.md). */
final class Captures {
  /** Two short loopback conversations, as dumpcap saved them. */
  static final String CHAT_PCAPNG = "chat-loopback.pcapng";

  /** The same frames, converted by editcap to classic pcap with microsecond timestamps. */
  static final String CHAT_PCAP = "chat-loopback.pcap";

  private Captures() {}

  static Path path(String name) {
    try {
      return Path.of(Captures.class.getResource("/captures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
