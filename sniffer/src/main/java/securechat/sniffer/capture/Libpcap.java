package securechat.sniffer.capture;

import java.nio.file.Path;
import java.util.List;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapDumper;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.Pcaps;

/**
 * The calls into libpcap that open something, each turning pcap4j's failure into a {@link
 * CaptureException} through {@link LibpcapErrors}. This is the only class that catches {@link
 * LinkageError}: the first call into pcap4j is where a missing {@code libpcap.so} shows.
 */
final class Libpcap {
  /**
   * Bytes kept of each packet: tcpdump's default, more than the 65536-byte MTU of {@code lo}, so no
   * packet is cut short.
   */
  static final int SNAPSHOT_LENGTH_BYTES = 262_144;

  /**
   * How long libpcap may wait to fill a buffer before handing packets over. Immediate mode (below)
   * hands each packet over at once; this only bounds the wait if it is not supported.
   */
  static final int READ_TIMEOUT_MILLIS = 100;

  private Libpcap() {}

  /** Opens a live capture on the named interface, without promiscuous mode. */
  static PcapHandle openLive(String interfaceName) throws CaptureException {
    try {
      PcapNetworkInterface device = Pcaps.getDevByName(interfaceName);
      if (device == null) {
        throw LibpcapErrors.noSuchInterface(interfaceName, interfaceNames());
      }
      return new PcapHandle.Builder(device.getName())
          .snaplen(SNAPSHOT_LENGTH_BYTES)
          .promiscuousMode(PromiscuousMode.NONPROMISCUOUS)
          .timeoutMillis(READ_TIMEOUT_MILLIS)
          .immediateMode(true)
          .build();
    } catch (PcapNativeException e) {
      throw LibpcapErrors.cannotCapture(interfaceName, e.getMessage());
    } catch (LinkageError e) {
      throw LibpcapErrors.nativeCodeMissing(e);
    }
  }

  /** Opens a pcap or pcapng file, with timestamps to the nanosecond if the file has them. */
  static PcapHandle openFile(Path file) throws CaptureException {
    try {
      return Pcaps.openOffline(file.toString(), TimestampPrecision.NANO);
    } catch (PcapNativeException e) {
      throw LibpcapErrors.unreadableFile(file, e.getMessage());
    } catch (LinkageError e) {
      throw LibpcapErrors.nativeCodeMissing(e);
    }
  }

  /** Sets a filter the kernel applies before a packet reaches us. */
  static void setFilter(PcapHandle handle, String filter) throws CaptureException {
    try {
      handle.setFilter(filter, BpfCompileMode.OPTIMIZE);
    } catch (PcapNativeException e) {
      throw LibpcapErrors.filterRefused(filter, e.getMessage());
    } catch (NotOpenException e) {
      throw new IllegalStateException("the capture handle is already closed", e);
    }
  }

  /** Compiles a filter to apply packet by packet, so that left-out packets still count. */
  static BpfProgram compileFilter(PcapHandle handle, String filter) throws CaptureException {
    try {
      return handle.compileFilter(filter, BpfCompileMode.OPTIMIZE, PcapHandle.PCAP_NETMASK_UNKNOWN);
    } catch (PcapNativeException e) {
      throw LibpcapErrors.filterRefused(filter, e.getMessage());
    } catch (NotOpenException e) {
      throw new IllegalStateException("the capture handle is already closed", e);
    }
  }

  /** Opens a classic pcap file to save the handle's packets in, replacing any such file. */
  static PcapDumper openDumper(PcapHandle handle, Path file) throws CaptureException {
    try {
      return handle.dumpOpen(file.toString());
    } catch (PcapNativeException e) {
      throw LibpcapErrors.unwritableFile(file, e.getMessage());
    } catch (NotOpenException e) {
      throw new IllegalStateException("the capture handle is already closed", e);
    }
  }

  /** The names of the interfaces libpcap can capture on, for an error message. */
  static List<String> interfaceNames() {
    try {
      return Pcaps.findAllDevs().stream().map(PcapNetworkInterface::getName).toList();
    } catch (PcapNativeException e) {
      return List.of();
    }
  }
}
