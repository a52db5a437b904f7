package securechat.core.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.channel.PeerIdentity;
import securechat.core.channel.UserDirectory;
import securechat.core.protocol.ErrorCode;
import securechat.core.protocol.Limits;
import securechat.core.protocol.MessageCodec;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.ServerMessage;
import securechat.core.protocol.Username;

/**
 * The seam the e2e stage's key directory plugs into: a login must be for the name the handshake
 * proved, the directory is asked before anyone goes online, and its entry goes out before {@code
 * JOIN} and in answer to {@code /key}.
 */
class HandlerDirectoryTest {
  @TempDir Path dataDir;

  private final MessageCodec codec = new MessageCodec(Limits.DEFAULTS);
  private final RecordingDirectory directory = new RecordingDirectory();
  private CommandHandler handler;

  @BeforeEach
  void setUp() throws Exception {
    AccountStore accounts = AccountStore.open(dataDir, PasswordHasher.forTests());
    handler = new CommandHandler(new Roster(), accounts, directory);
  }

  @Test
  void theDirectoryEntryGoesBeforeJoinAndAnswersKeyRequests() throws Exception {
    RecordingOutbox bob = new RecordingOutbox();
    Session bobSession = provenSession(2, "bob", bob);
    send(bobSession, "/register bob pw-of-bob-1");
    bob.takeAll();
    RecordingOutbox alice = new RecordingOutbox();
    Session aliceSession = provenSession(1, "alice", alice);

    send(aliceSession, "/register alice pw-of-alice-1");

    assertThat(directory.admitted).containsExactly("bob new", "alice new");
    assertThat(bob.takeAll()).containsExactly("KEY alice entry-of-alice", "JOIN alice");
    send(aliceSession, "/key bob");
    assertThat(alice.takeAll()).last().isEqualTo("KEY bob entry-of-bob");
  }

  @Test
  void aLoginForAnotherNameThanTheProvenOneIsRefused() throws Exception {
    RecordingOutbox out = new RecordingOutbox();
    Session session = provenSession(1, "alice", out);

    send(session, "/register mallory pw-of-mallory-1");

    assertThat(out.takeAll())
        .containsExactly(
            "ERR identity-mismatch this connection proved the identity of alice,"
                + " so it can log in as alice only");
    assertThat(session.user()).isEmpty();
    assertThat(directory.admitted).isEmpty();
  }

  @Test
  void aRefusalOfTheDirectoryKeepsTheUserOffline() throws Exception {
    Session first = provenSession(1, "alice", new RecordingOutbox());
    send(first, "/register alice pw-of-alice-1");
    send(first, "/quit");
    directory.refuse = true;
    RecordingOutbox out = new RecordingOutbox();
    Session again = provenSession(2, "alice", out);

    send(again, "/login alice pw-of-alice-1");

    assertThat(out.takeAll()).containsExactly("ERR identity-mismatch other keys");
    assertThat(again.user()).isEmpty();
  }

  @Test
  void withoutADirectoryKeyRequestsAreAnsweredWithASentence() throws Exception {
    CommandHandler plain =
        new CommandHandler(
            new Roster(), AccountStore.open(dataDir.resolve("p"), PasswordHasher.forTests()));
    RecordingOutbox out = new RecordingOutbox();
    Session session = new Session(1, "test", out, Limits.DEFAULTS);

    assertThatThrownBy(() -> plain.handle(session, codec.decodeCommand("/key bob")))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("this server keeps no key directory (only the e2e stage has one)");
  }

  private Session provenSession(int id, String name, RecordingOutbox out) throws Exception {
    Session session = new Session(id, "test:" + id, out, Limits.DEFAULTS);
    session.handshakeProved(Optional.of(new PeerIdentity(Username.parse(name), "keys-" + name)));
    return session;
  }

  private void send(Session session, String line) throws Exception {
    try {
      handler.handle(session, codec.decodeCommand(line));
    } catch (ProtocolException problem) {
      session.send(ServerMessage.ErrorReply.of(problem));
    }
    if (line.equals("/quit")) {
      handler.disconnected(session, "quit");
    }
  }

  /** Admits everyone (unless told to refuse) and makes up an entry per admitted name. */
  private static final class RecordingDirectory implements UserDirectory {
    final List<String> admitted = new ArrayList<>();
    final Map<Username, String> entries = new HashMap<>();
    boolean refuse;

    @Override
    public void admit(Optional<PeerIdentity> peer, Username name, boolean newAccount)
        throws ProtocolException {
      if (refuse) {
        throw new ProtocolException(ErrorCode.IDENTITY_MISMATCH, "other keys");
      }
      admitted.add(name + (newAccount ? " new" : " login"));
      entries.put(name, "entry-of-" + name);
    }

    @Override
    public Optional<String> entry(Username name) {
      return Optional.ofNullable(entries.get(name));
    }
  }
}
