package securechat.sniffer.capture;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * BPF filter expressions (the language of {@code tcpdump -f} and Wireshark's capture filters) for
 * the chat's ports. libpcap compiles them in the kernel, so packets of other programs are never
 * copied to us.
 *
 * <pre>{@code
 * BpfFilters.forPorts(7001, 7002)   // "tcp port 7001 or tcp port 7002"
 * }</pre>
 *
 * <p>A filter the user types is passed to libpcap unchanged; libpcap judges it, and a filter it
 * refuses becomes a {@link CaptureException} quoting the filter and libpcap's reason.
 */
public final class BpfFilters {
  /** Every packet: libpcap treats the empty expression as "accept all". */
  public static final String EVERYTHING = "";

  private BpfFilters() {}

  /**
   * The filter for TCP to or from any of the given ports.
   *
   * @throws IllegalArgumentException if no port is given or a port is not 1-65535
   */
  public static String forPorts(int... ports) {
    if (ports.length == 0) {
      throw new IllegalArgumentException("at least one port is needed for a port filter");
    }
    for (int port : ports) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1-65535, not " + port);
      }
    }
    return Arrays.stream(ports)
        .distinct()
        .mapToObj(port -> "tcp port " + port)
        .collect(Collectors.joining(" or "));
  }
}
