package securechat.e2e.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import securechat.core.channel.HandshakeException;
import securechat.e2e.legacy.Seed004Message.NonceChallenge;
import securechat.e2e.legacy.Seed004Message.NonceResponse;
import securechat.e2e.legacy.Seed004Message.NonceVerification;

/**
 * Both sides' steps of the nonce challenge in one thread, messages passed by hand (and through the
 * codec, as on the wire). It succeeds, refuses a wrong nonce, and lets a man in the middle through.
 */
class Seed004HandshakeTest {

  @Test
  void bothSidesAgreeAndTheServerLearnsTheClientsKey() throws Exception {
    Seed004ServerHandshake server = new Seed004ServerHandshake(TestKeys.SERVER, new Random(1));
    Seed004ClientHandshake client = new Seed004ClientHandshake(TestKeys.ALICE, new Random(2));

    NonceResponse response = client.respond(wire(server.challenge(), NonceChallenge.class));
    NonceVerification verification = server.answer(wire(response, NonceResponse.class));
    client.checkVerification(wire(verification, NonceVerification.class));

    assertThat(verification.verified()).isTrue();
    assertThat(server.clientKey()).isEqualTo(TestKeys.ALICE.publicKey());
    assertThat(client.serverKey()).isEqualTo(TestKeys.SERVER.publicKey());
  }

  @Test
  void wrongEncryptedNonceIsRefused() throws Exception {
    Seed004ServerHandshake server = new Seed004ServerHandshake(TestKeys.SERVER, new Random(1));
    NonceResponse forged =
        new NonceResponse(
            LegacyTextbookRsa.encrypt(new byte[16], TestKeys.SERVER.publicKey()),
            new byte[16],
            TestKeys.ALICE.publicKey().toKeyText());

    assertThatThrownBy(() -> server.answer(forged))
        .isInstanceOf(HandshakeException.class)
        .hasMessage("the client's encrypted_nonce does not decrypt to our nonce");
  }

  @Test
  void serverVerdictFalseIsRefusedByTheClient() throws Exception {
    Seed004ClientHandshake client = new Seed004ClientHandshake(TestKeys.ALICE, new Random(2));
    client.respond(new Seed004ServerHandshake(TestKeys.SERVER, new Random(1)).challenge());

    assertThatThrownBy(() -> client.checkVerification(new NonceVerification(false, new byte[0])))
        .isInstanceOf(HandshakeException.class)
        .hasMessage("the server refused our nonce_response");
  }

  @Test
  void manInTheMiddleWhoSwapsBothKeysPassesBothChecks() throws Exception {
    Seed004ServerHandshake server = new Seed004ServerHandshake(TestKeys.SERVER, new Random(1));
    Seed004ClientHandshake client = new Seed004ClientHandshake(TestKeys.ALICE, new Random(2));
    // Mallory faces the client as a server and the server as a client, with her own key twice.
    Seed004ServerHandshake mallorySeenByClient =
        new Seed004ServerHandshake(TestKeys.MALLORY, new Random(3));
    Seed004ClientHandshake mallorySeenByServer =
        new Seed004ClientHandshake(TestKeys.MALLORY, new Random(4));

    NonceResponse fromClient = client.respond(mallorySeenByClient.challenge());
    client.checkVerification(mallorySeenByClient.answer(fromClient));
    NonceResponse fromMallory = mallorySeenByServer.respond(server.challenge());
    mallorySeenByServer.checkVerification(server.answer(fromMallory));

    // Neither side noticed: each holds Mallory's key as its peer's.
    assertThat(client.serverKey()).isEqualTo(TestKeys.MALLORY.publicKey());
    assertThat(server.clientKey()).isEqualTo(TestKeys.MALLORY.publicKey());
  }

  /** The message after a trip through the codec, as the peer would decode it. */
  private static <T extends Seed004Message> T wire(Seed004Message message, Class<T> kind)
      throws Seed004FormatException {
    return kind.cast(Seed004Codec.decode(Seed004Codec.encode(message)));
  }
}
