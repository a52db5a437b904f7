package securechat.e2e.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import securechat.core.terminal.ScriptedConsole;

/** A real seed 004 server and clients on loopback, each program on its own thread. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InsecureLegacySeed004IT {
  private LoopbackSeed004 lab;

  @BeforeEach
  void startServer() throws Exception {
    lab = LoopbackSeed004.start();
  }

  @AfterEach
  void stopThreads() {
    lab.close();
  }

  @Test
  void aliceSendsBobAMessageAndBobPrintsIt() throws Exception {
    ScriptedConsole alice = lab.joined("alice", "users: alice");
    ScriptedConsole bob = lab.joined("bob", "users: alice, bob");
    assertThat(alice.nextLine()).isEqualTo("users: alice, bob");

    alice.type("bob:hello bob");

    assertThat(bob.nextLine()).isEqualTo("[alice] hello bob");
    assertThat(lab.serverConsole().nextLineStartingWith("alice -> bob: "))
        .endsWith(" bytes forwarded");
    bob.type("alice: hi alice, ünïcödé ✓");
    assertThat(alice.nextLine()).isEqualTo("[bob] hi alice, ünïcödé ✓");
    assertThat(alice.prompts()).startsWith("username: ");
  }

  @Test
  void linesTypedAheadWaitForTheFirstUserList() throws Exception {
    ScriptedConsole bob = lab.joined("bob", "users: bob");
    ScriptedConsole alice = new ScriptedConsole("alice");
    // As when a script pipes its input: everything is there before the server has said a word.
    alice.type("alice");
    alice.type("bob:typed ahead");
    lab.startClient(alice, lab.port());

    assertThat(bob.nextLineStartingWith("[alice]")).isEqualTo("[alice] typed ahead");
  }

  @Test
  void badLinesAreAnsweredWithOneErrorLineAndTheClientGoesOn() throws Exception {
    ScriptedConsole alice = lab.joined("alice", "users: alice");

    alice.type("no colon here");
    alice.type("carol:hello");
    alice.type("alice:");
    alice.type("alice:note to self");

    assertThat(alice.nextLine()).isEqualTo("error: type recipient:message, or quit");
    assertThat(alice.nextLine())
        .isEqualTo("error: no user named 'carol' is in the list; the users are alice");
    assertThat(alice.nextLine()).isEqualTo("error: type recipient:message, or quit");
    assertThat(alice.nextLine()).isEqualTo("[alice] note to self");
  }

  @Test
  void invalidUsernameIsAskedAgainAndATakenOneIsRefusedByTheServer() throws Exception {
    lab.joined("alice", "users: alice");
    ScriptedConsole second = new ScriptedConsole("second alice");
    Future<?> client = lab.startClient(second, lab.port());
    second.type("Not A Name!");
    assertThat(second.nextLineStartingWith("error: ")).contains("is not a valid name");

    second.type("alice");

    assertThat(second.nextLine()).isEqualTo("server: the name 'alice' is taken");
    assertThat(second.nextLine()).isEqualTo("the server closed the connection");
    second.endInput();
    client.get(10, TimeUnit.SECONDS);
  }

  @Test
  void leavingUpdatesEveryoneElsesList() throws Exception {
    ScriptedConsole alice = lab.joined("alice", "users: alice");
    ScriptedConsole bob = lab.joined("bob", "users: alice, bob");
    assertThat(alice.nextLine()).isEqualTo("users: alice, bob");

    bob.type("quit");

    assertThat(alice.nextLine()).isEqualTo("users: alice");
    assertThat(lab.serverConsole().nextLineStartingWith("bob left")).isEqualTo("bob left");
  }

  @Test
  void exitStopsTheServerAndEveryClientSeesItGo() throws Exception {
    ScriptedConsole alice = lab.joined("alice", "users: alice");

    lab.serverConsole().type("exit");

    assertThat(lab.serverConsole().nextLineStartingWith("server stopped"))
        .isEqualTo("server stopped");
    lab.awaitServerEnd();
    assertThat(alice.nextLine()).isEqualTo("the server closed the connection");
    alice.endInput();
  }

  @Test
  void endOfTheServersInputStopsItToo() throws Exception {
    lab.serverConsole().endInput();

    lab.awaitServerEnd();
    assertThat(lab.serverConsole().printed()).last().isEqualTo("server stopped");
  }

  @Test
  void clientWithNoServerFailsWithASentence() throws Exception {
    lab.serverConsole().type("exit");
    lab.awaitServerEnd();
    ScriptedConsole nobody = new ScriptedConsole("nobody");

    assertThatThrownBy(() -> lab.startClient(nobody, lab.port()).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasMessageContaining("Connection refused");
  }
}
