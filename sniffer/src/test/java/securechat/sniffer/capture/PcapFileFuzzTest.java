package securechat.sniffer.capture;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import securechat.sniffer.report.EveryReport;
import securechat.sniffer.stream.TcpReassembler;

/**
 * Fuzzes what {@code lab sniff --read FILE} does with a capture file: {@link PcapFileReader}
 * (libpcap reads the file; {@link CaptureLoop} and {@link FrameDecoder} take each frame apart), the
 * {@link TcpReassembler}, the analysis and every report. The documented failure is a {@link
 * CaptureException} (not a capture file, or damaged); anything else is a bug.
 *
 * <p>The fuzzer mutates whole files, so most runs stop in libpcap's file header check; the frames
 * themselves are fuzzed far faster by {@link FrameDecoderFuzzTest}. Seeds: {@code
 * PcapFileFuzzTestInputs/captureFiles/}, the committed captures of each stage, pcap and pcapng.
 */
class PcapFileFuzzTest {
  private static final Path FILE = temporaryFile();

  @FuzzTest
  void captureFiles(byte[] untrustedBytes) throws IOException {
    Files.write(FILE, untrustedBytes);
    TcpReassembler reassembler = new TcpReassembler();
    CaptureCounts counts;
    try {
      counts = PcapFileReader.read(FILE, reassembler::accept);
    } catch (CaptureException expected) {
      return;
    }
    reassembler.finish();
    EveryReport.of(counts, reassembler.streams(), Optional.empty());
  }

  private static Path temporaryFile() {
    try {
      Path file = Files.createTempFile("fuzzed-capture", ".pcap");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
