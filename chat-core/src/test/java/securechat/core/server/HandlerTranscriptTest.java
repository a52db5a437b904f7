package securechat.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.core.account.AccountStore;
import securechat.core.account.PasswordHasher;
import securechat.core.protocol.Limits;
import securechat.core.protocol.MessageCodec;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.ServerMessage;
import securechat.testkit.Transcript;

/**
 * Runs every conversation in {@code transcripts/} against the {@link CommandHandler} alone: no
 * sockets, no threads. Each client is a {@link Session} with a {@link RecordingOutbox}.
 */
class HandlerTranscriptTest {
  @TempDir Path dataDir;

  static List<Transcript> transcripts() {
    return Transcript.loadAll("transcripts");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transcripts")
  void conversationGoesAsWritten(Transcript transcript) throws IOException {
    AccountStore accounts = AccountStore.open(dataDir, PasswordHasher.forTests());
    CommandHandler handler = new CommandHandler(new Roster(), accounts);
    MessageCodec codec = new MessageCodec(Limits.DEFAULTS);
    Map<String, Session> sessions = new LinkedHashMap<>();
    Map<String, RecordingOutbox> outboxes = new LinkedHashMap<>();
    for (Transcript.Step step : transcript.steps()) {
      String where = transcript.name() + ":" + step.lineNumber();
      RecordingOutbox outbox = outboxes.computeIfAbsent(step.client(), c -> new RecordingOutbox());
      Session session =
          sessions.computeIfAbsent(
              step.client(),
              c -> new Session(sessions.size() + 1, c + ":test", outbox, Limits.DEFAULTS));
      switch (step) {
        case Transcript.Send send -> deliver(handler, codec, session, outbox, send.line());
        case Transcript.Expect expect ->
            assertThat(outbox.poll()).as(where).contains(expect.line());
      }
    }
    outboxes.forEach(
        (client, outbox) ->
            assertThat(outbox.takeAll())
                .as(transcript.name() + ": left over for " + client)
                .isEmpty());
  }

  /** What a connection does with one line: decode, handle, answer errors, end on quit. */
  private static void deliver(
      CommandHandler handler,
      MessageCodec codec,
      Session session,
      RecordingOutbox outbox,
      String line) {
    try {
      handler.handle(session, codec.decodeCommand(line));
    } catch (ProtocolException problem) {
      session.send(ServerMessage.ErrorReply.of(problem));
    }
    if (outbox.isClosed()) {
      handler.disconnected(session, "quit");
    }
  }
}
