package securechat.e2e.legacy;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import securechat.core.channel.RecordException;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.Username;
import securechat.core.terminal.ConsoleView;
import securechat.core.terminal.TerminalText;
import securechat.e2e.legacy.Seed004Message.ChatMessage;
import securechat.e2e.legacy.Seed004Message.DirectoryEntry;
import securechat.e2e.legacy.Seed004Message.ErrorReply;
import securechat.e2e.legacy.Seed004Message.UserList;

/**
 * The seed 004 client's reader thread: prints each message as {@code [sender] text}, keeps the
 * directory from each {@code user_list} (printing it when it changes), prints the server's errors,
 * and one line for anything it refuses. Text from the network is sanitised before it is printed.
 */
final class Seed004ClientReader {
  private final InputStream in;
  private final ConsoleView console;
  private final LegacyRsaKeyPair clientKey;
  private final LegacyRsaPublicKey serverKey;
  private volatile Map<String, LegacyRsaPublicKey> directory = Map.of();
  private volatile boolean stopping;
  private final CountDownLatch firstList = new CountDownLatch(1);

  /**
   * @param serverKey the key from the nonce challenge, which the directory's signatures are checked
   *     against: whoever answered the connection chose it
   */
  Seed004ClientReader(
      InputStream in,
      ConsoleView console,
      LegacyRsaKeyPair clientKey,
      LegacyRsaPublicKey serverKey) {
    this.in = in;
    this.console = console;
    this.clientKey = clientKey;
    this.serverKey = serverKey;
  }

  /** The users whose entries passed the signature check, by name. */
  Map<String, LegacyRsaPublicKey> directory() {
    return directory;
  }

  /**
   * Waits until the server's first {@code user_list} has been read (or the connection ended, or
   * {@code timeout} passed): lines typed ahead, or piped in, are then checked against a directory
   * rather than against an empty one.
   */
  void awaitFirstList(Duration timeout) throws InterruptedException {
    firstList.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Marks the end as ours: the failed read that follows is not reported. */
  void stop() {
    stopping = true;
  }

  void run() {
    try {
      for (String frame = Seed004Framer.readFrame(in);
          frame != null;
          frame = Seed004Framer.readFrame(in)) {
        handle(frame);
      }
      String leave = console.isInteractive() ? " (press Enter to leave)" : "";
      console.print("the server closed the connection" + leave);
    } catch (IOException e) {
      if (!stopping) {
        console.print("the connection to the server broke: " + e.getMessage());
      }
    } finally {
      firstList.countDown();
    }
  }

  private void handle(String frame) {
    try {
      switch (Seed004Codec.decode(frame)) {
        case UserList list -> updateDirectory(list);
        case ChatMessage message -> printMessage(message);
        case ErrorReply error -> console.print("server: " + TerminalText.sanitize(error.message()));
        case Seed004Message other ->
            console.print(
                "ignored an unexpected " + Seed004Codec.typeName(other) + " from the server");
      }
    } catch (Seed004FormatException e) {
      console.print("refused a frame from the server: " + e.getMessage());
    }
  }

  private void updateDirectory(UserList list) {
    Map<String, LegacyRsaPublicKey> checked = new TreeMap<>();
    for (Map.Entry<String, DirectoryEntry> user : list.users().entrySet()) {
      try {
        checked.put(user.getKey(), checkedKey(user.getKey(), user.getValue()));
      } catch (ProtocolException | Seed004FormatException | RecordException e) {
        console.print(
            "ignored the user_list entry "
                + ProtocolException.quote(user.getKey())
                + ": "
                + e.getMessage());
      }
    }
    if (!checked.equals(directory)) {
      directory = Map.copyOf(checked);
      console.print("users: " + String.join(", ", checked.keySet()));
    }
    firstList.countDown();
  }

  /**
   * The seed's directory check: the server's signature over SHA-256 of the key text. It binds the
   * key to the server's key from the handshake, not to the name, which is not signed.
   */
  private LegacyRsaPublicKey checkedKey(String name, DirectoryEntry entry)
      throws ProtocolException, Seed004FormatException, RecordException {
    Username.parse(name);
    if (!name.equals(entry.username())) {
      throw new Seed004FormatException(
          "its username says " + ProtocolException.quote(entry.username()));
    }
    byte[] keyText = entry.publicKey().getBytes(UTF_8);
    LegacyTextbookRsa.verifySha256(keyText, entry.signature(), serverKey);
    return LegacyRsaPublicKey.parseKeyText(entry.publicKey());
  }

  private void printMessage(ChatMessage message) {
    String sender = TerminalText.sanitize(message.sender().orElse("?"));
    try {
      LegacyRsaDesCipher.Opened opened =
          LegacyRsaDesCipher.open(message.encryptedPackage(), clientKey);
      console.print("[" + sender + "] " + TerminalText.sanitize(opened.text()));
    } catch (Seed004FormatException | RecordException e) {
      console.print("refused a message from " + sender + ": " + e.getMessage());
    }
  }
}
