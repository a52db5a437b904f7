package securechat.sniffer.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import securechat.testkit.Tshark;

/** The reader agrees with the real tshark on the committed fixture, frame by frame. */
@Timeout(60)
class PcapFileReaderIT {
  @BeforeAll
  static void needsTshark() {
    Tshark.assumeInstalled();
  }

  @ParameterizedTest
  @ValueSource(strings = {Captures.CHAT_PCAPNG, Captures.CHAT_PCAP})
  void sameFramesAndSameTcpPayloadLengthsAsTshark(String fixture) throws Exception {
    Path file = Captures.path(fixture);
    List<TcpSegment> segments = new ArrayList<>();
    CaptureCounts counts = PcapFileReader.read(file, segments::add);

    List<String> lines = Tshark.fields(file, "frame.number", "tcp.len");
    Map<Long, Integer> tsharkTcpLengths = new TreeMap<>();
    for (String line : lines) {
      String[] columns = line.split("\t", -1);
      if (!columns[1].isEmpty()) {
        tsharkTcpLengths.put(Long.parseLong(columns[0]), Integer.parseInt(columns[1]));
      }
    }
    Map<Long, Integer> ourTcpLengths = new TreeMap<>();
    segments.forEach(segment -> ourTcpLengths.put(segment.frame(), segment.payload().length));

    assertThat(counts.packets()).isEqualTo(lines.size());
    assertThat(ourTcpLengths).isEqualTo(tsharkTcpLengths);
  }
}
