package securechat.core.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import securechat.core.channel.HandshakeException;
import securechat.core.storage.DirectoryLock;
import securechat.core.storage.LabFiles;

/**
 * The servers this client has met, and their identity keys (ecdhe and e2e stages): {@code
 * DATA-DIR/known_hosts}, one line per server, {@code HOST:PORT ed25519 BASE64-KEY}, as SSH's file
 * of the same name. The first connection pins the key (trust on first use); every later one must
 * present the same key.
 */
public final class KnownHosts {
  static final String FILE = "known_hosts";

  private final Path dataDir;
  private final Consumer<String> say;

  public KnownHosts(Path dataDir, Consumer<String> say) {
    this.dataDir = dataDir;
    this.say = say;
  }

  /**
   * Pins {@code key} for {@code hostPort} if none is known, else checks that it is the same.
   *
   * @throws HandshakeException, loudly, when the key has changed
   */
  public void check(String hostPort, PublicKey key) throws IOException, HandshakeException {
    String encoded = Base64.getEncoder().encodeToString(key.getEncoded());
    try (DirectoryLock lock = DirectoryLock.acquire(dataDir, "known_hosts.lock")) {
      List<String> lines = read();
      for (String line : lines) {
        String[] fields = line.split(" ");
        if (fields.length == 3 && fields[0].equals(hostPort)) {
          if (fields[2].equals(encoded)) {
            return;
          }
          throw changed(hostPort, key, lines.indexOf(line) + 1);
        }
      }
      lines.add(hostPort + " ed25519 " + encoded);
      LabFiles.writePrivate(
          file(), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    say.accept(
        "pinned the identity of "
            + hostPort
            + " on first use: "
            + ServerIdentity.fingerprint(key)
            + " (compare it with the one the server printed)");
  }

  private HandshakeException changed(String hostPort, PublicKey key, int lineNumber) {
    return new HandshakeException(
        "THE IDENTITY KEY OF "
            + hostPort
            + " HAS CHANGED (now "
            + ServerIdentity.fingerprint(key)
            + "): someone may be in the middle; refusing to connect",
        "if the server's key was really replaced, delete line "
            + lineNumber
            + " of "
            + file()
            + " and connect again",
        null);
  }

  /**
   * The pins, each line checked: a damaged line is refused, never skipped, since skipping it would
   * silently pin whatever key the next server presents.
   */
  private List<String> read() throws IOException, HandshakeException {
    if (!Files.exists(file())) {
      return new ArrayList<>();
    }
    List<String> lines = new ArrayList<>();
    List<String> all;
    try {
      all = LabFiles.readLines(file());
    } catch (IOException e) {
      throw new HandshakeException(
          e.getMessage(), "or delete it: the next connection then pins each server again", e);
    }
    for (int i = 0; i < all.size(); i++) {
      String line = all.get(i);
      if (!line.isBlank()) {
        checkLine(line, i + 1);
        lines.add(line);
      }
    }
    return lines;
  }

  private void checkLine(String line, int lineNumber) throws HandshakeException {
    String[] fields = line.split(" ");
    try {
      if (fields.length != 3 || !fields[1].equals("ed25519")) {
        throw new IllegalArgumentException("not HOST:PORT ed25519 BASE64-KEY");
      }
      KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(fields[2])));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw damaged(
          "line " + lineNumber + " is not a pin (HOST:PORT ed25519 BASE64-KEY)",
          "delete line " + lineNumber + " (the next connection pins that server again)",
          e);
    }
  }

  private HandshakeException damaged(String what, String todo, Exception cause) {
    return new HandshakeException(
        "the known-hosts file " + file() + " is damaged: " + what,
        todo + ", or restore " + file() + " from a backup",
        cause);
  }

  public Path file() {
    return dataDir.resolve(FILE);
  }
}
