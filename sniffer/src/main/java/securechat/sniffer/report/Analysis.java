package securechat.sniffer.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import securechat.sniffer.capture.CaptureCounts;
import securechat.sniffer.dissect.Dissector;
import securechat.sniffer.dissect.Dissectors;
import securechat.sniffer.dissect.EcdheKeyLog;
import securechat.sniffer.dissect.Entropy;
import securechat.sniffer.dissect.SecretSearch;
import securechat.sniffer.dissect.WireMessage;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.TcpStream;

/**
 * Everything the sniffer concluded from one capture: the streams, which dissector read each, the
 * messages it found, the byte entropy per stream and direction, and where a secret showed up. Every
 * report (terminal, JSON, HTML) prints from this one object.
 *
 * @param counts packets read, TCP segments, others skipped
 * @param streams the reassembled connections, in order of first appearance
 * @param stages the stage each stream was read as, by stream index
 * @param messages what the dissectors found, stream by stream
 * @param secret the text searched for, if any
 * @param hits where it appeared (empty without a secret)
 */
public record Analysis(
    CaptureCounts counts,
    List<TcpStream> streams,
    Map<Integer, String> stages,
    List<WireMessage> messages,
    Optional<String> secret,
    List<SecretSearch.Hit> hits) {

  /** Dissects {@code streams} (with the stage hint and key log, if given) and searches them. */
  public static Analysis of(
      CaptureCounts counts,
      List<TcpStream> streams,
      Optional<String> stageHint,
      Optional<EcdheKeyLog> keyLog,
      Optional<String> secret) {
    Map<Integer, String> stages = new LinkedHashMap<>();
    List<WireMessage> messages = new ArrayList<>();
    for (TcpStream stream : streams) {
      Dissector dissector = Dissectors.choose(stream, stageHint, keyLog);
      stages.put(stream.index(), dissector.stage());
      messages.addAll(dissector.dissect(stream));
    }
    List<SecretSearch.Hit> hits =
        secret.isPresent() ? SecretSearch.find(streams, secret.get(), keyLog) : List.of();
    return new Analysis(counts, List.copyOf(streams), stages, messages, secret, hits);
  }

  /** The messages of one stream. */
  public List<WireMessage> messages(TcpStream stream) {
    return messages.stream().filter(message -> message.stream() == stream.index()).toList();
  }

  /** Shannon entropy of one direction of a stream, in bits per byte (0 to 8). */
  public static double entropy(TcpStream stream, Direction direction) {
    return Entropy.bitsPerByte(stream.bytes(direction));
  }

  /** How many messages carry {@code flag}. */
  public long count(WireMessage.Flag flag) {
    return messages.stream().filter(message -> message.has(flag)).count();
  }
}
