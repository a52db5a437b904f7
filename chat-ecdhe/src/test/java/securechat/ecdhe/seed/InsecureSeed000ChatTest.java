package securechat.ecdhe.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import securechat.core.terminal.RecordingConsole;
import securechat.testkit.MemoryLink;

/** The seed's console rules, over an in-memory link: what is sent, what is printed. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InsecureSeed000ChatTest {
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final MemoryLink link = MemoryLink.pair();

  @AfterEach
  void closeLink() throws Exception {
    link.client().close();
    link.server().close();
    threads.shutdownNow();
  }

  @Test
  void exitIsNeverSentAndALeadingBackslashIsDropped() throws Exception {
    RecordingConsole admin = new RecordingConsole(false, "hello", "\\exit", "exit", "never sent");
    Seed000Session client = connectedClient(SeedFraming.RAW, admin);

    assertThat(client.receive()).isEqualTo("hello");
    assertThat(client.receive()).isEqualTo("exit");
    assertThat(client.receive()).isNull();
  }

  @Test
  void receivedTextIsSanitizedAndABadTokenCostsOneLine() throws Exception {
    RecordingConsole admin = RecordingConsole.silent();
    Seed000Session client = connectedClient(SeedFraming.LEN32, admin);

    client.send("\u001b[2Jhi");
    SeedFraming.LEN32.writeToken(link.client().getOutputStream(), "gAAAAAnot-a-token");
    client.send("still here");
    client.close();

    assertThat(admin.nextLine()).isEqualTo("client: ^[[2Jhi");
    assertThat(admin.nextLine()).startsWith("refused a token from the client: ");
    assertThat(admin.nextLine()).isEqualTo("client: still here");
    assertThat(admin.nextLine()).isEqualTo("the client closed the connection");
  }

  @Test
  void longMessageInRawFramingWarnsThatTheOriginalCannotReadIt() throws Exception {
    RecordingConsole admin = new RecordingConsole(false, "é".repeat(352));
    Seed000Session client = connectedClient(SeedFraming.RAW, admin);

    assertThat(client.receive()).isEqualTo("é".repeat(352));
    assertThat(admin.nextLine())
        .isEqualTo(
            "note: this message makes a 1036-character token; the original seed 000 v1 reads"
                + " 1024 bytes at a time and cannot decrypt it");
  }

  /**
   * Runs the handshake, then the server's console loop on {@code admin} in the background; returns
   * the client's session for the test to play the peer.
   */
  private Seed000Session connectedClient(SeedFraming framing, RecordingConsole admin)
      throws Exception {
    CompletableFuture<Seed000Session> server =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Seed000Handshake.server(link.server(), framing);
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            },
            threads);
    Seed000Session client = Seed000Handshake.client(link.client(), framing);
    Seed000Session serverSession = server.get(5, TimeUnit.SECONDS);
    threads.submit(
        () -> {
          InsecureSeed000Chat.converse(serverSession, admin, "client");
          return null;
        });
    return client;
  }
}
