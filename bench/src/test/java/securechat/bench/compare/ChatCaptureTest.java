package securechat.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.sniffer.capture.CaptureCounts;
import securechat.sniffer.capture.PcapFileReader;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.report.Analysis;
import securechat.sniffer.stream.TcpReassembler;

class ChatCaptureTest {
  @Test
  void captureReadsAsPlainChatWithEveryLogin(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("chat.pcap");

    long written = ChatCapture.write(file, 2_000);

    TcpReassembler reassembler = new TcpReassembler();
    CaptureCounts counts = PcapFileReader.read(file, reassembler::accept);
    reassembler.finish();
    Analysis analysis =
        Analysis.of(
            counts, reassembler.streams(), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(written).isBetween(2_000L, 2_500L);
    assertThat(counts.packets()).isEqualTo(written);
    assertThat(analysis.streams()).hasSize(ChatCapture.CLIENTS);
    assertThat(analysis.stages().values()).containsOnly("plain");
    assertThat(analysis.count(Flag.PASSWORD)).isEqualTo(ChatCapture.CLIENTS);
    assertThat(analysis.count(Flag.MALFORMED)).isZero();
  }
}
