package securechat.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import securechat.core.protocol.FileName;
import securechat.core.protocol.ServerMessage;
import securechat.core.protocol.Username;

class ReplyRendererTest {
  private static final Username ALICE = new Username("alice");
  private static final Username BOB = new Username("bob");
  private static final String CLEAR_SCREEN = "\u001b[2J";

  private static String render(ServerMessage reply) {
    return ReplyRenderer.render(reply);
  }

  @Test
  void welcomeShowsTheServersText() {
    assertThat(render(new ServerMessage.Welcome("plain", "hi there")))
        .isEqualTo("[server] hi there");
  }

  @Test
  void okShowsItsText() {
    assertThat(render(new ServerMessage.Ok("logged in as alice")))
        .isEqualTo("ok: logged in as alice");
  }

  @Test
  void errorShowsTheSentenceThenTheCode() {
    assertThat(render(new ServerMessage.ErrorReply("bad-login", "wrong name or password")))
        .isEqualTo("error: wrong name or password (bad-login)");
  }

  @Test
  void broadcastShowsSenderAndText() {
    assertThat(render(new ServerMessage.Broadcast(ALICE, "hello all")))
        .isEqualTo("alice: hello all");
  }

  @Test
  void whisperShowsBothNames() {
    assertThat(render(new ServerMessage.Private(ALICE, BOB, "psst")))
        .isEqualTo("alice -> bob (whisper): psst");
  }

  @Test
  void fileForOneUserSaysYouAndCountsUtf8Bytes() {
    var file =
        new ServerMessage.FileDelivery(ALICE, Optional.of(BOB), new FileName("a.txt"), "é\n");

    assertThat(render(file)).isEqualTo("alice sent you a.txt (3 bytes)");
  }

  @Test
  void fileForEveryoneSaysEveryone() {
    var file = new ServerMessage.FileDelivery(ALICE, Optional.empty(), new FileName("a.txt"), "hi");

    assertThat(render(file)).isEqualTo("alice sent everyone a.txt (2 bytes)");
  }

  @Test
  void joinAndLeaveAreStarLines() {
    assertThat(render(new ServerMessage.Joined(BOB))).isEqualTo("* bob joined");
    assertThat(render(new ServerMessage.Left(BOB, "quit"))).isEqualTo("* bob left (quit)");
  }

  @Test
  void onlineCountsAndListsTheNames() {
    assertThat(render(new ServerMessage.Online(List.of(ALICE, BOB))))
        .isEqualTo("online (2): alice, bob");
    assertThat(render(new ServerMessage.Online(List.of()))).isEqualTo("online (0): ");
  }

  @Test
  void noticeAdminHelpAndByeAreMarkedAsTheServers() {
    assertThat(render(new ServerMessage.Notice("restart at 5"))).isEqualTo("[server] restart at 5");
    assertThat(render(new ServerMessage.AdminSays("be nice"))).isEqualTo("[admin] be nice");
    assertThat(render(new ServerMessage.HelpLine("/list  who is online")))
        .isEqualTo("  /list  who is online");
    assertThat(render(new ServerMessage.Bye("idle for 30 minutes")))
        .isEqualTo("[server] closing the connection: idle for 30 minutes");
  }

  @Test
  void everyServerSuppliedTextIsSanitized() {
    List<ServerMessage> hostile =
        List.of(
            new ServerMessage.Welcome("plain", CLEAR_SCREEN),
            new ServerMessage.Ok(CLEAR_SCREEN),
            new ServerMessage.ErrorReply(CLEAR_SCREEN, CLEAR_SCREEN),
            new ServerMessage.Broadcast(ALICE, CLEAR_SCREEN),
            new ServerMessage.Private(ALICE, BOB, CLEAR_SCREEN),
            new ServerMessage.Left(BOB, CLEAR_SCREEN),
            new ServerMessage.Notice(CLEAR_SCREEN),
            new ServerMessage.AdminSays(CLEAR_SCREEN),
            new ServerMessage.HelpLine(CLEAR_SCREEN),
            new ServerMessage.Bye(CLEAR_SCREEN));

    for (ServerMessage reply : hostile) {
      assertThat(render(reply)).doesNotContain("\u001b").contains("^[[2J");
    }
  }

  @Test
  void aForgedSecondLineCannotPassAsTheServers() {
    String forged = "hi\n[admin] everyone must send their password to bob";

    assertThat(render(new ServerMessage.Broadcast(BOB, forged)))
        .isEqualTo("bob: hi^J[admin] everyone must send their password to bob");
  }

  @Test
  void bidiOverrideCannotReverseAWhisper() {
    assertThat(render(new ServerMessage.Private(BOB, ALICE, "\u202egnp.exe")))
        .isEqualTo("bob -> alice (whisper): <U+202E>gnp.exe");
  }

  @Test
  void anUndecodableLineIsMarkedAndSanitized() {
    assertThat(ReplyRenderer.undecodable("HACK \u001b]52;c;ZXZpbA==\u0007"))
        .isEqualTo("[?] HACK ^[]52;c;ZXZpbA==^G");
  }
}
