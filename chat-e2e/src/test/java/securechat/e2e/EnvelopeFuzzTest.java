package securechat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import securechat.core.channel.LineFramer;
import securechat.core.identity.KnownHosts;
import securechat.core.protocol.Limits;
import securechat.core.protocol.MessageCodec;
import securechat.core.protocol.ProtocolException;
import securechat.core.protocol.ServerMessage;
import securechat.core.protocol.Username;

/**
 * Fuzzes what an e2e recipient reads: the envelope's text ({@link Envelope#parse}), its opening
 * ({@link Envelope#open}) and every check of {@link EnvelopeReceiver#open}, down to the sealed
 * payload ({@link Payload#decode}). The documented failure is an {@link EnvelopeException};
 * anything else is a bug.
 *
 * <p>Input that starts with {@code E2E1 } is an envelope as a whisper's text, as anyone on the path
 * could write it: it must parse back to exactly the same text, or be refused. Any other input is
 * the plaintext a hostile but genuine sender seals: alice seals and signs it to bob for real, so
 * that the signature and the AEAD pass and the payload parser sees the fuzzed bytes.
 *
 * <p>Seeds: {@code EnvelopeFuzzTestInputs/envelopes/}, real envelopes of each payload kind and
 * AEAD, and payload plaintexts.
 */
class EnvelopeFuzzTest {
  private static final byte[] PREFIX = Envelope.PREFIX.getBytes(StandardCharsets.US_ASCII);
  private static final Username ALICE = new Username("alice");
  private static final Username BOB = new Username("bob");
  private static final Instant TIME = Instant.parse("2026-11-24T10:00:00Z");
  private static final IdentityKeys ALICE_KEYS = keys(1);
  private static final IdentityKeys BOB_KEYS = keys(2);

  private final MessageCodec codec = new MessageCodec(Limits.DEFAULTS);

  @FuzzTest
  void envelopes(byte[] untrustedBytes) {
    String text;
    if (Arrays.equals(
        untrustedBytes,
        0,
        Math.min(PREFIX.length, untrustedBytes.length),
        PREFIX,
        0,
        PREFIX.length)) {
      try {
        text = LineFramer.decode(untrustedBytes, untrustedBytes.length, 64 * 1024);
      } catch (ProtocolException notALine) {
        return;
      }
      checkCanonical(text);
    } else {
      text =
          Envelope.sealPlaintext(
                  ALICE_KEYS,
                  ALICE,
                  BOB,
                  BOB_KEYS.publicIdentity(),
                  1,
                  TIME,
                  Hpke.Aead.AES_128_GCM,
                  untrustedBytes)
              .encode();
    }
    receive(text);
  }

  /** Text that parses is the one encoding of what it says: a relay cannot change it unseen. */
  private static void checkCanonical(String text) {
    Envelope envelope;
    try {
      envelope = Envelope.parse(text);
    } catch (EnvelopeException expected) {
      return;
    }
    assertThat(envelope.encode()).isEqualTo(text);
  }

  /** Bob receives the whisper from alice; what he is shown must be a line his client reads. */
  private void receive(String text) {
    ServerMessage.Private whisper = new ServerMessage.Private(ALICE, BOB, text);
    String shown;
    try {
      shown = EnvelopeReceiver.open(whisper, ALICE_KEYS.publicIdentity(), bob(), codec);
    } catch (EnvelopeException expected) {
      return;
    }
    try {
      codec.decodeReply(shown);
    } catch (ProtocolException e) {
      throw new AssertionError("an accepted envelope is shown as a bad line: " + e.sentence(), e);
    }
  }

  /** Bob with a fresh contact book, so the counter of every input is new. */
  private static E2eUser bob() {
    return new E2eUser(
        BOB,
        BOB_KEYS,
        ContactBook.inMemory(),
        new KnownHosts(Path.of("unused"), message -> {}),
        "localhost:7004",
        Hpke.Aead.AES_128_GCM,
        Clock.fixed(TIME, ZoneOffset.UTC),
        Limits.DEFAULTS,
        message -> {});
  }

  /** Fixed keys, so that a saved input gives the same run every time. */
  static IdentityKeys keys(int seed) {
    byte[] privateBytes = new byte[32];
    Arrays.fill(privateBytes, (byte) seed);
    return IdentityKeys.fromPrivateBytes(privateBytes, privateBytes);
  }
}
