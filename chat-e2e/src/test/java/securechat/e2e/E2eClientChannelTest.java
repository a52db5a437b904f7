package securechat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import securechat.core.channel.PeerIdentity;
import securechat.core.identity.KnownHosts;
import securechat.core.identity.ServerIdentity;
import securechat.core.protocol.Limits;
import securechat.core.protocol.Username;
import securechat.core.terminal.RecordingConsole;

/**
 * Bob's e2e layer fed by a scripted server: what it opens, what it refuses and why, and what it
 * will not send. Each refusal is one of the attacks the lab runs for real.
 */
@Timeout(30)
class E2eClientChannelTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();
  static final Username ALICE = new Username("alice");
  static final Username BOB = new Username("bob");
  static final Username CAROL = new Username("carol");
  static final Username MALLORY = new Username("mallory");

  @TempDir Path dataDir;

  private final ServerIdentity server = serverIdentity();
  private final KeyDirectory directory = KeyDirectory.inMemory(server, CLOCK);
  private final IdentityKeys alice = IdentityKeys.generate(RANDOM);
  private final IdentityKeys bob = IdentityKeys.generate(RANDOM);
  private final IdentityKeys carol = IdentityKeys.generate(RANDOM);
  private final IdentityKeys mallory = IdentityKeys.generate(RANDOM);
  private final RecordingConsole bobSees = RecordingConsole.silent();
  private final ScriptedTransport wire = new ScriptedTransport();
  private E2eClientChannel bobChannel;

  @BeforeEach
  void setUp() throws Exception {
    bind(ALICE, alice);
    bind(BOB, bob);
    bind(CAROL, carol);
    bind(MALLORY, mallory);
    E2eUser user =
        new E2eUser(
            BOB,
            bob,
            ContactBook.inMemory(),
            new KnownHosts(dataDir, line -> {}),
            "127.0.0.1:7004",
            Hpke.Aead.AES_128_GCM,
            CLOCK,
            Limits.DEFAULTS,
            bobSees::print);
    bobChannel = new E2eClientChannel(wire, wire.info(), user, server.publicKey());
  }

  @Test
  void aWhisperSealedToBobIsOpenedAndShownAsAnOrdinaryWhisper() throws Exception {
    wire.arrive(key(ALICE), whisper(ALICE, BOB, envelope(alice, ALICE, BOB, 1, "meet at 5")));

    assertThat(bobChannel.receive()).isEqualTo("WHISPER alice bob meet at 5");
    assertThat(bobSees.nextLine()).startsWith("[e2e] alice's key SHA256:");
  }

  @Test
  void aReplayedEnvelopeIsRefused() throws Exception {
    String line = whisper(ALICE, BOB, envelope(alice, ALICE, BOB, 1, "meet at 5"));
    wire.arrive(key(ALICE), line, line, "NOTICE end");

    assertThat(bobChannel.receive()).isEqualTo("WHISPER alice bob meet at 5");
    assertThat(bobChannel.receive()).isEqualTo("NOTICE end");
    assertThat(bobSees.nextLineStartingWith("[e2e] REFUSED"))
        .isEqualTo(
            "[e2e] REFUSED a message from alice: its counter 1 is not above 1, the last one"
                + " accepted from alice: a replay or an old message");
  }

  @Test
  void envelopesThatArriveTogetherAreShownOnlyOnceAllTheirCountersAreOnDisk() throws Exception {
    ContactBook onDisk = ContactBook.open(dataDir, BOB);
    E2eUser user =
        new E2eUser(
            BOB,
            bob,
            onDisk,
            new KnownHosts(dataDir, line -> {}),
            "127.0.0.1:7004",
            Hpke.Aead.AES_128_GCM,
            CLOCK,
            Limits.DEFAULTS,
            bobSees::print);
    E2eClientChannel channel = new E2eClientChannel(wire, wire.info(), user, server.publicKey());
    wire.arrive(
        key(ALICE),
        whisper(ALICE, BOB, envelope(alice, ALICE, BOB, 1, "one")),
        whisper(ALICE, BOB, envelope(alice, ALICE, BOB, 2, "two")),
        whisper(ALICE, BOB, envelope(alice, ALICE, BOB, 3, "three")));

    assertThat(channel.receive()).isEqualTo("WHISPER alice bob one");

    assertThatThrownBy(() -> ContactBook.open(dataDir, BOB).acceptCounter(ALICE, 3))
        .as("counter 3 is on disk before the first of the three is shown")
        .isInstanceOf(EnvelopeException.class);
    assertThat(channel.receive()).isEqualTo("WHISPER alice bob two");
    assertThat(channel.receive()).isEqualTo("WHISPER alice bob three");
  }

  @Test
  void oneChangedCharacterInAnyFieldOfTheEnvelopeIsRefused() throws Exception {
    String good = envelope(alice, ALICE, BOB, 1, "meet at 5");
    String[] fields = good.split(" ");
    wire.arrive(key(ALICE));
    for (int field = 1; field < fields.length; field++) {
      if (field == 2 || field == 3) {
        continue; // the names: see the sender and recipient tests
      }
      String[] changed = fields.clone();
      changed[field] = changeOneCharacter(fields[field]);
      wire.arrive(whisper(ALICE, BOB, String.join(" ", changed)), "NOTICE after field " + field);

      assertThat(bobChannel.receive()).isEqualTo("NOTICE after field " + field);
      assertThat(bobSees.nextLineStartingWith("[e2e] REFUSED")).contains("from alice");
    }
  }

  @Test
  void anEnvelopeWhoseSenderFieldNamesSomeoneElseIsRefused() throws Exception {
    // mallory signs an envelope claiming to be from alice and sends it herself
    String forged = envelope(mallory, ALICE, BOB, 1, "send me your password");
    wire.arrive(key(ALICE), key(MALLORY), whisper(MALLORY, BOB, forged), "NOTICE end");

    assertThat(bobChannel.receive()).isEqualTo("NOTICE end");
    assertThat(bobSees.nextLineStartingWith("[e2e] REFUSED"))
        .isEqualTo(
            "[e2e] REFUSED a message from mallory: its sender field says alice but the server"
                + " delivered it from mallory");
  }

  @Test
  void anEnvelopeSignedWithAKeyOtherThanTheDirectorysIsRefused() throws Exception {
    // a malicious server delivers mallory's forgery as if alice had sent it
    String forged = envelope(mallory, ALICE, BOB, 1, "send me your password");
    wire.arrive(key(ALICE), whisper(ALICE, BOB, forged), "NOTICE end");

    assertThat(bobChannel.receive()).isEqualTo("NOTICE end");
    assertThat(bobSees.nextLineStartingWith("[e2e] REFUSED"))
        .isEqualTo(
            "[e2e] REFUSED a message from alice: its signature does not verify against alice's"
                + " key in the directory");
  }

  @Test
  void aDirectoryEntryWithABadServerSignatureIsRefusedAndItsKeyNeverUsed() throws Exception {
    String entry = directory.entry(ALICE).orElseThrow();
    String badSignature = entry.substring(0, entry.length() - 6) + "AAAAA=";
    wire.arrive("KEY alice " + badSignature, "NOTICE end");

    assertThat(bobChannel.receive()).isEqualTo("NOTICE end");
    assertThat(bobSees.nextLine())
        .isEqualTo(
            "[e2e] REFUSED the directory entry of alice: the directory entry of alice is not"
                + " signed by the server's identity key");
    assertThat(bobChannel.directoryKeys(ALICE)).isEmpty();
  }

  @Test
  void aSubstitutedKeyIsAnnouncedAndNothingIsSentUntilVerified() throws Exception {
    wire.arrive(key(ALICE), "NOTICE first");
    bobChannel.receive();
    bobChannel.send("/safety alice");
    String before = safetyDigits();
    // the server now signs mallory's keys for alice: a key substitution
    IdentityKeys substitute = IdentityKeys.generate(RANDOM);
    directory.admit(proof(ALICE, substitute), ALICE, true);
    wire.arrive(key(ALICE), "NOTICE second");
    bobChannel.receive();

    assertThat(bobSees.nextLineStartingWith("[e2e] WARNING"))
        .contains("alice's identity key HAS CHANGED");
    bobChannel.send("/whisper alice are you there?");
    assertThat(wire.sent()).noneMatch(line -> line.startsWith("/whisper"));
    assertThat(bobSees.nextLineStartingWith("[e2e] WARNING")).contains("Nothing goes to alice");
    bobChannel.send("/safety alice");
    assertThat(safetyDigits()).isNotEqualTo(before);

    bobChannel.send("/verify alice");
    bobChannel.send("/whisper alice are you there?");
    assertThat(wire.sent()).anyMatch(line -> line.startsWith("/whisper alice E2E1 aes128gcm bob"));
  }

  @Test
  void whatBobSendsOnlyAliceCanOpen() throws Exception {
    wire.arrive(key(ALICE), "NOTICE ready");
    bobChannel.receive();

    bobChannel.send("/whisper alice the code is 4711");

    String line = wire.sent().getLast();
    assertThat(line).startsWith("/whisper alice E2E1 ").doesNotContain("4711");
    Envelope envelope = Envelope.parse(line.substring("/whisper alice ".length()));
    assertThat(envelope.open(alice, bob.publicIdentity()))
        .isEqualTo(new Payload.Whisper("the code is 4711"));
  }

  @Test
  void aBroadcastIsOneEnvelopePerOtherUserOnline() throws Exception {
    wire.arrive("LIST alice bob carol", key(ALICE), key(CAROL), "NOTICE ready");
    assertThat(bobChannel.receive()).isEqualTo("LIST alice bob carol");
    bobChannel.receive();

    bobChannel.send("pancakes at noon");

    List<String> whispers =
        wire.sent().stream().filter(line -> line.startsWith("/whisper")).toList();
    assertThat(whispers).hasSize(2);
    assertThat(whispers.get(0)).startsWith("/whisper alice E2E1 aes128gcm bob alice 1 ");
    assertThat(whispers.get(1)).startsWith("/whisper carol E2E1 aes128gcm bob carol 1 ");
    assertThat(bobSees.nextLineStartingWith("bob: "))
        .isEqualTo("bob: pancakes at noon   [e2e: sealed for 2 of 2 online]");
  }

  @Test
  void aMessageInClearIsShownWithAWarning() throws Exception {
    wire.arrive("MSG alice hello in clear");

    assertThat(bobChannel.receive()).isEqualTo("MSG alice hello in clear");
    assertThat(bobSees.nextLine())
        .isEqualTo(
            "[e2e] WARNING: the next message from alice is NOT end-to-end encrypted: the server"
                + " could read or have written it");
  }

  @Test
  void anEnvelopeFromSomeoneWithoutAKnownKeyWaitsForTheDirectory() throws Exception {
    wire.arrive(whisper(ALICE, BOB, envelope(alice, ALICE, BOB, 1, "early bird")), key(ALICE));

    assertThat(bobChannel.receive()).isEqualTo("WHISPER alice bob early bird");
    assertThat(wire.sent()).containsExactly("/key alice");
  }

  private String safetyDigits() throws InterruptedException {
    bobSees.nextLineStartingWith("[e2e] safety number with alice");
    return bobSees.nextLine() + bobSees.nextLine();
  }

  private void bind(Username name, IdentityKeys keys) throws Exception {
    directory.admit(proof(name, keys), name, true);
  }

  private static Optional<PeerIdentity> proof(Username name, IdentityKeys keys) {
    PublicIdentity p = keys.publicIdentity();
    return Optional.of(
        new PeerIdentity(name, p.signingKeyBase64() + " " + p.encryptionKeyBase64()));
  }

  private String key(Username name) {
    return "KEY " + name + " " + directory.entry(name).orElseThrow();
  }

  private String envelope(
      IdentityKeys signer, Username sender, Username recipient, long counter, String text) {
    PublicIdentity recipientKeys = directory.find(recipient).orElseThrow().keys();
    return Envelope.seal(
            signer,
            sender,
            recipient,
            recipientKeys,
            counter,
            CLOCK.instant(),
            Hpke.Aead.AES_128_GCM,
            new Payload.Whisper(text))
        .encode();
  }

  private static String whisper(Username from, Username to, String text) {
    return "WHISPER " + from + " " + to + " " + text;
  }

  static String changeOneCharacter(String field) {
    int middle = field.length() / 2;
    char replacement = field.charAt(middle) == 'A' ? 'B' : 'A';
    if (Character.isDigit(field.charAt(middle))) {
      replacement = field.charAt(middle) == '1' ? '2' : '1';
    }
    return field.substring(0, middle) + replacement + field.substring(middle + 1);
  }

  private static ServerIdentity serverIdentity() {
    try {
      return ServerIdentity.generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
