package securechat.sniffer.dissect;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import securechat.core.cli.ConfigException;
import securechat.ecdhe.Fernet;
import securechat.sniffer.dissect.WireMessage.Flag;
import securechat.sniffer.stream.Direction;
import securechat.sniffer.stream.SyntheticConnection;
import securechat.sniffer.stream.TcpStream;

class EcdheDissectorTest {
  private static final byte[] NONCE = new byte[32];
  private static final byte[] CLIENT_KEY = new byte[32];
  private static final byte[] SERVER_KEY = new byte[32];
  private static final Instant SENT = Instant.parse("2025-03-01T10:00:05Z");

  static {
    for (int i = 0; i < 32; i++) {
      NONCE[i] = (byte) i;
      CLIENT_KEY[i] = (byte) (100 + i);
      SERVER_KEY[i] = (byte) (200 + i);
    }
  }

  private static String token(byte[] key, long sequence, String line) {
    byte[] line8 = line.getBytes(UTF_8);
    ByteBuffer plaintext = ByteBuffer.allocate(8 + line8.length).putLong(sequence).put(line8);
    return new Fernet(key).encrypt(plaintext.array(), SENT);
  }

  private static String pem() throws Exception {
    byte[] der = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic().getEncoded();
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getEncoder().encodeToString(der)
        + "\n-----END PUBLIC KEY-----\n";
  }

  static TcpStream session() throws Exception {
    String base64 = Base64.getEncoder().encodeToString(new byte[32]);
    String hello = "ECDHE-HELLO 1 x25519 " + Base64.getEncoder().encodeToString(NONCE) + "\n";
    return new SyntheticConnection(7003)
            .handshake()
            .clientSends((hello + pem()).getBytes(UTF_8))
            .serverSends(("ECDHE-SERVER 1 x25519 " + base64 + "\n" + pem()).getBytes(UTF_8))
            .serverSends("IDENTITY none\n".getBytes(UTF_8))
            .clientSends(("ECDHE-FINISHED " + base64 + "\n").getBytes(UTF_8))
            .serverSends(("ECDHE-FINISHED " + base64 + "\n").getBytes(UTF_8))
            .serverSends((token(SERVER_KEY, 0, "WELCOME ecdhe hello") + "\n").getBytes(UTF_8))
            .clientSends(
                (token(CLIENT_KEY, 0, "/login alice correct-horse-1") + "\n").getBytes(UTF_8))
            .stream();
  }

  static EcdheKeyLog keyLog() throws ConfigException {
    Base64.Encoder url = Base64.getUrlEncoder();
    return EcdheKeyLog.parse(
        List.of(
            "# written by lab server --keylog",
            "ECDHE_SESSION "
                + HexFormat.of().formatHex(NONCE)
                + " "
                + url.encodeToString(CLIENT_KEY)
                + " "
                + url.encodeToString(SERVER_KEY)));
  }

  @Test
  void aHandshakeLineOfSpacesIsMalformedInsteadOfACrash() {
    // Found by DissectorFuzzTest: String.split(" ") of "  " is an empty array.
    TcpStream stream =
        new SyntheticConnection(7003)
            .handshake().clientSends("ECDHE-HELLO 1 x25519 AAAA\n  \n".getBytes(UTF_8)).stream();

    List<WireMessage> messages = new EcdheDissector(Optional.empty()).dissect(stream);

    assertThat(messages).last().satisfies(line -> assertThat(line.has(Flag.MALFORMED)).isTrue());
  }

  @Test
  void theHandshakeLinesAreShownWithKeysAsFingerprints() throws Exception {
    List<WireMessage> messages = new EcdheDissector(Optional.empty()).dissect(session());

    assertThat(messages.subList(0, 6))
        .extracting(WireMessage::kind)
        .containsExactly(
            "ECDHE-HELLO",
            "PUBLIC KEY",
            "ECDHE-SERVER",
            "PUBLIC KEY",
            "IDENTITY",
            "ECDHE-FINISHED");
    assertThat(messages.get(0).summary())
        .isEqualTo("ECDHE-HELLO version 1, curve x25519, client nonce 32 bytes 0001020304050607…");
    assertThat(messages.get(1).summary())
        .matches("ephemeral public key X25519, SHA-256 [0-9a-f:]{23}");
    assertThat(messages.get(4).summary()).contains("not authenticated");
    assertThat(messages.subList(0, 7)).allMatch(message -> message.has(Flag.HANDSHAKE));
  }

  @Test
  void withoutAKeyLogTokensAreOpaqueWithTheirClearFields() throws Exception {
    List<WireMessage> messages = new EcdheDissector(Optional.empty()).dissect(session());
    WireMessage login = messages.get(messages.size() - 1);

    assertThat(login.kind()).isEqualTo("Fernet token");
    assertThat(login.flags()).containsExactly(Flag.OPAQUE);
    assertThat(login.summary()).isEqualTo("Fernet token, 48 bytes of ciphertext");
    assertThat(login.details())
        .contains("version: 0x80", "timestamp: 2025-03-01T10:00:05Z", "ciphertext: 48 bytes");
    assertThat(messages).noneMatch(message -> message.summary().contains("correct-horse"));
  }

  @Test
  void withTheKeyLogEachTokenShowsItsSequenceNumberAndLine() throws Exception {
    List<WireMessage> messages = new EcdheDissector(Optional.of(keyLog())).dissect(session());
    WireMessage welcome = messages.get(messages.size() - 2);
    WireMessage login = messages.get(messages.size() - 1);

    assertThat(welcome.summary()).isEqualTo("seq 0: WELCOME ecdhe hello");
    assertThat(welcome.direction()).isEqualTo(Direction.SERVER_TO_CLIENT);
    assertThat(login.summary()).isEqualTo("seq 0: /login alice <password: correct-horse-1>");
    assertThat(login.flags()).contains(Flag.DECRYPTED, Flag.PASSWORD).doesNotContain(Flag.OPAQUE);
  }

  @Test
  void theSecretIsFoundOnlyInsideDecryptedTokens() throws Exception {
    TcpStream stream = session();

    assertThat(SecretSearch.find(List.of(stream), "correct-horse-1")).isEmpty();
    assertThat(SecretSearch.find(List.of(stream), "correct-horse-1", Optional.of(keyLog())))
        .singleElement()
        .matches(hit -> hit.decrypted() && hit.direction() == Direction.CLIENT_TO_SERVER);
  }

  @Test
  void theStageIsRecognisedByItsHelloLine() throws Exception {
    assertThat(Dissectors.choose(session(), Optional.empty()).stage()).isEqualTo("ecdhe");
  }

  @Test
  void aBadKeyLogLineIsRefusedNamingItsNumberWithoutQuotingKeys() {
    assertThatThrownBy(() -> EcdheKeyLog.parse(List.of("", "ECDHE_SESSION 00ff secret-key")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("key log line 2 is not 'ECDHE_SESSION <nonce hex> <key> <key>'");
    assertThatThrownBy(() -> EcdheKeyLog.parse(List.of("ECDHE_SESSION 00ff short other")))
        .hasMessage("key log line 1: the client→server key is not a 32-byte base64url key");
  }
}
