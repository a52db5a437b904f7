package securechat.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * After {@code sudo ./lab demo}: gives what the demo wrote back to the user who typed sudo, so that
 * they can open the captures in Wireshark and keep using {@code lab-data} without root. Uses the
 * {@code SUDO_UID} and {@code SUDO_GID} that sudo sets; does nothing without them.
 */
final class SudoHandBack {
  private final int uid;
  private final int gid;

  private SudoHandBack(int uid, int gid) {
    this.uid = uid;
    this.gid = gid;
  }

  /** The user behind sudo, when this process is root started by sudo. */
  static Optional<SudoHandBack> of(Map<String, String> environment) {
    String uid = environment.get("SUDO_UID");
    String gid = environment.get("SUDO_GID");
    if (uid == null || gid == null || !"root".equals(System.getProperty("user.name"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SudoHandBack(Integer.parseInt(uid), Integer.parseInt(gid)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Gives {@code root} and everything under it to the user; symbolic links are left alone. */
  void giveBack(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
      }
    }
  }

  @Override
  public String toString() {
    return "uid " + uid + ", gid " + gid;
  }
}
