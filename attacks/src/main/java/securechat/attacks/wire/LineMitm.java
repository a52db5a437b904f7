package securechat.attacks.wire;

import java.io.IOException;
import java.net.Socket;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import securechat.attacks.wire.LineRewriter.Direction;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.LineChannel;
import securechat.core.protocol.ProtocolException;

/**
 * The active man in the middle: runs the stage's handshake twice, as the server towards the victim
 * and as a client towards the real server, so that each side has a protected channel, with the
 * attacker. Every line then crosses the attacker in clear and goes through a {@link LineRewriter}.
 *
 * <p>Whether this works is the lesson: it needs the victim to accept the attacker's handshake (a
 * certificate from the wrong CA, an unknown server key, no signature at all). A victim that checks
 * refuses, and {@link #handle} reports the refusal to {@code events}.
 */
public final class LineMitm implements ConnectionHandler {
  private final ChannelSecurity towardVictim;
  private final ChannelSecurity towardServer;
  private final LineRewriter rewriter;
  private final Consumer<String> events;

  /**
   * @param towardVictim the attacker's server side, facing the victim client
   * @param towardServer the attacker's client side, facing the real server
   * @param events told one sentence per thing that happened: handshakes, refusals, the end
   */
  public LineMitm(
      ChannelSecurity towardVictim,
      ChannelSecurity towardServer,
      LineRewriter rewriter,
      Consumer<String> events) {
    this.towardVictim = Objects.requireNonNull(towardVictim, "towardVictim");
    this.towardServer = Objects.requireNonNull(towardServer, "towardServer");
    this.rewriter = Objects.requireNonNull(rewriter, "rewriter");
    this.events = Objects.requireNonNull(events, "events");
  }

  @Override
  public void handle(Socket victim, Socket server) throws IOException {
    LineChannel toVictim;
    try {
      toVictim = towardVictim.accept(victim);
    } catch (HandshakeException | IOException e) {
      events.accept("the victim refused the attacker's handshake: " + e.getMessage());
      return;
    }
    events.accept("the victim accepted the attacker's handshake: " + toVictim.info().protection());
    try (toVictim;
        LineChannel toServer = towardServer.connect(server)) {
      events.accept("the server accepted the attacker as a client");
      Thread up =
          Thread.ofVirtual()
              .name("mitm victim→server")
              .start(() -> pump(toVictim, toServer, Direction.TO_SERVER));
      pump(toServer, toVictim, Direction.TO_CLIENT);
      up.join();
    } catch (HandshakeException e) {
      events.accept("the real server refused the attacker: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pump(LineChannel from, LineChannel to, Direction direction) {
    try {
      String line;
      while ((line = from.receive()) != null) {
        Optional<String> forwarded = rewriter.rewrite(direction, line);
        if (forwarded.isPresent()) {
          to.send(forwarded.get());
        }
      }
      to.shutdownOutput();
    } catch (IOException | ProtocolException e) {
      events.accept(
          (direction == Direction.TO_SERVER ? "victim" : "server")
              + " side ended: "
              + e.getMessage());
      closeQuietly(to);
    }
  }

  private static void closeQuietly(LineChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Closing is all that was left to do; the relay closes the sockets too.
    }
  }
}
