package securechat.sniffer.dissect;

import java.util.List;
import securechat.sniffer.stream.TcpStream;

/**
 * A dissector takes one reassembled connection apart as one stage's protocol. Implementations never
 * throw on the bytes they read: whatever they cannot parse becomes a {@link
 * WireMessage.Flag#MALFORMED} message.
 */
public interface Dissector {
  /**
   * Returns the stage this dissector reads: {@code plain}, {@code tls}, {@code ecdhe}, {@code raw}.
   */
  String stage();

  /** Returns whether the stream's first bytes look like this stage's protocol. */
  boolean recognises(TcpStream stream);

  /** Returns what the stream carried, in the order it was captured. */
  List<WireMessage> dissect(TcpStream stream);
}
