package securechat.attacks.fs;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.attacks.LabStages;
import securechat.attacks.Victims;
import securechat.ecdhe.Fernet;

/**
 * The derivation the ecdhe row tries is the stage's own: the test plays an ecdhe client that keeps
 * its ephemeral key, derives the keys from the transcript the way the attack does, and a real
 * server accepts its key confirmation and sends a token those keys open. So when the leaked key
 * opens nothing, the reason is the missing secret, not a wrong formula.
 */
@Timeout(30)
class EcdheTokensIT {
  @TempDir Path dataDir;

  @Test
  void keysDerivedFromTheRecordedTranscriptAreTheOnesARealServerUses() throws Exception {
    KeyPair ephemeral = KeyPairGenerator.getInstance("X25519").generateKeyPair();
    byte[] nonce = new byte[32];
    new SecureRandom().nextBytes(nonce);
    String hello =
        "ECDHE-HELLO 1 x25519 "
            + Base64.getEncoder().encodeToString(nonce)
            + "\n-----BEGIN PUBLIC KEY-----\n"
            + Base64.getEncoder().encodeToString(ephemeral.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    try (Victims victims = new Victims(LabStages.ecdhe(), dataDir);
        Socket socket = new Socket()) {
      InetSocketAddress server = victims.startServer();
      socket.connect(server, 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
      out.write(hello.getBytes(US_ASCII));
      List<String> serverLines = new ArrayList<>();
      for (String line = in.readLine(); !line.startsWith("SIGNATURE "); line = in.readLine()) {
        serverLines.add(line);
      }
      EcdheTranscript transcript =
          EcdheTranscript.read(
              hello.getBytes(US_ASCII), (String.join("\n", serverLines) + "\n").getBytes(US_ASCII));
      byte[] okm = EcdheTokens.okm(agree(ephemeral, transcript), transcript);
      byte[] confirm = Arrays.copyOfRange(okm, 64, 96);

      out.write(
          ("ECDHE-FINISHED " + mac(confirm, "client finished", transcript) + "\n")
              .getBytes(US_ASCII));

      assertThat(in.readLine())
          .isEqualTo("ECDHE-FINISHED " + mac(confirm, "server finished", transcript));
      Fernet serverToClient = new Fernet(Arrays.copyOfRange(okm, 32, 64));
      assertThat(EcdheTokens.open(serverToClient, in.readLine()))
          .hasValueSatisfying(welcome -> assertThat(welcome).startsWith("WELCOME ecdhe"));
    }
  }

  private static byte[] agree(KeyPair mine, EcdheTranscript transcript) throws Exception {
    KeyAgreement agreement = KeyAgreement.getInstance("XDH");
    agreement.init(mine.getPrivate());
    agreement.doPhase(transcript.serverEphemeral(), true);
    return agreement.generateSecret();
  }

  /** docs/protocol.md: MAC = HMAC-SHA256(confirmation key, label || H), base64. */
  private static String mac(byte[] key, String label, EcdheTranscript transcript) throws Exception {
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(key, "HmacSHA256"));
    hmac.update(label.getBytes(US_ASCII));
    return Base64.getEncoder().encodeToString(hmac.doFinal(transcript.transcriptHash()));
  }
}
