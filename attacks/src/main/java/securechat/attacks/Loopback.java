package securechat.attacks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import securechat.core.cli.ConfigException;

/**
 * The attack lab's safety rule: every target is on this machine's loopback interface. A proxy, a
 * replay or a probe aimed anywhere else is refused before a single byte is sent, so the tools
 * cannot be turned on a classmate's machine or the school's network.
 */
public final class Loopback {
  private Loopback() {}

  /**
   * The loopback address {@code untrustedHost} names; refuses any host that is not loopback.
   *
   * @throws ConfigException if the name does not resolve or resolves to a non-loopback address
   */
  public static InetAddress require(String untrustedHost) throws ConfigException {
    InetAddress address;
    try {
      address = InetAddress.getByName(untrustedHost);
    } catch (UnknownHostException e) {
      throw new ConfigException("unknown host '" + shown(untrustedHost) + "'", HINT);
    }
    if (!address.isLoopbackAddress()) {
      throw new ConfigException(
          "the attack tools target loopback only; '"
              + shown(untrustedHost)
              + "' is "
              + address.getHostAddress(),
          HINT);
    }
    return address;
  }

  private static final String HINT =
      "run the server and clients on this machine and attack 127.0.0.1 (or localhost)";

  private static String shown(String host) {
    String printable = securechat.core.terminal.TerminalText.sanitize(host);
    return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
  }
}
