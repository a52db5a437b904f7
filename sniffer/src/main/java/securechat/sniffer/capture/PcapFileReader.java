package securechat.sniffer.capture;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import org.pcap4j.core.PcapHandle;

/**
 * Reads a capture file, pcap or pcapng (whatever Wireshark, tshark, dumpcap, tcpdump or {@code lab
 * sniff --write} saved), and hands each TCP segment in it to a consumer, in file order, on the
 * calling thread.
 *
 * <pre>{@code
 * List<TcpSegment> segments = new ArrayList<>();
 * CaptureCounts counts =
 *     PcapFileReader.read(Path.of("chat.pcapng"), BpfFilters.forPorts(7001), segments::add);
 * }</pre>
 *
 * <p>Frames are numbered over the whole file, as Wireshark numbers them, even those the filter
 * leaves out: frame 12 here is frame 12 there.
 */
public final class PcapFileReader {
  private PcapFileReader() {}

  /** Reads every TCP segment of the file. */
  public static CaptureCounts read(Path file, Consumer<TcpSegment> consumer)
      throws CaptureException {
    return read(file, BpfFilters.EVERYTHING, consumer);
  }

  /**
   * Reads the TCP segments of the file that pass a BPF filter.
   *
   * @param bpfFilter a capture-filter expression, e.g. from {@link BpfFilters#forPorts}; empty for
   *     every packet
   * @throws CaptureException if the file cannot be read or is not a capture, or libpcap refuses the
   *     filter
   */
  public static CaptureCounts read(Path file, String bpfFilter, Consumer<TcpSegment> consumer)
      throws CaptureException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(bpfFilter, "bpfFilter");
    Objects.requireNonNull(consumer, "consumer");
    PcapHandle handle = Libpcap.openFile(file);
    CaptureLoop loop =
        new CaptureLoop(handle, consumer, message -> LibpcapErrors.unreadableFile(file, message));
    if (!bpfFilter.isEmpty()) {
      try {
        loop.filterEach(Libpcap.compileFilter(handle, bpfFilter));
      } catch (CaptureException e) {
        handle.close();
        throw e;
      }
    }
    loop.run();
    return loop.counts();
  }
}
