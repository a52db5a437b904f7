package securechat.attacks.legacy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static securechat.attacks.legacy.Seed004Bytes.ALICE;
import static securechat.attacks.legacy.Seed004Bytes.BOB;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import securechat.e2e.legacy.LegacyRsaKeyPair;

class LegacyRecoveryTest {
  private final String toBob = Seed004Bytes.sealed("the vault code is 4711", ALICE, BOB, 11);
  private final String toAlice = Seed004Bytes.sealed("see you at six", BOB, ALICE, 12);

  /** Alice's connection: she registers and writes to bob; the server brings bob's answer. */
  private final RecordedConnection alice =
      connection(
          "alice",
          Seed004Bytes.frames(
              Seed004Bytes.register("alice", ALICE), Seed004Bytes.toServer("bob", toBob)),
          Seed004Bytes.frames(Seed004Bytes.toRecipient("bob", "alice", toAlice)));

  /** Bob's connection: the server brings alice's package, bob writes back. */
  private final RecordedConnection bob =
      connection(
          "bob",
          Seed004Bytes.frames(
              Seed004Bytes.register("bob", BOB), Seed004Bytes.toServer("alice", toAlice)),
          Seed004Bytes.frames(Seed004Bytes.toRecipient("alice", "bob", toBob)));

  private static RecordedConnection connection(String label, byte[] up, byte[] down) {
    return new RecordedConnection(label, up, down, List.of());
  }

  @Test
  void everyPackageIsRecoveredOnceWithItsSenderRecipientKeyAndText() {
    LegacyRecovery.Result result = LegacyRecovery.recover(List.of(alice, bob));

    assertThat(result.messages())
        .extracting(RecoveredMessage::sender, RecoveredMessage::recipient, RecoveredMessage::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", "bob", "the vault code is 4711"),
            org.assertj.core.groups.Tuple.tuple("bob", "alice", "see you at six"));
    assertThat(result.messages()).allMatch(message -> message.copies() == 2);
    assertThat(result.messages()).allMatch(message -> message.desKey().matches("[A-Za-z0-9]{8}"));
    assertThat(result.distinctKeys()).isEqualTo(2);
    assertThat(result.seed004Connections()).isEqualTo(2);
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void theServersCopyNamesTheSenderWhenTheSendersRegistrationWasNotRecorded() {
    RecordedConnection aliceWithoutRegister =
        connection("alice", Seed004Bytes.frames(Seed004Bytes.toServer("bob", toBob)), new byte[0]);

    LegacyRecovery.Result result = LegacyRecovery.recover(List.of(aliceWithoutRegister, bob));

    assertThat(result.messages().get(0).sender()).isEqualTo("alice");
  }

  @Test
  void aConnectionOfAnotherProtocolIsCountedAndLeftAlone() {
    RecordedConnection plain =
        connection(
            "plain",
            "/register alice correct-horse-1\n".getBytes(UTF_8),
            "WELCOME plain securechat-lab\n".getBytes(UTF_8));

    LegacyRecovery.Result result = LegacyRecovery.recover(List.of(plain));

    assertThat(result.messages()).isEmpty();
    assertThat(result.seed004Connections()).isZero();
    assertThat(result.otherConnections()).isEqualTo(1);
  }

  @Test
  void aPackageWhoseSignedKeyIsNotTheSendersKeyIsReportedOnceAndNotRecovered() {
    LegacyRsaKeyPair mallory = LegacyRsaKeyPair.generate(new Random(3), 512);
    String honest = Seed004Bytes.sealed("hello", ALICE, BOB, 13);
    // The signed_key of another package, made under mallory's key: it no longer gives K away.
    String forged =
        honest.replaceFirst(
            "\"signed_key\":\"[^\"]*\"",
            "\"signed_key\":\""
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        securechat.e2e.legacy.LegacyTextbookRsa.sign(
                            "12345678".getBytes(UTF_8), mallory))
                + "\"");
    RecordedConnection both =
        connection(
            "alice",
            Seed004Bytes.frames(Seed004Bytes.toServer("bob", forged)),
            Seed004Bytes.frames(Seed004Bytes.toRecipient("alice", "bob", forged)));

    LegacyRecovery.Result result = LegacyRecovery.recover(List.of(both));

    assertThat(result.messages()).isEmpty();
    assertThat(result.problems()).singleElement().asString().contains("resisted");
  }
}
