package securechat.sniffer.capture;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the committed fixture, in both formats; see src/test/resources/captures/README.md. */
class PcapFileReaderTest {
  private static final String IPV4_CLIENT = "127.0.0.1:39084";
  private static final String IPV4_SERVER = "127.0.0.1:7001";
  private static final String IPV6_CLIENT = "[0:0:0:0:0:0:0:1]:39902";
  private static final String IPV6_SERVER = "[0:0:0:0:0:0:0:1]:7002";

  @TempDir Path temp;

  private final List<TcpSegment> segments = new ArrayList<>();

  @ParameterizedTest
  @ValueSource(strings = {Captures.CHAT_PCAPNG, Captures.CHAT_PCAP})
  void everyFrameIsCountedAndEveryTcpFrameDelivered(String fixture) throws CaptureException {
    CaptureCounts counts = PcapFileReader.read(Captures.path(fixture), segments::add);

    assertThat(counts).isEqualTo(new CaptureCounts(26, 25, 1));
    assertThat(segments).hasSize(25);
  }

  @ParameterizedTest
  @ValueSource(strings = {Captures.CHAT_PCAPNG, Captures.CHAT_PCAP})
  void theUdpFrameStillTakesItsNumberAsInWireshark(String fixture) throws CaptureException {
    PcapFileReader.read(Captures.path(fixture), segments::add);

    long[] expected = LongStream.rangeClosed(1, 26).filter(frame -> frame != 15).toArray();
    assertThat(segments).extracting(TcpSegment::frame).containsExactly(box(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {Captures.CHAT_PCAPNG, Captures.CHAT_PCAP})
  void payloadsArriveWithTheirFramesAndBothDirectionsOverIpv4AndIpv6(String fixture)
      throws CaptureException {
    PcapFileReader.read(Captures.path(fixture), segments::add);

    Map<Long, String> payloads = new LinkedHashMap<>();
    for (TcpSegment segment : segments) {
      if (segment.payload().length > 0) {
        payloads.put(
            segment.frame(),
            segment.source()
                + " > "
                + segment.destination()
                + " "
                + new String(segment.payload(), UTF_8));
      }
    }
    assertThat(payloads)
        .containsExactly(
            Map.entry(4L, IPV4_CLIENT + " > " + IPV4_SERVER + " HELLO alice\n"),
            Map.entry(6L, IPV4_SERVER + " > " + IPV4_CLIENT + " OK HELLO alice\n"),
            Map.entry(8L, IPV4_CLIENT + " > " + IPV4_SERVER + " SAY hi bob\n"),
            Map.entry(9L, IPV4_SERVER + " > " + IPV4_CLIENT + " OK SAY hi bob\n"),
            Map.entry(19L, IPV6_CLIENT + " > " + IPV6_SERVER + " HELLO bob\n"),
            Map.entry(21L, IPV6_SERVER + " > " + IPV6_CLIENT + " OK HELLO bob\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {Captures.CHAT_PCAPNG, Captures.CHAT_PCAP})
  void synAndFinFlagsAndSequenceNumbersAreThoseOnTheWire(String fixture) throws CaptureException {
    PcapFileReader.read(Captures.path(fixture), segments::add);

    assertThat(segments)
        .filteredOn(TcpSegment::syn)
        .extracting(TcpSegment::frame)
        .containsExactly(1L, 2L, 16L, 17L);
    assertThat(segments)
        .filteredOn(TcpSegment::fin)
        .extracting(TcpSegment::frame)
        .containsExactly(11L, 13L, 23L, 25L);
    assertThat(segments).noneMatch(TcpSegment::rst);
    assertThat(segments.get(0).sequence()).isEqualTo(3814627902L);
    assertThat(segments.get(3).sequence()).isEqualTo(3814627903L);
  }

  @Test
  void pcapngTimestampsKeepTheirNanoseconds() throws CaptureException {
    PcapFileReader.read(Captures.path(Captures.CHAT_PCAPNG), segments::add);

    assertThat(segments.get(0).time()).isEqualTo(Instant.parse("2026-11-24T05:44:57.918510509Z"));
  }

  @Test
  void classicPcapTimestampsHaveMicroseconds() throws CaptureException {
    PcapFileReader.read(Captures.path(Captures.CHAT_PCAP), segments::add);

    assertThat(segments.get(0).time()).isEqualTo(Instant.parse("2026-11-24T05:44:57.918510Z"));
  }

  @Test
  void aFilterDeliversOnlyWhatItMatchesAndFramesKeepTheirNumbers() throws CaptureException {
    CaptureCounts counts =
        PcapFileReader.read(
            Captures.path(Captures.CHAT_PCAPNG), BpfFilters.forPorts(7002), segments::add);

    assertThat(counts).isEqualTo(new CaptureCounts(26, 11, 15));
    assertThat(segments)
        .extracting(TcpSegment::frame)
        .containsExactly(box(LongStream.rangeClosed(16, 26).toArray()));
  }

  @Test
  void aFilterLibpcapRefusesIsQuotedWithLibpcapsReason() {
    assertThatThrownBy(
            () -> PcapFileReader.read(Captures.path(Captures.CHAT_PCAP), "tcp port", segments::add))
        .isInstanceOf(CaptureException.class)
        .hasMessage(
            "libpcap refuses the filter 'tcp port': can't parse filter expression:"
                + " syntax error");
  }

  @Test
  void aFileThatIsNotACaptureIsNamedAsSuch() throws IOException {
    Path notes = Files.writeString(temp.resolve("notes.txt"), "not a capture\n".repeat(10));

    assertThatThrownBy(() -> PcapFileReader.read(notes, segments::add))
        .isInstanceOf(CaptureException.class)
        .hasMessage("'" + notes + "' is not a capture file libpcap can read (pcap or pcapng)");
  }

  @Test
  void aMissingFileSaysSo() {
    Path missing = temp.resolve("missing.pcap");

    assertThatThrownBy(() -> PcapFileReader.read(missing, segments::add))
        .isInstanceOf(CaptureException.class)
        .hasMessage("cannot read capture file '" + missing + "': No such file or directory");
  }

  @Test
  void aFileCutShortDeliversItsWholeFramesThenSaysItIsTruncated() throws IOException {
    byte[] whole = Files.readAllBytes(Captures.path(Captures.CHAT_PCAP));
    Path cut = Files.write(temp.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length / 2));

    assertThatThrownBy(() -> PcapFileReader.read(cut, segments::add))
        .isInstanceOf(CaptureException.class)
        .hasMessageStartingWith("cannot read capture file '" + cut + "': truncated dump file");
    assertThat(segments).isNotEmpty().hasSizeLessThan(25);
  }

  @Test
  void whatTheConsumerThrowsEndsTheReadingAndReachesTheCaller() {
    RuntimeException failure = new IllegalStateException("consumer is full");

    assertThatThrownBy(
            () ->
                PcapFileReader.read(
                    Captures.path(Captures.CHAT_PCAPNG),
                    segment -> {
                      segments.add(segment);
                      if (segments.size() == 3) {
                        throw failure;
                      }
                    }))
        .isSameAs(failure);
    assertThat(segments).hasSize(3);
  }

  private static Long[] box(long[] values) {
    return Arrays.stream(values).boxed().toArray(Long[]::new);
  }
}
