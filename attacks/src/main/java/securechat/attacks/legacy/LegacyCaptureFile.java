package securechat.attacks.legacy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import securechat.core.cli.ConfigException;
import securechat.sniffer.capture.BpfFilters;
import securechat.sniffer.capture.CaptureCounts;
import securechat.sniffer.capture.CaptureException;
import securechat.sniffer.capture.PcapFileReader;
import securechat.sniffer.stream.TcpReassembler;

/**
 * A capture file (pcap or pcapng, from {@code lab sniff --write}, tcpdump or Wireshark) turned into
 * the connections an eavesdropper recorded: the sniffer reads every TCP segment ({@link
 * PcapFileReader}) and puts each connection back together ({@link TcpReassembler}).
 *
 * @param connections every TCP connection in the file (on {@code port}, if one was given), in order
 * @param counts how many packets the file held and how many were TCP
 */
public record LegacyCaptureFile(List<RecordedConnection> connections, CaptureCounts counts) {
  public LegacyCaptureFile {
    connections = List.copyOf(connections);
  }

  /**
   * Reads {@code file}, keeping only TCP to or from {@code port} if one is given.
   *
   * @throws ConfigException with one sentence if the file is missing, unreadable or not a capture
   */
  public static LegacyCaptureFile read(Path file, OptionalInt port) throws ConfigException {
    checkArguments(file, port);
    String filter = port.isPresent() ? BpfFilters.forPorts(port.getAsInt()) : BpfFilters.EVERYTHING;
    TcpReassembler reassembler = new TcpReassembler();
    CaptureCounts counts;
    try {
      counts = PcapFileReader.read(file, filter, reassembler::accept);
    } catch (CaptureException e) {
      throw new ConfigException(e.getMessage());
    }
    reassembler.finish();
    List<RecordedConnection> connections =
        reassembler.streams().stream().map(RecordedConnection::of).toList();
    return new LegacyCaptureFile(connections, counts);
  }

  /**
   * Checks what can be checked before reading: that the file exists and the port is a port.
   *
   * @throws ConfigException with one sentence if not
   */
  public static void checkArguments(Path file, OptionalInt port) throws ConfigException {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "there is no capture file '" + file + "'",
          "capture the replica with ./lab sniff --write FILE, or run lab attack legacy without"
              + " --read to make one");
    }
    if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
      throw new ConfigException("--port must be 1-65535, not " + port.getAsInt());
    }
  }
}
