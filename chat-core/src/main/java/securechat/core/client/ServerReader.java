package securechat.core.client;

import static securechat.core.terminal.TerminalText.sanitize;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.ClientMessage;
import securechat.core.protocol.MessageCodec;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.ServerMessage;
import securechat.core.protocol.Username;
import securechat.core.terminal.ConsoleView;

/**
 * The client's reader thread: receives every line the server sends until the connection ends, and
 * shows each one on the console.
 *
 * <pre>
 *   channel.receive() ─▶ MessageCodec.decodeReply ─▶ ReplyRenderer ─▶ console.print
 *                              │ undecodable: "[?] line"     └─ FILE: saved by Downloads first
 * </pre>
 *
 * <p>Three lines also change what the client does: after the first {@code WELCOME} it logs in (if
 * the settings name a user); the answer to that ({@code OK} or {@code ERR}) makes it ready; {@code
 * BYE} marks the coming close as expected. An {@code ERR} never stops the client.
 */
final class ServerReader implements Runnable {
  private final LineChannel channel;
  private final ClientSettings settings;
  private final ConsoleView console;
  private final MessageCodec codec;
  private final Downloads downloads;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile boolean welcomed;
  private volatile boolean byeReceived;
  private volatile boolean endExpected;
  private volatile boolean endedUnexpectedly;

  ServerReader(LineChannel channel, ClientSettings settings, ConsoleView console) {
    this.channel = channel;
    this.settings = settings;
    this.console = console;
    this.codec = new MessageCodec(settings.limits());
    this.downloads = new Downloads(settings.downloadsDir());
  }

  @Override
  public void run() {
    try {
      receiveUntilClosed();
      endedUnexpectedly = !byeReceived && !endExpected;
      if (endedUnexpectedly) {
        console.print("connection closed by the server");
      }
    } catch (IOException e) {
      endedUnexpectedly = !byeReceived && !endExpected;
      if (endedUnexpectedly) {
        console.print("connection lost: " + sanitize(ChatClient.reason(e)));
      }
    } finally {
      if (!endExpected && console.isInteractive()) {
        // The console is blocked reading the user's line and cannot be woken up from here.
        console.print("(disconnected: press Enter to leave)");
      }
      ready.countDown();
      ended.countDown();
    }
  }

  /** Tells the reader that we are about to quit or close, so the end is not reported as a drop. */
  void expectEnd() {
    endExpected = true;
  }

  boolean hasEnded() {
    return ended.getCount() == 0;
  }

  boolean endedUnexpectedly() {
    return endedUnexpectedly;
  }

  boolean awaitReady(Duration timeout) {
    return await(ready, timeout);
  }

  boolean awaitEnd(Duration timeout) {
    return await(ended, timeout);
  }

  private void receiveUntilClosed() throws IOException {
    while (true) {
      String rawLine;
      try {
        rawLine = channel.receive();
      } catch (ProtocolException badLine) {
        // Too long or not UTF-8: the framer skipped it and the channel is still usable.
        console.print(ReplyRenderer.undecodable(badLine.sentence()));
        continue;
      }
      if (rawLine == null) {
        return;
      }
      show(rawLine);
    }
  }

  private void show(String rawLine) throws IOException {
    ServerMessage reply;
    try {
      reply = codec.decodeReply(rawLine);
    } catch (ProtocolException undecodable) {
      console.print(ReplyRenderer.undecodable(rawLine));
      return;
    }
    if (reply instanceof ServerMessage.FileDelivery file) {
      console.print(ReplyRenderer.render(file) + save(file));
    } else {
      console.print(ReplyRenderer.render(reply));
    }
    react(reply);
  }

  private void react(ServerMessage reply) throws IOException {
    if (reply instanceof ServerMessage.Welcome && !welcomed) {
      welcomed = true;
      if (settings.user().isPresent()) {
        logIn(settings.user().get());
      } else {
        ready.countDown();
      }
    } else if (reply instanceof ServerMessage.Ok || reply instanceof ServerMessage.ErrorReply) {
      ready.countDown();
    } else if (reply instanceof ServerMessage.Bye) {
      byeReceived = true;
    }
  }

  private void logIn(Username user) throws IOException {
    ClientMessage command =
        settings.register()
            ? new ClientMessage.Register(user, settings.password())
            : new ClientMessage.Login(user, settings.password());
    channel.send(codec.encode(command));
  }

  /** Saves a received file; returns what to add to its line: where it went, or why not. */
  private String save(ServerMessage.FileDelivery file) {
    try {
      Path saved = downloads.save(file.name().value(), file.content());
      return ", saved to " + sanitize(saved.toString());
    } catch (ProtocolException | IOException e) {
      return ", not saved: " + sanitize(ChatClient.reason(e));
    }
  }

  private static boolean await(CountDownLatch latch, Duration timeout) {
    try {
      return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
