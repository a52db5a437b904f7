// BEGIN HIDDEN TESTS
package securechat.ecdhe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.core.channel.RecordException;
import securechat.core.identity.ServerIdentity;
import securechat.ecdhe.HandshakeMessages.ServerHello;
import securechat.grader.Hint;
import securechat.grader.Points;

/**
 * The hidden tests of the key schedule: the whole split against HKDF computed again from RFC 5869,
 * every input reaching every key, the keys of a real handshake used the way {@link EcdheSecurity}
 * uses them (a sealer per direction), the reflection attack, the fingerprint and defensive copies.
 */
class SessionKeysHiddenTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

  /** One call of derive, named for the report. */
  record Inputs(String name, byte[] sharedSecret, byte[] salt, byte[] transcriptHash) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Inputs> inputs() {
    Random random = new Random(20261124);
    return List.of(
        new Inputs(
            "an X25519-sized secret", bytes(random, 32), bytes(random, 32), bytes(random, 32)),
        new Inputs("a P-384-sized secret", bytes(random, 48), bytes(random, 32), bytes(random, 32)),
        new Inputs("an all-zero salt", bytes(random, 32), new byte[32], bytes(random, 32)),
        new Inputs(
            "counting bytes",
            SessionKeysTest.sequence(1, 32),
            SessionKeysTest.sequence(0x40, 32),
            SessionKeysTest.sha256("ECDHE-HELLO 1 x25519")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  @DisplayName("HKDF's 96 bytes are split into the three keys in the spec's order")
  @Points(3)
  @Hint(
      "docs/protocol.md, The ecdhe handshake, Keys: OKM[0..32), OKM[32..64) and OKM[64..96), each"
          + " to the key the spec names; and info is the label followed by H.")
  void theWholeOutputIsSplitInTheSpecsOrder(Inputs in) {
    byte[] okm =
        IndependentHkdf.sha256(
            in.salt(),
            in.sharedSecret(),
            SessionKeysTest.concat(SessionKeysTest.LABEL, in.transcriptHash()),
            96);

    SessionKeys keys = SessionKeys.derive(in.sharedSecret(), in.salt(), in.transcriptHash());

    assertThat(keys.clientToServer).as("clientToServer").isEqualTo(Arrays.copyOfRange(okm, 0, 32));
    assertThat(keys.serverToClient).as("serverToClient").isEqualTo(Arrays.copyOfRange(okm, 32, 64));
    assertThat(keys.confirm).as("confirm").isEqualTo(Arrays.copyOfRange(okm, 64, 96));
  }

  @Test
  @DisplayName("a transcript hash one bit different changes every key")
  @Points(2)
  @Hint(
      "SessionKeys' Javadoc: the transcript hash binds the keys to this very handshake. Where in"
          + " the HKDF call does H go?")
  void aDifferentTranscriptHashChangesEveryKey() {
    Inputs in = inputs().get(0);
    SessionKeys keys = SessionKeys.derive(in.sharedSecret(), in.salt(), in.transcriptHash());

    SessionKeys changed =
        SessionKeys.derive(in.sharedSecret(), in.salt(), flipLastBit(in.transcriptHash()));

    assertEveryKeyDiffers(keys, changed);
  }

  @Test
  @DisplayName("a salt one bit different changes every key")
  @Points(1)
  @Hint("RFC 5869 §2.2 and §3.1: HKDF-Extract takes the server's fresh salt.")
  void aDifferentSaltChangesEveryKey() {
    Inputs in = inputs().get(0);
    SessionKeys keys = SessionKeys.derive(in.sharedSecret(), in.salt(), in.transcriptHash());

    SessionKeys changed =
        SessionKeys.derive(in.sharedSecret(), flipLastBit(in.salt()), in.transcriptHash());

    assertEveryKeyDiffers(keys, changed);
  }

  @Test
  @DisplayName("a shared secret one bit different changes every key")
  @Points(1)
  @Hint("RFC 5869 §2.2: the ECDH shared secret is HKDF's input keying material.")
  void aDifferentSharedSecretChangesEveryKey() {
    Inputs in = inputs().get(0);
    SessionKeys keys = SessionKeys.derive(in.sharedSecret(), in.salt(), in.transcriptHash());

    SessionKeys changed =
        SessionKeys.derive(flipLastBit(in.sharedSecret()), in.salt(), in.transcriptHash());

    assertEveryKeyDiffers(keys, changed);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Curve.class)
  @DisplayName("after a whole handshake, what each side seals the other side opens")
  @Points(2)
  @Hint(
      "EcdheSecurity.accept and connect: each side seals with the key of its own direction and"
          + " opens with the other; both sides must derive the same keys from the same handshake.")
  void whatEachSideSealsTheOtherOpens(Curve curve) throws Exception {
    Handshake handshake = Handshake.run(curve);

    FernetSealer clientSends = sealer(handshake.client().clientToServer);
    FernetSealer serverReceives = sealer(handshake.server().clientToServer);
    FernetSealer serverSends = sealer(handshake.server().serverToClient);
    FernetSealer clientReceives = sealer(handshake.client().serverToClient);

    assertThat(serverReceives.open(clientSends.seal(utf8("hello server"))))
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("hello server");
    assertThat(clientReceives.open(serverSends.seal(utf8("hello client"))))
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("hello client");
  }

  @Test
  @DisplayName("a token reflected to the side that sealed it does not open")
  @Points(2)
  @Hint(
      "Lab guide 03, Step 4 and Question 5: a token the server sent, sent back to it, must not"
          + " pass as one of the client's. What makes the two directions' keys differ?")
  void aTokenReflectedToItsSenderDoesNotOpen() throws Exception {
    Handshake handshake = Handshake.run(Curve.X25519);
    String fromServer = sealer(handshake.server().serverToClient).seal(utf8("WELCOME alice"));
    String fromClient = sealer(handshake.client().clientToServer).seal(utf8("/login alice"));

    FernetSealer serverReceives = sealer(handshake.server().clientToServer);
    FernetSealer clientReceives = sealer(handshake.client().serverToClient);

    assertThatThrownBy(() -> serverReceives.open(fromServer))
        .as("the server's own token, reflected to the server")
        .isInstanceOf(RecordException.class);
    assertThatThrownBy(() -> clientReceives.open(fromClient))
        .as("the client's own token, reflected to the client")
        .isInstanceOf(RecordException.class);
  }

  @Test
  @DisplayName("the session fingerprint: documented format and value, equal on both ends")
  @Points(2)
  @Hint(
      "docs/protocol.md, The ecdhe handshake, Session fingerprint, and SessionKeys.fingerprint's"
          + " Javadoc: what is hashed, how many bytes are kept, how they are written.")
  void theFingerprintIsTheDocumentedOneOnBothEnds() throws Exception {
    Handshake handshake = Handshake.run(Curve.X25519);
    String expected =
        independentFingerprint(
            EcdheHandshake.transcript(handshake.clientHello(), handshake.serverHello()));

    assertThat(handshake.client().fingerprint()).as("client").isEqualTo(expected);
    assertThat(handshake.server().fingerprint()).as("server").isEqualTo(expected);
    for (Inputs in : inputs()) {
      assertThat(
              SessionKeys.derive(in.sharedSecret(), in.salt(), in.transcriptHash()).fingerprint())
          .as(in.name())
          .matches("[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}")
          .isEqualTo(independentFingerprint(in.transcriptHash()));
    }
  }

  @Test
  @DisplayName("the keys keep their own copy of the caller's transcript hash")
  @Points(1)
  @Hint(
      "The SessionKeys constructor's Javadoc: an array you were given is still the caller's,"
          + " who may change it after derive returns.")
  void theKeysKeepTheirOwnCopyOfTheTranscriptHash() {
    Inputs in = inputs().get(0);
    byte[] transcriptHash = in.transcriptHash().clone();
    SessionKeys keys = SessionKeys.derive(in.sharedSecret(), in.salt(), transcriptHash);
    String fingerprint = keys.fingerprint();

    Arrays.fill(transcriptHash, (byte) 0);

    assertThat(keys.transcriptHash).isEqualTo(in.transcriptHash());
    assertThat(keys.fingerprint()).isEqualTo(fingerprint);
  }

  /** Both sides' steps in one thread, as in chat-ecdhe's EcdheHandshakeTest. */
  record Handshake(
      HandshakeMessages.ClientHello clientHello,
      ServerHello serverHello,
      SessionKeys client,
      SessionKeys server) {
    static Handshake run(Curve curve) throws Exception {
      EcdheHandshake.Client client = new EcdheHandshake.Client(curve);
      EcdheHandshake.Server server =
          new EcdheHandshake.Server(
              List.of(Curve.values()), Optional.of(ServerIdentity.generate()));
      ServerHello serverHello = server.answer(client.hello());
      SessionKeys clientKeys = client.confirm(server.confirm(client.answer(serverHello, true)));
      return new Handshake(client.hello(), serverHello, clientKeys, server.keys());
    }
  }

  private static void assertEveryKeyDiffers(SessionKeys keys, SessionKeys changed) {
    assertThat(changed.clientToServer).as("clientToServer").isNotEqualTo(keys.clientToServer);
    assertThat(changed.serverToClient).as("serverToClient").isNotEqualTo(keys.serverToClient);
    assertThat(changed.confirm).as("confirm").isNotEqualTo(keys.confirm);
  }

  /** docs/protocol.md, Session fingerprint, computed here with the JDK alone. */
  private static String independentFingerprint(byte[] transcriptHash) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    sha256.update("securechat-lab session".getBytes(StandardCharsets.US_ASCII));
    String hex = HexFormat.of().formatHex(Arrays.copyOf(sha256.digest(transcriptHash), 8));
    return String.join(
        "-", hex.substring(0, 4), hex.substring(4, 8), hex.substring(8, 12), hex.substring(12));
  }

  private static FernetSealer sealer(byte[] key) {
    return new FernetSealer(new Fernet(key), CLOCK, Optional.empty());
  }

  private static byte[] flipLastBit(byte[] bytes) {
    byte[] changed = bytes.clone();
    changed[changed.length - 1] ^= 1;
    return changed;
  }

  private static byte[] bytes(Random random, int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
// END HIDDEN TESTS
