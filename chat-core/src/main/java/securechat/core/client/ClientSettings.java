package securechat.core.client;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import securechat.core.protocol.Limits;
import securechat.core.protocol.Username;

/**
 * The settings of a {@link ChatClient}: everything it needs to know before it connects.
 *
 * @param host the server's host name or address, e.g. {@code 127.0.0.1}
 * @param port the server's TCP port
 * @param user who to log in as right after {@code WELCOME}; empty to type {@code /login} by hand
 * @param password the password for {@code user}; ignored without a user, never printed
 * @param register create the account ({@code /register}) instead of logging in ({@code /login})
 * @param downloadsDir where received files are saved
 * @param limits the protocol limits; {@code maxFileBytes} is checked before a file is sent
 */
public record ClientSettings(
    String host,
    int port,
    Optional<Username> user,
    String password,
    boolean register,
    Path downloadsDir,
    Limits limits) {

  public ClientSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(downloadsDir, "downloadsDir");
    Objects.requireNonNull(limits, "limits");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, not " + port);
    }
  }

  /** Settings for a client that logs in by hand: no user, default limits. */
  public static ClientSettings anonymous(String host, int port, Path downloadsDir) {
    return new ClientSettings(
        host, port, Optional.empty(), "", false, downloadsDir, Limits.DEFAULTS);
  }

  /** The same settings, logging in (or registering) as {@code name} right after connecting. */
  public ClientSettings withLogin(Username name, String password, boolean register) {
    return new ClientSettings(
        host, port, Optional.of(name), password, register, downloadsDir, limits);
  }

  /** The same settings with other limits (tests use small ones). */
  public ClientSettings withLimits(Limits otherLimits) {
    return new ClientSettings(host, port, user, password, register, downloadsDir, otherLimits);
  }

  /** The default download folder: {@code <dataDir>/downloads/<user>}, or {@code anonymous}. */
  public static Path defaultDownloadsDir(Path dataDir, Optional<Username> user) {
    return dataDir.resolve("downloads").resolve(user.map(Username::value).orElse("anonymous"));
  }

  /** {@code host:port}, as the client names its peer; an IPv6 host is bracketed. */
  public String address() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return "ClientSettings["
        + address()
        + ", user="
        + user.map(Username::value).orElse("(none)")
        + ", password=(hidden), register="
        + register
        + ", downloadsDir="
        + downloadsDir
        + "]";
  }
}
