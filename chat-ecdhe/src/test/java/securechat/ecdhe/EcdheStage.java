package securechat.ecdhe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import securechat.core.channel.ChannelSecurity;
import securechat.core.channel.SealedLineChannel;
import securechat.core.contract.StageUnderTest;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Limits;
import securechat.core.protocol.ProtocolException;
import securechat.testkit.MemoryLink;

/**
 * The ecdhe stage for the behaviour contracts. The contracts speak raw lines over a socket, and an
 * ecdhe connection carries tokens, so the test client is a translator: the socket handed to the
 * test is one end of an in-memory link, and two virtual threads seal every raw line the test writes
 * (whatever its bytes: oversize, invalid UTF-8, half a line) into a token on the real connection,
 * and open every token the server sends back into a raw line.
 */
final class EcdheStage implements StageUnderTest {
  private final ServerIdentity identity;

  private EcdheStage(ServerIdentity identity) {
    this.identity = identity;
  }

  static EcdheStage withFreshIdentity() {
    try {
      return new EcdheStage(ServerIdentity.generate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an Ed25519 key", e);
    }
  }

  @Override
  public String name() {
    return "ecdhe";
  }

  @Override
  public ChannelSecurity serverSecurity(Limits limits, Path dataDir) throws IOException {
    return EcdheSecurity.server(
        Optional.of(identity),
        List.of(Curve.values()),
        limits,
        Clock.systemUTC(),
        Optional.empty());
  }

  @Override
  public Socket connect(Socket unconnected, InetSocketAddress server) throws IOException {
    unconnected.connect(server, 5_000);
    unconnected.setSoTimeout(10_000);
    EcdheSecurity client =
        EcdheSecurity.client(
            Curve.X25519,
            Optional.empty(),
            "test",
            Limits.DEFAULTS,
            Clock.systemUTC(),
            Optional.empty());
    SealedLineChannel sealed;
    try {
      sealed = (SealedLineChannel) client.connect(unconnected);
    } catch (securechat.core.channel.HandshakeException e) {
      throw new IOException("test handshake failed: " + e.getMessage(), e);
    }
    unconnected.setSoTimeout(0);
    MemoryLink link = MemoryLink.pair();
    Socket translator = link.server();
    Thread.ofVirtual().name("test sealer").start(() -> sealLines(translator, sealed));
    Thread.ofVirtual().name("test opener").start(() -> openTokens(sealed, translator));
    return link.client();
  }

  /** Raw lines from the test → one token each. A half line at the end is dropped, as TCP would. */
  private static void sealLines(Socket translator, SealedLineChannel sealed) {
    try (InputStream in = translator.getInputStream()) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          sealed.sendBytes(line.toByteArray());
          line.reset();
        } else {
          line.write(b);
        }
      }
    } catch (IOException e) {
      // The connection ended; closing below tells the other side.
    }
    closeQuietly(sealed);
  }

  /** Tokens from the server → raw lines for the test; the end of the stream closes the link. */
  private static void openTokens(SealedLineChannel sealed, Socket translator) {
    try (OutputStream out = translator.getOutputStream()) {
      while (true) {
        byte[] line;
        try {
          line = sealed.receiveBytes();
        } catch (ProtocolException notALine) {
          continue;
        }
        if (line == null) {
          break;
        }
        out.write(line);
        out.write('\n');
        out.flush();
      }
      translator.close();
    } catch (IOException e) {
      // The test closed its end, or the connection broke: either way, we are done.
    }
    closeQuietly(sealed);
  }

  private static void closeQuietly(SealedLineChannel sealed) {
    try {
      sealed.close();
    } catch (IOException alreadyClosed) {
      // Nothing left to release.
    }
  }
}
