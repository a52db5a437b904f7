package securechat.sniffer;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import securechat.sniffer.capture.PcapFileReader;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.TcpReassembler;
import securechat.sniffer.stream.TcpStream;

/**
 * Our reassembly against Wireshark's, on the same capture file: for every TCP stream, the bytes of
 * each direction equal what {@code tshark -q -z follow,tcp,raw,N} prints (client lines plain,
 * server lines indented with a tab).
 */
@Timeout(60)
class ReassemblyTsharkIT {
  private static final Path FIXTURE = Path.of("src/test/resources/captures/chat-loopback.pcapng");

  @Test
  void everyStreamMatchesTsharksFollowTcp() throws Exception {
    assumeTrue(tsharkRuns(), "needs tshark");
    TcpReassembler reassembler = new TcpReassembler();
    PcapFileReader.read(FIXTURE, reassembler::accept);
    reassembler.finish();
    List<TcpStream> streams = reassembler.streams();

    assertThat(streams).hasSizeGreaterThanOrEqualTo(2);
    for (TcpStream stream : streams) {
      byte[][] tshark = follow(stream.index());
      assertThat(stream.bytes(Direction.CLIENT_TO_SERVER))
          .as("stream %d C→S", stream.index())
          .isEqualTo(tshark[0]);
      assertThat(stream.bytes(Direction.SERVER_TO_CLIENT))
          .as("stream %d S→C", stream.index())
          .isEqualTo(tshark[1]);
    }
  }

  /** tshark's follow output for one stream: [client bytes, server bytes]. */
  private static byte[][] follow(int stream) throws IOException, InterruptedException {
    Process tshark =
        new ProcessBuilder(
                "tshark", "-r", FIXTURE.toString(), "-q", "-z", "follow,tcp,raw," + stream)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output = new String(tshark.getInputStream().readAllBytes(), US_ASCII);
    assertThat(tshark.waitFor(30, TimeUnit.SECONDS)).isTrue();
    ByteArrayOutputStream client = new ByteArrayOutputStream();
    ByteArrayOutputStream server = new ByteArrayOutputStream();
    for (String line : output.lines().toList()) {
      String hex = line.strip();
      if (hex.isEmpty() || !hex.matches("[0-9a-f]+")) {
        continue; // the header lines (Follow:, Filter:, Node 0:, ===)
      }
      (line.startsWith("\t") ? server : client).writeBytes(HexFormat.of().parseHex(hex));
    }
    return new byte[][] {client.toByteArray(), server.toByteArray()};
  }

  private static boolean tsharkRuns() {
    try {
      return new ProcessBuilder("tshark", "--version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start()
              .waitFor()
          == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
