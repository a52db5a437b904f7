package securechat.sniffer.dissect;

import java.util.List;
import java.util.Set;
import securechat.sniffer.dissect.WireMessage.Flag;

/**
 * What a dissector made of one unit on the wire, before it is placed in the stream.
 *
 * @param kind the message's kind
 * @param summary one printable line
 * @param details printable lines
 * @param flags what it reveals
 */
record Reading(String kind, String summary, List<String> details, Set<Flag> flags) {}
