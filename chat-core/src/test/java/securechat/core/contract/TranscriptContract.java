package securechat.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.core.protocol.Limits;
import securechat.testkit.Transcript;
import securechat.testkit.WireClient;

/**
 * Runs every conversation in {@code transcripts/} (testkit's resources, so every module finds them)
 * against a real server of one stage over loopback: the same files the handler test runs without
 * sockets. A stage runs it by extending it and naming itself in {@link #stage()}.
 */
public abstract class TranscriptContract {
  @TempDir Path dataDir;

  /**
   * The stage whose transport these conversations run over. Called once per server started; that
   * one object builds the server and connects every client to it, so it may carry state between
   * them.
   */
  protected abstract StageUnderTest stage();

  static List<Transcript> transcripts() {
    return Transcript.loadAll("transcripts");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transcripts")
  @Timeout(30)
  public void conversationGoesAsWritten(Transcript transcript) throws Exception {
    Map<String, WireClient> clients = new LinkedHashMap<>();
    try (ServerFixture fixture = new ServerFixture(stage(), dataDir, Limits.DEFAULTS)) {
      for (Transcript.Step step : transcript.steps()) {
        WireClient client = clients.get(step.client());
        if (client == null) {
          client = fixture.connect();
          clients.put(step.client(), client);
        }
        switch (step) {
          case Transcript.Send send -> client.send(send.line());
          case Transcript.Expect expect ->
              assertThat(client.next())
                  .as(transcript.name() + ":" + step.lineNumber())
                  .isEqualTo(expect.line());
        }
      }
    } finally {
      for (WireClient client : clients.values()) {
        client.close();
      }
    }
  }
}
