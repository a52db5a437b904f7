package securechat.ecdhe.seed;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import securechat.core.channel.HandshakeException;
import securechat.core.channel.RecordException;
import securechat.ecdhe.Fernet;
import securechat.testkit.MemoryLink;

/** Our two sides of seed 000, over an in-memory link: same key, messages both ways, bad peers. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Seed000HandshakeTest {

  @ParameterizedTest
  @EnumSource(SeedFraming.class)
  void bothSidesDeriveOneKeyAndMessagesFlowBothWays(SeedFraming framing) throws Exception {
    MemoryLink link = MemoryLink.pair();
    CompletableFuture<Seed000Session> server = serverSide(link, framing);
    try (Seed000Session client = Seed000Handshake.client(link.client(), framing);
        Seed000Session serverSession = server.get(5, TimeUnit.SECONDS)) {

      assertThat(client.keyFingerprint()).hasSize(16).isEqualTo(serverSession.keyFingerprint());
      client.send("héllo ✓");
      client.send("x".repeat(704));
      serverSession.send("");
      assertThat(serverSession.receive()).isEqualTo("héllo ✓");
      assertThat(serverSession.receive()).isEqualTo("x".repeat(704));
      assertThat(client.receive()).isEmpty();
      client.close();
      assertThat(serverSession.receive()).isNull();
    }
  }

  @Test
  void serverRefusesAnythingButAck() throws Exception {
    MemoryLink link = MemoryLink.pair();
    CompletableFuture<Seed000Session> server = serverSide(link, SeedFraming.RAW);
    OutputStream toServer = link.client().getOutputStream();
    InputStream fromServer = link.client().getInputStream();

    toServer.write(SeedPem.encode(P384.newKeyPair().getPublic()));
    SeedPem.readP384(fromServer);
    toServer.write("NAK".getBytes(US_ASCII));

    assertThatThrownBy(() -> server.join())
        .hasCauseInstanceOf(HandshakeException.class)
        .cause()
        .hasMessage("the peer sent 'NAK' where seed 000 expects ACK");
  }

  @Test
  void clientNamesASaltCutShort() throws Exception {
    MemoryLink link = MemoryLink.pair();
    CompletableFuture<Void> fakeServer =
        CompletableFuture.runAsync(
            () -> {
              try {
                InputStream in = buffered(link.server());
                SeedPem.readP384(in);
                link.server()
                    .getOutputStream()
                    .write(SeedPem.encode(P384.newKeyPair().getPublic()));
                in.readNBytes(3);
                link.server().getOutputStream().write(new byte[5]);
                link.server().close();
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            },
            Executors.newVirtualThreadPerTaskExecutor());

    assertThatThrownBy(() -> Seed000Handshake.client(link.client(), SeedFraming.LEN32))
        .isInstanceOf(HandshakeException.class)
        .hasMessage("the peer closed the connection after 5 of the 16 bytes of its salt");
    fakeServer.get(5, TimeUnit.SECONDS);
  }

  @Test
  void replayedTokenIsAcceptedAgainBecauseSeed000HasNoSequenceNumbers() throws Exception {
    MemoryLink link = MemoryLink.pair();
    byte[] key = new byte[32];
    Seed000Session session =
        new Seed000Session(link.server(), buffered(link.server()), SeedFraming.LEN32, key.clone());
    String token = new Fernet(key).encrypt("transfer 100".getBytes(UTF_8), Instant.now());
    OutputStream attacker = link.client().getOutputStream();

    SeedFraming.LEN32.writeToken(attacker, token);
    SeedFraming.LEN32.writeToken(attacker, token);

    assertThat(session.receive()).isEqualTo("transfer 100");
    assertThat(session.receive()).isEqualTo("transfer 100");
  }

  @Test
  void tokenUnderAnotherKeyIsRefusedAndTheSessionGoesOn() throws Exception {
    MemoryLink link = MemoryLink.pair();
    byte[] key = new byte[32];
    Seed000Session session =
        new Seed000Session(link.server(), buffered(link.server()), SeedFraming.RAW, key);
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    OutputStream attacker = link.client().getOutputStream();

    SeedFraming.RAW.writeToken(attacker, new Fernet(otherKey).encrypt(new byte[3], Instant.now()));
    SeedFraming.RAW.writeToken(
        attacker, new Fernet(key).encrypt(new byte[] {'o', 'k'}, Instant.now()));

    assertThatThrownBy(session::receive)
        .isInstanceOf(RecordException.class)
        .extracting(e -> ((RecordException) e).reason())
        .isEqualTo(RecordException.Reason.TAMPERED);
    assertThat(session.receive()).isEqualTo("ok");
  }

  /**
   * The socket's input behind a buffer, as the handshake has it. A bare MemoryLink stream blocks on
   * a read of 0 bytes, which {@link InputStream#readNBytes} makes once it has all it wants.
   */
  private static InputStream buffered(Socket socket) throws IOException {
    return new BufferedInputStream(socket.getInputStream());
  }

  private static CompletableFuture<Seed000Session> serverSide(
      MemoryLink link, SeedFraming framing) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return Seed000Handshake.server(link.server(), framing);
          } catch (Exception e) {
            throw new CompletionException(e);
          }
        },
        Executors.newVirtualThreadPerTaskExecutor());
  }
}
