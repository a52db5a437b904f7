package securechat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import securechat.core.channel.PeerIdentity;
import securechat.core.identity.KnownHosts;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.ClientMessage;
import securechat.core.protocol.Limits;
import securechat.core.protocol.MessageCodec;
import securechat.core.protocol.ServerMessage;
import securechat.core.protocol.Username;
import securechat.grader.Hint;
import securechat.grader.Points;

/**
 * Bob's client opening what the server delivers: envelopes made by the lab's real sealing code with
 * real identity keys, the sender's keys taken from a directory entry the server signed.
 */
class EnvelopeReceiverTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final MessageCodec CODEC = new MessageCodec(Limits.DEFAULTS);
  private static final Username ALICE = new Username("alice");
  private static final Username BOB = new Username("bob");
  private static final Username CAROL = new Username("carol");
  private static final Username MALLORY = new Username("mallory");

  @TempDir Path dataDir;

  private final ServerIdentity server = newServerIdentity();
  private final KeyDirectory directory = KeyDirectory.inMemory(server, CLOCK);
  private final IdentityKeys alice = IdentityKeys.generate(RANDOM);
  private final IdentityKeys bob = IdentityKeys.generate(RANDOM);
  private final IdentityKeys carol = IdentityKeys.generate(RANDOM);
  private final IdentityKeys mallory = IdentityKeys.generate(RANDOM);
  private final ContactBook bobsContacts = ContactBook.inMemory();

  @BeforeEach
  void everyoneHasADirectoryEntry() throws Exception {
    bind(ALICE, alice);
    bind(BOB, bob);
    bind(CAROL, carol);
    bind(MALLORY, mallory);
  }

  @Test
  @Points(3)
  @DisplayName("A whisper that alice's client sealed for bob opens to its text")
  @Hint(
      "Read the protocol's 'e2e envelopes' (the recipient's checks) and the Javadoc of"
          + " EnvelopeReceiver.open and Envelope.open: which key verifies, which key opens.")
  void aWhisperSealedByAlicesClientOpensToItsText() throws Exception {
    String sent = sealedByAlicesClient(new ClientMessage.Whisper(BOB, "meet at 5"));
    assertThat(sent).startsWith("/whisper bob E2E1 ").doesNotContain("meet at 5");
    String envelope = sent.substring("/whisper bob ".length());

    String shown = receive(ALICE, BOB, envelope);

    assertThat(shown).isEqualTo("WHISPER alice bob meet at 5");
  }

  /** Who is wrong about the recipient: the envelope's RECIPIENT field, or the whisper's TO. */
  enum Misdelivery {
    ENVELOPE_SEALED_FOR_CAROL,
    WHISPER_ADDRESSED_TO_CAROL
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Misdelivery.class)
  @Points(2)
  @DisplayName("An envelope delivered to bob but meant for someone else is refused")
  @Hint(
      "The protocol's 'e2e envelopes': RECIPIENT must be the user itself; the whisper line names"
          + " a recipient too. See EnvelopeException.Reason.")
  void anEnvelopeForSomeoneElseIsRefusedAsWrongRecipient(Misdelivery how) {
    String envelope =
        switch (how) {
          case ENVELOPE_SEALED_FOR_CAROL -> sealed(alice, ALICE, CAROL, 1, "for carol").encode();
          case WHISPER_ADDRESSED_TO_CAROL -> sealed(alice, ALICE, BOB, 1, "for bob").encode();
        };
    Username to = how == Misdelivery.WHISPER_ADDRESSED_TO_CAROL ? CAROL : BOB;

    assertThatThrownBy(() -> receive(ALICE, to, envelope))
        .isInstanceOfSatisfying(
            EnvelopeException.class,
            e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.WRONG_RECIPIENT));
  }

  // BEGIN HIDDEN TESTS
  @Test
  @Points(2)
  @DisplayName("An envelope signed with a key other than the sender's directory key")
  @Hint(
      "Envelope.open's Javadoc and RFC 8032 §5.1.7: what exactly is signed, and whose key must"
          + " verify it. HPKE base mode does not tell you who sealed.")
  void anEnvelopeSignedByAnotherKeyIsRefusedAsABadSignature() {
    // mallory seals to bob's real key and signs with her own key, as alice
    String forged = sealed(mallory, ALICE, BOB, 1, "send me your password").encode();

    assertThatThrownBy(() -> receive(ALICE, BOB, forged))
        .isInstanceOfSatisfying(
            EnvelopeException.class,
            e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.BAD_SIGNATURE));
  }

  @Test
  @Points(2)
  @DisplayName("An envelope whose sender field is not the user the server delivered it from")
  @Hint(
      "The protocol's 'e2e envelopes', the recipient's checks: compare SENDER with the user in"
          + " 'WHISPER FROM ...'.")
  void anEnvelopeFromOneUserClaimingAnotherIsRefusedAsWrongSender() {
    // mallory's own valid signature, but the envelope says it is from alice
    String claimsAlice = sealed(mallory, ALICE, BOB, 1, "it is me, alice").encode();

    assertThatThrownBy(() -> receive(MALLORY, BOB, claimsAlice))
        .isInstanceOfSatisfying(
            EnvelopeException.class,
            e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.WRONG_SENDER));
  }

  /** Where a bit is flipped: a header field, or one of the three byte fields. */
  enum Part {
    HEADER_COUNTER,
    HEADER_TIME,
    HEADER_AEAD,
    ENC,
    CIPHERTEXT,
    SIGNATURE
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Part.class)
  @Points(2)
  @DisplayName("Every single-bit change to the header, ENC, ciphertext or signature")
  @Hint(
      "Envelope.open's Javadoc: the signature covers the header, ENC and the ciphertext, and the"
          + " header is also HPKE's associated data. Rebuild the signed bytes as seal does.")
  void everySingleBitChangeIsRefused(Part part) throws Exception {
    Envelope original = sealed(alice, ALICE, BOB, 7, "meet at 5");

    for (Envelope changed : everyBitFlip(original, part)) {
      ContactBook fresh = ContactBook.inMemory();
      assertThatThrownBy(() -> receive(ALICE, BOB, changed.encode(), fresh))
          .as("%s changed to %s", part, changed)
          .isInstanceOf(EnvelopeException.class);
    }
    assertThat(receive(ALICE, BOB, original.encode(), ContactBook.inMemory()))
        .isEqualTo("WHISPER alice bob meet at 5");
  }

  @Test
  @Points(2)
  @DisplayName("The same envelope delivered twice")
  @Hint("The protocol's 'e2e envelopes': COUNTER, and ContactBook.acceptCounter's Javadoc.")
  void theSameEnvelopeDeliveredTwiceIsRefusedTheSecondTime() throws Exception {
    String envelope = sealed(alice, ALICE, BOB, 1, "transfer 100 to carol").encode();
    assertThat(receive(ALICE, BOB, envelope)).isEqualTo("WHISPER alice bob transfer 100 to carol");

    assertThatThrownBy(() -> receive(ALICE, BOB, envelope))
        .isInstanceOfSatisfying(
            EnvelopeException.class,
            e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.REPLAYED));
  }

  @Test
  @Points(1)
  @DisplayName("Counters that skip, go back, repeat, and come from two senders")
  @Hint(
      "The protocol's 'e2e envelopes': COUNTER counts per sender and must be above the last one"
          + " accepted from that sender. Messages can be lost.")
  void countersMayGrowWithGapsButNeverGoBackPerSender() throws Exception {
    assertThat(receive(ALICE, BOB, sealed(alice, ALICE, BOB, 2, "two").encode())).endsWith("two");
    assertThat(receive(ALICE, BOB, sealed(alice, ALICE, BOB, 5, "five").encode())).endsWith("five");

    for (long old : new long[] {3, 5, 1}) {
      String envelope = sealed(alice, ALICE, BOB, old, "old " + old).encode();
      assertThatThrownBy(() -> receive(ALICE, BOB, envelope))
          .as("counter %d after 5", old)
          .isInstanceOfSatisfying(
              EnvelopeException.class,
              e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.REPLAYED));
    }
    assertThat(receive(ALICE, BOB, sealed(alice, ALICE, BOB, 6, "six").encode())).endsWith("six");
    assertThat(receive(CAROL, BOB, sealed(carol, CAROL, BOB, 1, "one").encode())).endsWith("one");
  }

  @Test
  @Points(2)
  @DisplayName("A replay after bob's contact book was saved and opened again from disk")
  @Hint(
      "ContactBook's Javadoc: the last counter seen is kept on disk. Does your change reach the"
          + " contacts file?")
  void aReplayIsStillRefusedAfterTheContactBookIsReopened() throws Exception {
    String envelope = sealed(alice, ALICE, BOB, 3, "the door code is 4711").encode();
    assertThat(receive(ALICE, BOB, envelope, ContactBook.open(dataDir, BOB)))
        .isEqualTo("WHISPER alice bob the door code is 4711");

    ContactBook reopened = ContactBook.open(dataDir, BOB);

    assertThatThrownBy(() -> receive(ALICE, BOB, envelope, reopened))
        .isInstanceOfSatisfying(
            EnvelopeException.class,
            e -> assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.REPLAYED));
    String next = sealed(alice, ALICE, BOB, 4, "next").encode();
    assertThat(receive(ALICE, BOB, next, ContactBook.open(dataDir, BOB))).endsWith("next");
  }

  @Test
  @Points(2)
  @DisplayName("Forged envelopes with a huge counter, then alice's next genuine envelope")
  @Hint(
      "The class Javadoc of EnvelopeReceiver and the protocol's order of checks: which checks"
          + " must an envelope pass before it may change what bob remembers?")
  void forgedEnvelopesDoNotMoveTheCounterOn() throws Exception {
    long huge = 1_000_000_000L;
    Envelope genuine = sealed(alice, ALICE, BOB, 1, "hello bob");
    String forgedByMallory = sealed(mallory, ALICE, BOB, huge, "forged").encode();
    String counterChanged = withCounter(genuine, huge).encode();
    String claimsAlice = sealed(mallory, ALICE, BOB, huge, "claims alice").encode();

    assertThatThrownBy(() -> receive(ALICE, BOB, forgedByMallory))
        .isInstanceOf(EnvelopeException.class);
    assertThatThrownBy(() -> receive(ALICE, BOB, counterChanged))
        .isInstanceOf(EnvelopeException.class);
    assertThatThrownBy(() -> receive(MALLORY, BOB, claimsAlice))
        .isInstanceOf(EnvelopeException.class);

    assertThat(receive(ALICE, BOB, genuine.encode())).isEqualTo("WHISPER alice bob hello bob");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Hpke.Aead.class)
  @Points(1)
  @DisplayName("Envelopes sealed with each AEAD the protocol allows")
  @Hint("The protocol's 'e2e envelopes', Sealing: the envelope names its AEAD, one of two.")
  void anEnvelopeSealedWithEitherAeadOpens(Hpke.Aead aead) throws Exception {
    Envelope envelope =
        Envelope.seal(
            alice,
            ALICE,
            BOB,
            directoryKeys(BOB),
            1,
            CLOCK.instant(),
            aead,
            new Payload.Whisper("sealed with " + aead.wireName()));

    assertThat(receive(ALICE, BOB, envelope.encode()))
        .isEqualTo("WHISPER alice bob sealed with " + aead.wireName());
  }

  @Test
  @Points(1)
  @DisplayName("A genuine envelope whose text holds terminal control characters")
  @Hint(
      "The protocol's 'e2e envelopes': the opened text obeys the rules of 'Text'. A signed sender"
          + " is still a peer.")
  void aGenuineEnvelopeWithControlCharactersIsRefused() {
    String clearScreen =
        sealed(alice, ALICE, BOB, 1, "\u001b[2J\u001b[Hyou have been logged out").encode();

    assertThatThrownBy(() -> receive(ALICE, BOB, clearScreen))
        .isInstanceOf(EnvelopeException.class);
  }

  /** One envelope per bit of {@code part}, each with that bit flipped and all else unchanged. */
  private static List<Envelope> everyBitFlip(Envelope e, Part part) {
    List<Envelope> changed = new ArrayList<>();
    switch (part) {
      case HEADER_COUNTER -> {
        for (int bit = 0; bit < 63; bit++) {
          changed.add(withCounter(e, e.counter() ^ (1L << bit)));
        }
      }
      case HEADER_TIME -> {
        for (int bit = 0; bit < 63; bit++) {
          Instant time = Instant.ofEpochMilli(e.time().toEpochMilli() ^ (1L << bit));
          changed.add(rebuilt(e, e.aead(), e.counter(), time, e.enc(), e.ciphertext()));
        }
      }
      case HEADER_AEAD -> {
        for (Hpke.Aead other : Hpke.Aead.values()) {
          if (other != e.aead()) {
            changed.add(rebuilt(e, other, e.counter(), e.time(), e.enc(), e.ciphertext()));
          }
        }
      }
      case ENC, CIPHERTEXT, SIGNATURE -> {
        byte[] original = bytesOf(e, part);
        for (int bit = 0; bit < original.length * 8; bit++) {
          byte[] flipped = original.clone();
          flipped[bit / 8] ^= (byte) (1 << (bit % 8));
          changed.add(withBytes(e, part, flipped));
        }
      }
    }
    return changed;
  }

  private static byte[] bytesOf(Envelope e, Part part) {
    return switch (part) {
      case ENC -> e.enc();
      case CIPHERTEXT -> e.ciphertext();
      default -> e.signature();
    };
  }

  private static Envelope withBytes(Envelope e, Part part, byte[] value) {
    return new Envelope(
        e.aead(),
        e.sender(),
        e.recipient(),
        e.counter(),
        e.time(),
        part == Part.ENC ? value : e.enc(),
        part == Part.CIPHERTEXT ? value : e.ciphertext(),
        part == Part.SIGNATURE ? value : e.signature());
  }

  private static Envelope withCounter(Envelope e, long counter) {
    return rebuilt(e, e.aead(), counter, e.time(), e.enc(), e.ciphertext());
  }

  /** The same signature on changed fields: what a relay can do without alice's key. */
  private static Envelope rebuilt(
      Envelope e, Hpke.Aead aead, long counter, Instant time, byte[] enc, byte[] ciphertext) {
    return new Envelope(
        aead, e.sender(), e.recipient(), counter, time, enc, ciphertext, e.signature());
  }

  // END HIDDEN TESTS

  /** What bob's client makes of {@code WHISPER from to envelope}, with his contact book. */
  private String receive(Username from, Username to, String envelope) throws EnvelopeException {
    return receive(from, to, envelope, bobsContacts);
  }

  private String receive(Username from, Username to, String envelope, ContactBook contacts)
      throws EnvelopeException {
    ServerMessage.Private whisper = new ServerMessage.Private(from, to, envelope);
    return EnvelopeReceiver.open(whisper, directoryKeys(from), user(BOB, bob, contacts), CODEC);
  }

  /** As a client takes a contact's keys: from the server's entry, after checking its signature. */
  private PublicIdentity directoryKeys(Username name) {
    SignedKeyEntry entry = SignedKeyEntry.parse(name, directory.entry(name).orElseThrow());
    try {
      entry.verify(server.publicKey());
    } catch (SignatureException e) {
      throw new AssertionError("the test's own directory entry does not verify", e);
    }
    return entry.keys();
  }

  /** An envelope made by {@link Envelope#seal}, sealed to the recipient's directory key. */
  private Envelope sealed(
      IdentityKeys signer, Username sender, Username recipient, long counter, String text) {
    return Envelope.seal(
        signer,
        sender,
        recipient,
        directoryKeys(recipient),
        counter,
        CLOCK.instant(),
        Hpke.Aead.AES_128_GCM,
        new Payload.Whisper(text));
  }

  /** The line alice's own client sends for {@code command}, through its e2e layer. */
  private String sealedByAlicesClient(ClientMessage command) throws Exception {
    E2eUser aliceUser = user(ALICE, alice, ContactBook.inMemory());
    DirectoryView aliceDirectory =
        new DirectoryView(
            ALICE, alice.publicIdentity(), server.publicKey(), aliceUser.contacts(), line -> {});
    aliceDirectory.accept(BOB, directory.entry(BOB).orElseThrow());
    List<String> sent = new ArrayList<>();
    new EnvelopeSender(aliceUser, aliceDirectory, sent::add, Set.of(ALICE, BOB))
        .sealCommand(Optional.of(command));
    assertThat(sent).hasSize(1);
    return sent.getFirst();
  }

  private E2eUser user(Username name, IdentityKeys keys, ContactBook contacts) {
    return new E2eUser(
        name,
        keys,
        contacts,
        new KnownHosts(dataDir, line -> {}),
        "127.0.0.1:7004",
        Hpke.Aead.AES_128_GCM,
        CLOCK,
        Limits.DEFAULTS,
        line -> {});
  }

  private void bind(Username name, IdentityKeys keys) throws Exception {
    PublicIdentity p = keys.publicIdentity();
    PeerIdentity proven =
        new PeerIdentity(name, p.signingKeyBase64() + " " + p.encryptionKeyBase64());
    directory.admit(Optional.of(proven), name, true);
  }

  private static ServerIdentity newServerIdentity() {
    try {
      return ServerIdentity.generate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
