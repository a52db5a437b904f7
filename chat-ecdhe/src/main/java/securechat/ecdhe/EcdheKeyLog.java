package securechat.ecdhe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;
import securechat.core.storage.LabFiles;

/**
 * {@code --keylog} for the ecdhe stage: one line per session, appended, owner-only, that the
 * sniffer uses to decrypt a capture's Fernet tokens:
 *
 * <pre>
 * ECDHE_SESSION &lt;client nonce, hex&gt; &lt;client→server Fernet key&gt; &lt;server→client Fernet key&gt;
 * </pre>
 *
 * The nonce is the last field of the capture's {@code ECDHE-HELLO} line (there in base64); the keys
 * are base64url, as Python's {@code Fernet(key)} takes them. Anyone with the file reads the
 * traffic.
 */
final class EcdheKeyLog {
  private static final ReentrantLock LOCK = new ReentrantLock();

  private final Path file;

  EcdheKeyLog(Path file) throws IOException {
    this.file = file.toAbsolutePath();
    if (!Files.exists(this.file)) {
      LabFiles.writePrivate(this.file, new byte[0]);
    }
  }

  void append(byte[] clientNonce, SessionKeys keys) throws IOException {
    Base64.Encoder fernetKey = Base64.getUrlEncoder();
    String line =
        "ECDHE_SESSION "
            + HexFormat.of().formatHex(clientNonce)
            + " "
            + fernetKey.encodeToString(keys.clientToServer)
            + " "
            + fernetKey.encodeToString(keys.serverToClient)
            + "\n";
    LOCK.lock();
    try {
      Files.writeString(file, line, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
    } finally {
      LOCK.unlock();
    }
  }

  Path file() {
    return file;
  }
}
