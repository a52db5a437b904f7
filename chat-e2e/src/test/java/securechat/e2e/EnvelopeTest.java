package securechat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static securechat.e2e.EnvelopeException.Reason.BAD_SIGNATURE;
import static securechat.e2e.EnvelopeException.Reason.MALFORMED;
import static securechat.e2e.EnvelopeException.Reason.TAMPERED;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import securechat.core.protocol.FileName;
import securechat.core.protocol.Username;

/**
 * Envelopes on their own: what seal and open give back, the wire shape, and every change to an
 * envelope refused with the reason that names it (the signature first, then the AEAD).
 */
class EnvelopeTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Instant TIME = Instant.parse("2026-11-24T10:00:00Z");
  private static final Username ALICE = new Username("alice");
  private static final Username BOB = new Username("bob");
  private static final Username CAROL = new Username("carol");
  private static final IdentityKeys alice = IdentityKeys.generate(RANDOM);
  private static final IdentityKeys bob = IdentityKeys.generate(RANDOM);
  private static final IdentityKeys carol = IdentityKeys.generate(RANDOM);
  private static final Envelope ORIGINAL = seal(Hpke.Aead.AES_128_GCM, new Payload.Whisper("hi"));

  /** The three byte fields of an envelope, by name, for the tampering tests. */
  enum Part {
    ENC,
    CIPHERTEXT,
    SIGNATURE
  }

  static Stream<Arguments> everyAeadAndPayload() throws Exception {
    Payload file =
        new Payload.File(FileName.parse("notes.txt"), "line one\nline two\n\n  line four\n");
    Stream<Payload> payloads =
        Stream.of(new Payload.Whisper("meet at 5"), new Payload.Broadcast("hello all"), file);
    return payloads.flatMap(
        payload -> Arrays.stream(Hpke.Aead.values()).map(aead -> Arguments.of(aead, payload)));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("everyAeadAndPayload")
  void sealThenEncodeParseAndOpenGivesBackThePayload(Hpke.Aead aead, Payload payload)
      throws Exception {
    Envelope sealed = seal(aead, payload);

    Envelope received = Envelope.parse(sealed.encode());

    assertThat(received).isEqualTo(sealed);
    assertThat(received.open(bob, alice.publicIdentity())).isEqualTo(payload);
  }

  @ParameterizedTest
  @EnumSource(Hpke.Aead.class)
  void encodeThenParseKeepsEveryField(Hpke.Aead aead) throws Exception {
    Envelope sealed = seal(aead, new Payload.Whisper("hi"));

    Envelope parsed = Envelope.parse(sealed.encode());

    assertThat(parsed.aead()).isEqualTo(aead);
    assertThat(parsed.sender()).isEqualTo(ALICE);
    assertThat(parsed.recipient()).isEqualTo(BOB);
    assertThat(parsed.counter()).isEqualTo(7);
    assertThat(parsed.time()).isEqualTo(TIME);
    assertThat(parsed.enc()).isEqualTo(sealed.enc());
    assertThat(parsed.ciphertext()).isEqualTo(sealed.ciphertext());
    assertThat(parsed.signature()).isEqualTo(sealed.signature());
    assertThat(parsed.encode()).isEqualTo(sealed.encode());
  }

  @Test
  void theWireShapeIsE2e1AeadSenderRecipientCounterTimeEncCiphertextSignature() {
    String[] fields = ORIGINAL.encode().split(" ", -1);

    assertThat(fields).hasSize(9);
    assertThat(Arrays.copyOf(fields, 6))
        .containsExactly("E2E1", "aes128gcm", "alice", "bob", "7", "1795514400000");
    assertThat(Base64.getDecoder().decode(fields[6])).hasSize(Hpke.KEY_BYTES);
    assertThat(Base64.getDecoder().decode(fields[7]))
        .hasSize("whisper\nhi".length() + Hpke.TAG_BYTES);
    assertThat(Base64.getDecoder().decode(fields[8])).hasSize(Ed25519.SIGNATURE_BYTES);
    assertThat(Envelope.isEnvelope(ORIGINAL.encode())).isTrue();
  }

  static Stream<Arguments> everyBitOfEveryPart() {
    return Arrays.stream(Part.values())
        .flatMap(p -> IntStream.range(0, bytes(ORIGINAL, p).length * 8).mapToObj(b -> of(p, b)));
  }

  @ParameterizedTest(name = "{0}, bit {1}")
  @MethodSource("everyBitOfEveryPart")
  void openRefusesEveryBitFlipAsABadSignature(Part part, int bit) throws Exception {
    byte[] flipped = bytes(ORIGINAL, part);
    flipped[bit / 8] ^= (byte) (1 << (bit % 8));

    assertRefused(Envelope.parse(with(ORIGINAL, part, flipped).encode()), BAD_SIGNATURE);
  }

  static Stream<Arguments> everyTruncationAndOneAppendedByte() {
    return Arrays.stream(Part.values())
        .flatMap(p -> IntStream.rangeClosed(0, bytes(ORIGINAL, p).length).mapToObj(n -> of(p, n)));
  }

  @ParameterizedTest(name = "{0}, {1} bytes kept or one appended")
  @MethodSource("everyTruncationAndOneAppendedByte")
  void openRefusesEveryTruncationAndAnAppendedByteAsABadSignature(Part part, int length)
      throws Exception {
    byte[] original = bytes(ORIGINAL, part);
    byte[] changed = Arrays.copyOf(original, length < original.length ? length : length + 1);

    assertRefused(Envelope.parse(with(ORIGINAL, part, changed).encode()), BAD_SIGNATURE);
  }

  @Test
  void theTestSignsExactlyWhatSealSigns() {
    assertThat(alice.sign(signedBytes(ORIGINAL))).isEqualTo(ORIGINAL.signature());
  }

  static Stream<Arguments> everyBitOfEncAndCiphertext() {
    return everyBitOfEveryPart().filter(a -> a.get()[0] != Part.SIGNATURE);
  }

  @ParameterizedTest(name = "{0}, bit {1}")
  @MethodSource("everyBitOfEncAndCiphertext")
  void aTamperedEncOrCiphertextReSignedBySenderIsRefusedAsTampered(Part part, int bit)
      throws Exception {
    byte[] flipped = bytes(ORIGINAL, part);
    flipped[bit / 8] ^= (byte) (1 << (bit % 8));

    assertRefused(resigned(with(ORIGINAL, part, flipped)), TAMPERED);
  }

  static Stream<Arguments> changedHeaders() {
    Envelope o = ORIGINAL;
    byte[] e = o.enc();
    byte[] c = o.ciphertext();
    byte[] s = o.signature();
    Hpke.Aead other = Hpke.Aead.CHACHA20_POLY1305;
    return Stream.of(
        of("counter", new Envelope(o.aead(), ALICE, BOB, 8, TIME, e, c, s)),
        of("counter", new Envelope(o.aead(), ALICE, BOB, 6, TIME, e, c, s)),
        of("time", new Envelope(o.aead(), ALICE, BOB, 7, TIME.plusMillis(1), e, c, s)),
        of("recipient", new Envelope(o.aead(), ALICE, CAROL, 7, TIME, e, c, s)),
        of("sender", new Envelope(o.aead(), CAROL, BOB, 7, TIME, e, c, s)),
        of("aead", new Envelope(other, ALICE, BOB, 7, TIME, e, c, s)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changedHeaders")
  void aChangedHeaderFieldIsRefusedAsABadSignature(String field, Envelope changed)
      throws Exception {
    assertRefused(Envelope.parse(changed.encode()), BAD_SIGNATURE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changedHeaders")
  void aChangedHeaderFieldReSignedBySenderIsRefusedAsTampered(String field, Envelope changed) {
    assertRefused(resigned(changed), TAMPERED);
  }

  @Test
  void openingWithTheWrongRecipientKeyIsRefusedAsTampered() {
    assertThatThrownBy(() -> ORIGINAL.open(carol, alice.publicIdentity()))
        .isInstanceOfSatisfying(
            EnvelopeException.class, e -> assertThat(e.reason()).isEqualTo(TAMPERED))
        .hasMessage("its ciphertext does not open: changed in transit");
  }

  @Test
  void openingWithAnotherSendersDirectoryKeyIsRefusedAsABadSignatureNamingTheSender() {
    assertThatThrownBy(() -> ORIGINAL.open(bob, carol.publicIdentity()))
        .isInstanceOfSatisfying(
            EnvelopeException.class, e -> assertThat(e.reason()).isEqualTo(BAD_SIGNATURE))
        .hasMessage("its signature does not verify against alice's key in the directory");
  }

  static Stream<Arguments> malformedTexts() {
    String[] f = ORIGINAL.encode().split(" ");
    return Stream.of(
        of("wrong prefix", replaced(f, 0, "E2E2")),
        of("lower-case prefix", replaced(f, 0, "e2e1")),
        of("8 fields", String.join(" ", Arrays.copyOf(f, 8))),
        of("10 fields", String.join(" ", f) + " extra"),
        of("a trailing space", String.join(" ", f) + " "),
        of("two spaces", String.join(" ", f).replaceFirst(" ", "  ")),
        of("empty", ""),
        of("unknown AEAD", replaced(f, 1, "aes256gcm")),
        of("upper-case AEAD", replaced(f, 1, "AES128GCM")),
        of("bad sender", replaced(f, 2, "Alice")),
        of("one-letter recipient", replaced(f, 3, "b")),
        of("non-numeric counter", replaced(f, 4, "seven")),
        of("counter with a leading zero", replaced(f, 4, "0" + f[4])),
        of("counter with a plus sign", replaced(f, 4, "+" + f[4])),
        of("counter past a long", replaced(f, 4, "9223372036854775808")),
        of("non-numeric time", replaced(f, 5, "2026-11-24")),
        of("enc not Base64", replaced(f, 6, "!!!!")),
        of("enc without padding", replaced(f, 6, f[6].replace("=", ""))),
        of("ciphertext not Base64", replaced(f, 7, "a*b=")),
        of("signature without padding", replaced(f, 8, f[8].replace("=", ""))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedTexts")
  void parseRefusesMalformedTextAsMalformedWithASentence(String what, String text) {
    assertThatThrownBy(() -> Envelope.parse(text))
        .isInstanceOfSatisfying(
            EnvelopeException.class, e -> assertThat(e.reason()).isEqualTo(MALFORMED))
        .message()
        .isNotBlank();
  }

  @Test
  void randomMutationsOfAnEnvelopeGiveOnlyEnvelopeExceptions() throws Exception {
    String valid = ORIGINAL.encode();
    Random random = new Random(4);
    for (int i = 0; i < 500; i++) {
      String mutated = mutate(valid, random);
      Throwable thrown =
          catchThrowable(() -> Envelope.parse(mutated).open(bob, alice.publicIdentity()));
      if (thrown == null) {
        // Only a text that means the same envelope may open ("07" for "7", for instance).
        assertThat(Envelope.parse(mutated)).as(mutated).isEqualTo(ORIGINAL);
      } else {
        assertThat(thrown).as(mutated).isInstanceOf(EnvelopeException.class);
      }
    }
  }

  private static String mutate(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    int at = random.nextInt(text.length());
    String alphabet = " 0+7aZ=/-é\n\u0000E";
    char c = alphabet.charAt(random.nextInt(alphabet.length()));
    switch (random.nextInt(4)) {
      case 0 -> out.setCharAt(at, c);
      case 1 -> out.deleteCharAt(at);
      case 2 -> out.insert(at, c);
      default -> out.setLength(at);
    }
    return out.toString();
  }

  private static void assertRefused(Envelope envelope, EnvelopeException.Reason reason) {
    assertThatThrownBy(() -> envelope.open(bob, alice.publicIdentity()))
        .isInstanceOfSatisfying(
            EnvelopeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static Envelope seal(Hpke.Aead aead, Payload payload) {
    return Envelope.seal(alice, ALICE, BOB, bob.publicIdentity(), 7, TIME, aead, payload);
  }

  /** What {@link Envelope#seal} signs, rebuilt field by field from the envelope. */
  private static byte[] signedBytes(Envelope e) {
    byte[] header =
        SigningInput.labelled(Envelope.HEADER_LABEL)
            .field(e.aead().wireName())
            .field(e.sender().value())
            .field(e.recipient().value())
            .field(Long.toString(e.counter()))
            .field(Long.toString(e.time().toEpochMilli()))
            .toBytes();
    return SigningInput.labelled(Envelope.SIGNATURE_LABEL)
        .field(header)
        .field(e.enc())
        .field(e.ciphertext())
        .toBytes();
  }

  /** The envelope with a valid signature by alice: only the sender's own key could make it. */
  private static Envelope resigned(Envelope e) {
    return with(e, Part.SIGNATURE, alice.sign(signedBytes(e)));
  }

  private static byte[] bytes(Envelope e, Part part) {
    return switch (part) {
      case ENC -> e.enc();
      case CIPHERTEXT -> e.ciphertext();
      case SIGNATURE -> e.signature();
    };
  }

  private static Envelope with(Envelope e, Part part, byte[] value) {
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

  private static String replaced(String[] fields, int index, String value) {
    String[] copy = fields.clone();
    copy[index] = value;
    return String.join(" ", copy);
  }

  private static Arguments of(Object... arguments) {
    return Arguments.of(arguments);
  }
}
