package securechat.tls;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import securechat.core.storage.LabFiles;

/**
 * Writes the TLS secrets of every session in this JVM to a file in the NSS key log format, which
 * Wireshark and tshark read ({@code tshark -o tls.keylog_file:FILE}) to decrypt a capture:
 *
 * <pre>
 * CLIENT_HANDSHAKE_TRAFFIC_SECRET &lt;client random&gt; &lt;secret&gt;
 * SERVER_HANDSHAKE_TRAFFIC_SECRET ...
 * CLIENT_TRAFFIC_SECRET_0 ...
 * SERVER_TRAFFIC_SECRET_0 ...
 * </pre>
 *
 * <p>The JDK has no key log of its own, so this attaches the {@code extract-tls-secrets} Java agent
 * (Maven Central, {@code name.neykov:extract-tls-secrets}) to this very JVM; the agent instruments
 * JSSE's key derivation and appends each secret as it is made. Attaching to oneself needs the JVM
 * flag {@code -Djdk.attach.allowAttachSelf=true}, which {@code ./lab} passes.
 *
 * <p><b>Danger:</b> the file decrypts every session it holds. It is created owner-only, and the
 * user is warned each time it is used.
 */
public final class KeyLogWriter {
  private static final ReentrantLock LOCK = new ReentrantLock();

  /** Held here because java.util.logging keeps loggers weakly: a dropped one forgets its level. */
  private static final Logger AGENT_LOGGER = Logger.getLogger("name.neykov.secrets");

  private static Path attachedTo;

  private KeyLogWriter() {}

  /**
   * Starts logging this JVM's TLS secrets to {@code file} (appending). Once per JVM: a second call
   * with the same file does nothing, with another file it fails.
   *
   * @throws KeyLogException with a sentence the user can act on
   */
  public static void start(Path file) throws KeyLogException {
    Path target = file.toAbsolutePath().normalize();
    LOCK.lock();
    try {
      if (attachedTo != null) {
        if (!attachedTo.equals(target)) {
          throw new KeyLogException(
              "this JVM already writes its TLS key log to " + attachedTo + "; one file per run");
        }
        return;
      }
      createOwnerOnly(target);
      attachAgent(target);
      attachedTo = target;
    } finally {
      LOCK.unlock();
    }
  }

  /** The file this JVM logs to, if {@link #start} was called. */
  public static Optional<Path> file() {
    LOCK.lock();
    try {
      return Optional.ofNullable(attachedTo);
    } finally {
      LOCK.unlock();
    }
  }

  private static void createOwnerOnly(Path target) throws KeyLogException {
    try {
      if (target.getParent() != null) {
        LabFiles.createPrivateDirectory(target.getParent());
      }
      if (!Files.exists(target)) {
        Files.createFile(target, LabFiles.ownerOnly(target));
      }
      if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
        // An existing file may have been readable by others: tighten it before secrets go in.
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
      }
    } catch (IOException e) {
      throw new KeyLogException("cannot create the key log " + target + ": " + e.getMessage());
    }
  }

  private static void attachAgent(Path target) throws KeyLogException {
    String agentJar = agentJar();
    // The agent announces itself through java.util.logging; our own warning says it better.
    AGENT_LOGGER.setLevel(Level.WARNING);
    try {
      VirtualMachine self = VirtualMachine.attach(Long.toString(ProcessHandle.current().pid()));
      try {
        self.loadAgent(agentJar, target.toString());
      } finally {
        self.detach();
      }
    } catch (AttachNotSupportedException | IOException e) {
      throw new KeyLogException(
          "cannot attach the key-log agent to this JVM ("
              + e.getMessage()
              + "); it needs the JVM flags -Djdk.attach.allowAttachSelf=true"
              + " -XX:+EnableDynamicAgentLoading, which ./lab passes");
    } catch (AgentLoadException | AgentInitializationException e) {
      throw new KeyLogException("the key-log agent " + agentJar + " failed: " + e.getMessage());
    }
  }

  /** The agent is a dependency of this module, so its jar is on the class path. */
  private static String agentJar() throws KeyLogException {
    String missing = "the key-log agent (name.neykov:extract-tls-secrets) is not on the class path";
    try {
      CodeSource source =
          Class.forName("name.neykov.secrets.AgentMain").getProtectionDomain().getCodeSource();
      if (source == null) {
        throw new KeyLogException(missing);
      }
      return Path.of(source.getLocation().toURI()).toString();
    } catch (ClassNotFoundException | URISyntaxException e) {
      throw new KeyLogException(missing);
    }
  }
}
