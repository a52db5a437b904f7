package securechat.sniffer.capture;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One end of a TCP connection as a packet names it: an address and a port.
 *
 * @param address the IP address (IPv4 or IPv6)
 * @param port the TCP port, 0-65535
 */
public record Endpoint(InetAddress address, int port) {
  public Endpoint {
    Objects.requireNonNull(address, "address");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, not " + port);
    }
  }

  @Override
  public String toString() {
    String host = address.getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
