package securechat.sniffer.dissect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import securechat.core.cli.ConfigException;
import securechat.sniffer.capture.CaptureCounts;
import securechat.sniffer.capture.Endpoint;
import securechat.sniffer.capture.TcpSegment;
import securechat.sniffer.report.EveryReport;
import securechat.sniffer.stream.SyntheticConnection;
import securechat.sniffer.stream.TcpReassembler;
import securechat.sniffer.stream.TcpStream;

/**
 * Fuzzes the dissectors (plain, TLS records and hellos, ecdhe handshake and Fernet tokens with the
 * key log of the committed ecdhe capture, raw) on one connection whose two directions carry fuzzed
 * bytes, then the analysis and every report. A dissector documents that it never throws: whatever
 * it cannot read becomes a MALFORMED message. So any exception here is a bug.
 *
 * <p>Input: two bytes, the length of the client's bytes (big-endian), one byte of options, the
 * client's bytes, then the server's. Options bit 0 and 1 lose a segment in the middle of the
 * client's and the server's bytes (a gap in the stream); bits 2-3 pick the server port (7001 to
 * 7004), which decides the dissector when no protocol is recognised.
 *
 * <p>Seeds: {@code DissectorFuzzTestInputs/streams/}, both directions of the connections in the
 * committed captures of each stage.
 */
class DissectorFuzzTest {
  private static final Instant START = SyntheticConnection.START;
  private static final int HEADER_BYTES = 3;

  private final Optional<EcdheKeyLog> keyLog = Optional.of(keyLog());

  @FuzzTest
  void streams(byte[] untrustedBytes) throws JsonProcessingException {
    if (untrustedBytes.length < HEADER_BYTES) {
      return;
    }
    int clientLength = ((untrustedBytes[0] & 0xff) << 8) | (untrustedBytes[1] & 0xff);
    int options = untrustedBytes[2] & 0xff;
    int clientEnd = Math.min(untrustedBytes.length, HEADER_BYTES + clientLength);
    byte[] client = Arrays.copyOfRange(untrustedBytes, HEADER_BYTES, clientEnd);
    byte[] server = Arrays.copyOfRange(untrustedBytes, clientEnd, untrustedBytes.length);
    TcpStream stream = connection(7001 + (options >> 2 & 3), client, server, options);
    for (Dissector dissector : Dissectors.all(keyLog)) {
      dissector.recognises(stream);
      assertThat(dissector.dissect(stream)).isNotNull();
    }
    EveryReport.of(
        new CaptureCounts(stream.packets(), stream.packets(), 0), List.of(stream), keyLog);
  }

  /** Each direction in three segments, the middle one lost if its option bit says so. */
  private static TcpStream connection(int serverPort, byte[] client, byte[] server, int options) {
    Endpoint clientEnd = SyntheticConnection.endpoint("127.0.0.1", 50000);
    Endpoint serverEnd = SyntheticConnection.endpoint("127.0.0.1", serverPort);
    List<TcpSegment> segments = new ArrayList<>();
    segments.add(segment(1, clientEnd, serverEnd, 1000, true, new byte[0]));
    segments.add(segment(2, serverEnd, clientEnd, 90000, true, new byte[0]));
    thirds(segments, clientEnd, serverEnd, 1001, client, (options & 1) != 0);
    thirds(segments, serverEnd, clientEnd, 90001, server, (options & 2) != 0);
    TcpReassembler reassembler = new TcpReassembler();
    segments.forEach(reassembler::accept);
    reassembler.finish();
    return reassembler.streams().get(0);
  }

  private static void thirds(
      List<TcpSegment> segments,
      Endpoint from,
      Endpoint to,
      long sequence,
      byte[] bytes,
      boolean lose) {
    int[] cuts = {0, bytes.length / 3, bytes.length / 2, bytes.length};
    for (int i = 0; i < 3; i++) {
      if (lose && i == 1 && cuts[1] < cuts[2]) {
        continue;
      }
      byte[] piece = Arrays.copyOfRange(bytes, cuts[i], cuts[i + 1]);
      segments.add(segment(segments.size() + 1, from, to, sequence + cuts[i], false, piece));
    }
  }

  private static TcpSegment segment(
      long frame, Endpoint from, Endpoint to, long sequence, boolean syn, byte[] payload) {
    return new TcpSegment(
        frame, START.plusMillis(frame), from, to, sequence, syn, false, false, payload);
  }

  /** The key log of the committed ecdhe capture, so that its tokens are decrypted. */
  private static EcdheKeyLog keyLog() {
    try {
      return EcdheKeyLog.read(
          Path.of(DissectorFuzzTest.class.getResource("/captures/stage-ecdhe.keylog").toURI()));
    } catch (ConfigException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
