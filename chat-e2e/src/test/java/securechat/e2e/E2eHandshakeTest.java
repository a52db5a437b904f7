package securechat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.core.channel.HandshakeException;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Username;

/**
 * The e2e login handshake, both sides in one thread: each line is handed from one side to the other
 * by the test, which can also record, replay or swap it as an attacker on the wire would.
 */
class E2eHandshakeTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Username ALICE = new Username("alice");
  private static final Username CAROL = new Username("carol");
  private static final ServerIdentity SERVER = serverIdentity();
  private static final ServerIdentity MALLORY_SERVER = serverIdentity();
  private static final IdentityKeys alice = IdentityKeys.generate(RANDOM);
  private static final IdentityKeys mallory = IdentityKeys.generate(RANDOM);

  @Test
  void bothSidesCompleteTheHandshakeWithLinesPassedByHand() throws Exception {
    E2eHandshake.Hello serverHello = E2eHandshake.Hello.fresh(SERVER, RANDOM);
    E2eHandshake.Hello clientHello = E2eHandshake.Hello.parse(serverHello.encode());
    assertThat(clientHello.serverKey().getEncoded()).isEqualTo(SERVER.publicKey().getEncoded());
    assertThat(clientHello.serverNonce()).isEqualTo(serverHello.serverNonce()).hasSize(32);

    E2eHandshake.Identity proof = E2eHandshake.Identity.prove(clientHello, ALICE, alice, RANDOM);
    E2eHandshake.Identity proven =
        E2eHandshake.Identity.parseAndVerify(proof.encode(), serverHello);
    assertThat(proven.name()).isEqualTo(ALICE);
    assertThat(proven.keys()).isEqualTo(alice.publicIdentity());
    assertThat(proven.clientNonce()).isEqualTo(proof.clientNonce());

    String welcome = E2eHandshake.welcome(SERVER, serverHello, proven);
    assertThat(welcome).startsWith("E2E-WELCOME 1 ");
    assertThatCode(() -> E2eHandshake.verifyWelcome(welcome, clientHello, proof))
        .doesNotThrowAnyException();
  }

  @Test
  void anIdentityRecordedFromOneConnectionIsRefusedAgainstTheNextHello() throws Exception {
    E2eHandshake.Hello first = E2eHandshake.Hello.fresh(SERVER, RANDOM);
    String recorded = E2eHandshake.Identity.prove(first, ALICE, alice, RANDOM).encode();
    E2eHandshake.Hello next = E2eHandshake.Hello.fresh(SERVER, RANDOM);

    assertThatThrownBy(() -> E2eHandshake.Identity.parseAndVerify(recorded, next))
        .isInstanceOf(HandshakeException.class)
        .hasMessage(
            "the client's identity proof does not verify: it does not hold the key it claims");
  }

  @Test
  void anIdentitySignedWithAnotherKeyThanTheOneItClaimsIsRefused() {
    E2eHandshake.Hello hello = E2eHandshake.Hello.fresh(SERVER, RANDOM);
    E2eHandshake.Identity mallorys = E2eHandshake.Identity.prove(hello, ALICE, mallory, RANDOM);
    String claimingAlicesKeys =
        new E2eHandshake.Identity(
                ALICE, alice.publicIdentity(), mallorys.clientNonce(), mallorys.signature())
            .encode();

    assertThatThrownBy(() -> E2eHandshake.Identity.parseAndVerify(claimingAlicesKeys, hello))
        .isInstanceOf(HandshakeException.class)
        .hasMessageContaining("does not hold the key it claims");
  }

  @Test
  void anIdentityWhoseNameWasChangedOnTheWayIsRefused() {
    E2eHandshake.Hello hello = E2eHandshake.Hello.fresh(SERVER, RANDOM);
    String line = E2eHandshake.Identity.prove(hello, ALICE, alice, RANDOM).encode();

    assertThatThrownBy(
            () -> E2eHandshake.Identity.parseAndVerify(line.replace(" alice ", " carol "), hello))
        .isInstanceOf(HandshakeException.class)
        .hasMessageContaining("does not verify");
  }

  @Test
  void aWelcomeSignedByAnotherServerKeyIsRefused() throws Exception {
    E2eHandshake.Hello hello = E2eHandshake.Hello.fresh(SERVER, RANDOM);
    E2eHandshake.Identity proof = E2eHandshake.Identity.prove(hello, ALICE, alice, RANDOM);
    String forged = E2eHandshake.welcome(MALLORY_SERVER, hello, proof);

    assertThatThrownBy(() -> E2eHandshake.verifyWelcome(forged, hello, proof))
        .isInstanceOf(HandshakeException.class)
        .hasMessage(
            "the server's E2E-WELCOME signature does not verify: it does not hold its identity"
                + " key");
  }

  @Test
  void aWelcomeRecordedFromAnotherConnectionIsRefused() throws Exception {
    E2eHandshake.Hello first = E2eHandshake.Hello.fresh(SERVER, RANDOM);
    E2eHandshake.Identity firstProof = E2eHandshake.Identity.prove(first, ALICE, alice, RANDOM);
    String recorded = E2eHandshake.welcome(SERVER, first, firstProof);
    E2eHandshake.Hello next = E2eHandshake.Hello.fresh(SERVER, RANDOM);
    E2eHandshake.Identity nextProof = E2eHandshake.Identity.prove(next, ALICE, alice, RANDOM);

    assertThatThrownBy(() -> E2eHandshake.verifyWelcome(recorded, next, nextProof))
        .isInstanceOf(HandshakeException.class);
  }

  @Test
  void aManInTheMiddleWhoSwapsTheServerKeyCannotCompleteEitherSide() throws Exception {
    E2eHandshake.Hello real = E2eHandshake.Hello.fresh(SERVER, RANDOM);
    String swapped =
        new E2eHandshake.Hello(MALLORY_SERVER.publicKey(), real.serverNonce()).encode();
    E2eHandshake.Hello clientSaw = E2eHandshake.Hello.parse(swapped);
    assertThat(clientSaw.serverKey().getEncoded())
        .isEqualTo(MALLORY_SERVER.publicKey().getEncoded())
        .isNotEqualTo(SERVER.publicKey().getEncoded());
    E2eHandshake.Identity proof = E2eHandshake.Identity.prove(clientSaw, ALICE, alice, RANDOM);

    // The real server does not accept a proof made for another server key...
    assertThatThrownBy(() -> E2eHandshake.Identity.parseAndVerify(proof.encode(), real))
        .isInstanceOf(HandshakeException.class);
    // ...and the welcome it signs does not verify under the key the client saw.
    String realWelcome = E2eHandshake.welcome(SERVER, real, proof);
    assertThatThrownBy(() -> E2eHandshake.verifyWelcome(realWelcome, clientSaw, proof))
        .isInstanceOf(HandshakeException.class)
        .hasMessageContaining("does not verify");
  }

  static Stream<Arguments> malformedHellos() {
    String key = b64(SERVER.publicKey().getEncoded());
    String nonce = b64(new byte[32]);
    return Stream.of(
        Arguments.of("wrong keyword", "E2E-HELO 1 " + key + " " + nonce),
        Arguments.of("version 2", "E2E-HELLO 2 " + key + " " + nonce),
        Arguments.of("3 fields", "E2E-HELLO 1 " + key),
        Arguments.of("5 fields", "E2E-HELLO 1 " + key + " " + nonce + " x"),
        Arguments.of("key not Base64", "E2E-HELLO 1 !!!! " + nonce),
        Arguments.of("key not X.509", "E2E-HELLO 1 AAAA " + nonce),
        Arguments.of(
            "raw 32-byte key",
            "E2E-HELLO 1 " + b64(alice.publicIdentity().signingKey()) + " " + nonce),
        Arguments.of("nonce 31 bytes", "E2E-HELLO 1 " + key + " " + b64(new byte[31])),
        Arguments.of("nonce 33 bytes", "E2E-HELLO 1 " + key + " " + b64(new byte[33])),
        Arguments.of("nonce unpadded", "E2E-HELLO 1 " + key + " " + nonce.replace("=", "")),
        Arguments.of("empty", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedHellos")
  void helloParseRefusesAMalformedLineWithASentence(String what, String line) {
    assertThatThrownBy(() -> E2eHandshake.Hello.parse(line))
        .isInstanceOf(HandshakeException.class)
        .message()
        .isNotBlank();
  }

  static Stream<Arguments> malformedIdentities() {
    E2eHandshake.Hello hello = E2eHandshake.Hello.fresh(SERVER, RANDOM);
    String[] f = E2eHandshake.Identity.prove(hello, ALICE, alice, RANDOM).encode().split(" ");
    return Stream.of(
        Arguments.of("wrong keyword", replaced(f, 0, "E2E-IDENT")),
        Arguments.of("version 0", replaced(f, 1, "0")),
        Arguments.of("6 fields", String.join(" ", Arrays.copyOf(f, 6))),
        Arguments.of("8 fields", String.join(" ", f) + " x"),
        Arguments.of("bad name", replaced(f, 2, "Alice")),
        Arguments.of("signing key not Base64", replaced(f, 3, "!!!!")),
        Arguments.of("encryption key 31 bytes", replaced(f, 4, b64(new byte[31]))),
        Arguments.of("nonce 16 bytes", replaced(f, 5, b64(new byte[16]))),
        Arguments.of("signature not Base64", replaced(f, 6, "a*b=")),
        Arguments.of("signature 63 bytes", replaced(f, 6, b64(new byte[63]))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedIdentities")
  void identityParseRefusesAMalformedLineWithASentence(String what, String line) {
    E2eHandshake.Hello hello = E2eHandshake.Hello.fresh(SERVER, RANDOM);

    assertThatThrownBy(() -> E2eHandshake.Identity.parseAndVerify(line, hello))
        .isInstanceOf(HandshakeException.class)
        .message()
        .isNotBlank();
  }

  @Test
  void verifyWelcomeRefusesMalformedLines() {
    E2eHandshake.Hello hello = E2eHandshake.Hello.fresh(SERVER, RANDOM);
    E2eHandshake.Identity proof = E2eHandshake.Identity.prove(hello, ALICE, alice, RANDOM);
    String sig = b64(new byte[64]);
    for (String line :
        new String[] {
          "E2E-WELCOME 1",
          "E2E-WELCOME 2 " + sig,
          "E2E-WELCOM 1 " + sig,
          "E2E-WELCOME 1 " + sig + " x",
          "E2E-WELCOME 1 !!!!",
          "E2E-WELCOME 1 " + sig,
          "E2E-WELCOME 1 " + b64(new byte[63]),
          ""
        }) {
      assertThatThrownBy(() -> E2eHandshake.verifyWelcome(line, hello, proof))
          .as(line)
          .isInstanceOf(HandshakeException.class)
          .message()
          .isNotBlank();
    }
  }

  @Test
  void aClosedConnectionIsAHandshakeFailureAtEveryStep() {
    E2eHandshake.Hello hello = E2eHandshake.Hello.fresh(SERVER, RANDOM);
    E2eHandshake.Identity proof = E2eHandshake.Identity.prove(hello, ALICE, alice, RANDOM);
    String closed = "the peer closed the connection during the e2e handshake";

    assertThatThrownBy(() -> E2eHandshake.Hello.parse(null)).hasMessage(closed);
    assertThatThrownBy(() -> E2eHandshake.Identity.parseAndVerify(null, hello)).hasMessage(closed);
    assertThatThrownBy(() -> E2eHandshake.verifyWelcome(null, hello, proof)).hasMessage(closed);
  }

  @Test
  void aRefusalFromThePeerIsAHandshakeFailureQuotingItsReason() {
    E2eHandshake.Hello hello = E2eHandshake.Hello.fresh(SERVER, RANDOM);
    E2eHandshake.Identity proof = E2eHandshake.Identity.prove(hello, CAROL, alice, RANDOM);
    String refused = "E2E-REFUSED the server is full";
    String sentence = "the server refused the e2e handshake: the server is full";

    assertThatThrownBy(() -> E2eHandshake.Hello.parse(refused))
        .isInstanceOf(HandshakeException.class)
        .hasMessage(sentence);
    assertThatThrownBy(() -> E2eHandshake.Identity.parseAndVerify(refused, hello))
        .hasMessage(sentence);
    assertThatThrownBy(() -> E2eHandshake.verifyWelcome(refused, hello, proof))
        .hasMessage(sentence);
  }

  @Test
  void aWrongKeywordIsQuotedInTheSentence() {
    assertThatThrownBy(() -> E2eHandshake.Hello.parse("HELLO there\u0007"))
        .isInstanceOf(HandshakeException.class)
        .hasMessage("expected E2E-HELLO (version 1) in the e2e handshake, got 'HELLO there?'");
  }

  private static String replaced(String[] fields, int index, String value) {
    String[] copy = fields.clone();
    copy[index] = value;
    return String.join(" ", copy);
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static ServerIdentity serverIdentity() {
    try {
      return ServerIdentity.generate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
