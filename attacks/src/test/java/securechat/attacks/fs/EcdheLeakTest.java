package securechat.attacks.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import securechat.attacks.legacy.LegacyCaptureFile;
import securechat.attacks.legacy.RecordedConnection;
import securechat.sniffer.dissect.EcdheKeyLog;

/**
 * The ecdhe row's two halves on the committed capture of one ecdhe session (no network): an Ed25519
 * key derives nothing that opens it, and the session's key log opens every token.
 */
class EcdheLeakTest {
  @TempDir Path folder;

  private final RecordedConnection session = session();
  private final EcdheTranscript transcript =
      EcdheTranscript.read(session.clientToServer(), session.serverToClient());

  @Test
  void theTranscriptHoldsBothEphemeralKeysTheSaltAndTheTokens() {
    assertThat(transcript.clientEphemeral().getAlgorithm()).isEqualTo("XDH");
    assertThat(transcript.serverEphemeral().getAlgorithm()).isEqualTo("XDH");
    assertThat(transcript.salt()).hasSize(32);
    assertThat(transcript.clientNonce()).hasSize(32);
    assertThat(transcript.tokensUp()).isNotEmpty();
    assertThat(transcript.tokensDown()).isNotEmpty();
  }

  @Test
  void anEd25519KeyTriedAgainstBothEphemeralKeysOpensNoToken() throws Exception {
    var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path file =
        Files.writeString(
            folder.resolve("identity.pem"),
            "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n",
            StandardCharsets.US_ASCII);

    List<Attempt> attempts =
        EcdheLeak.attempt(LeakedKey.read("identity", file), transcript, "connection 1");

    assertThat(attempts).hasSize(2).allMatch(Attempt::derivedSecret).noneMatch(Attempt::opened);
    assertThat(attempts.get(0).description()).endsWith("the first token fails its HMAC");
  }

  @Test
  void theSessionsKeyLogOpensEveryTokenBothWays() throws Exception {
    List<String> lines =
        EcdheLeak.control(EcdheKeyLog.read(capture("stage-ecdhe.keylog")), List.of(transcript));

    assertThat(lines).hasSize(transcript.tokensUp().size() + transcript.tokensDown().size());
    assertThat(lines).anyMatch(line -> line.contains("the secret is 9d41-sniff"));
  }

  private static RecordedConnection session() {
    try {
      return LegacyCaptureFile.read(capture("stage-ecdhe.pcap"), OptionalInt.empty())
          .connections()
          .get(0);
    } catch (securechat.core.cli.ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path capture(String name) {
    try {
      return Path.of(EcdheLeakTest.class.getResource("/captures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
